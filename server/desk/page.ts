// The desk's HTML shell at /desk. Everything inside it is drawn by client/desk (the officers'
// browsers always run JavaScript); the server only names the built files from Vite's manifest.
import { Router } from 'express';
import type { Deps } from '../deps.ts';
import { DIST_DIR, loadClientAssets } from '../web/assets.ts';
import { html } from '../web/html.ts';

/** The desk's entry in client/vite.config.ts, as the manifest keys it. */
export const DESK_ENTRY = 'desk/main.ts';
/** The back office (accounts, agencies, routing, deadlines, holidays, audit) under the desk. */
export const ADMIN_ENTRY = 'admin/main.ts';

export function renderDeskShell(assets: { script: string | null; styles: string[] }, page: { name: 'desk' | 'admin'; title: string; loading: string } = { name: 'desk', title: 'Meja Pengaduan', loading: 'Memuat meja pengaduan…' }): string {
  return `<!doctype html>${html`<html lang="id" data-page="${page.name}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0b5d3b">
<meta name="robots" content="noindex">
<title>${page.title} · Suara Warga Blora</title>
${assets.styles.map((href) => html`<link rel="stylesheet" href="${href}">`)}
${assets.script ? html`<script type="module" src="${assets.script}"></script>` : ''}
</head>
<body>
<div id="desk" class="desk-root"><p class="desk-loading">${page.loading}</p></div>
<noscript><p class="desk-loading">Meja pengaduan membutuhkan JavaScript. Aktifkan JavaScript di browser ini.</p></noscript>
</body>
</html>`}`;
}

export function deskPageRoutes(deps: Pick<Deps, 'config'>, options: { distDir?: string } = {}): Router {
  const assets = loadClientAssets(options.distDir ?? DIST_DIR, DESK_ENTRY);
  const router = Router();
  router.get(['/desk', '/desk/'], (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.type('html').send(renderDeskShell(assets));
  });
  // Who may use which part is decided by the APIs it calls; the shell is the same for all.
  const adminAssets = loadClientAssets(options.distDir ?? DIST_DIR, ADMIN_ENTRY);
  router.get(['/desk/admin', '/desk/admin/'], (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.type('html').send(renderDeskShell(adminAssets, { name: 'admin', title: 'Pengaturan', loading: 'Memuat pengaturan…' }));
  });
  return router;
}
