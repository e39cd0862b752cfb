// The /peta shell: header, filter form, map and side panel as empty landmarks the client
// fills. Server-rendered so the filters work from the URL before any script runs.
import { AGENCIES } from '../../shared/reference/agencies.ts';
import { CATEGORIES } from '../../shared/reference/categories.ts';
import { STATUSES } from '../../shared/reference/statuses.ts';
import type { Agency, Category } from '../../shared/types.ts';
import type { MapFilters } from '../../shared/map.ts';
import type { ClientAssets } from '../web/assets.ts';
import { html } from '../web/html.ts';

export function renderMapPage(o: { assets: ClientAssets; filters: MapFilters; agencies?: readonly Agency[]; categories?: readonly Category[]; regionName: string }): string {
  const f = o.filters;
  const agencies = o.agencies ?? AGENCIES;
  const categories = o.categories ?? CATEGORIES;
  return `<!doctype html>${html`<html lang="id" data-page="peta">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0b5d3b">
<title>Peta laporan · Suara Warga</title>
${o.assets.styles.map((href) => html`<link rel="stylesheet" href="${href}">`)}
${o.assets.script ? html`<script type="module" src="${o.assets.script}"></script>` : ''}
</head>
<body>
<header class="topbar">
<strong class="brand">Suara Warga · Peta laporan ${o.regionName}</strong>
<span id="live" class="live" aria-live="polite">Menghubungkan…</span>
<span id="who" class="who"></span>
<button id="logout" type="button" hidden>Keluar</button>
</header>
<form id="filters" class="filters" method="get" action="/peta" aria-label="Saring laporan">
<label>Kategori <select name="category" id="f-category"><option value="">Semua</option>
${categories.map((c) => html`<option value="${c.id}"${f.categories.length === 1 && f.categories[0] === c.id ? ' selected' : ''}>${c.label}</option>`)}
</select></label>
<label>Status <select name="status" id="f-status"><option value="">Semua</option>
${STATUSES.map((s) => html`<option value="${s.id}"${f.statuses.length === 1 && f.statuses[0] === s.id ? ' selected' : ''}>${s.label}</option>`)}
</select></label>
<label>Dinas <select name="agency" id="f-agency"><option value="">Semua</option>
${agencies.map((a) => html`<option value="${a.id}"${f.agencyId === a.id ? ' selected' : ''}>${a.name}</option>`)}
</select></label>
<label>Dari <input type="date" name="from" id="f-from" value="${f.from ?? ''}"></label>
<label>Sampai <input type="date" name="to" id="f-to" value="${f.to ?? ''}"></label>
<label class="check"><input type="checkbox" name="overdue" value="1" id="f-overdue"${f.overdue ? ' checked' : ''}> Hanya lewat tenggat</label>
<noscript><button type="submit">Terapkan</button></noscript>
<button type="button" id="f-reset">Hapus saringan</button>
</form>
<div class="layout">
<div id="map" class="map" role="region" aria-label="Peta kecamatan"></div>
<aside id="panel" class="panel" aria-label="Ringkasan" tabindex="0">
<section id="kecamatan-detail" class="card" hidden></section>
<section class="card"><h2>Per dinas</h2><div id="agency-stats">Memuat…</div></section>
<section class="card"><h2>Tren 12 minggu</h2><div id="trend">Memuat…</div></section>
<section class="card"><h2>Pupuk</h2><div id="pupuk-stats">Memuat…</div></section>
</aside>
</div>
<dialog id="login" class="login">
<form id="login-form" method="dialog">
<h1>Masuk ke peta laporan</h1>
<p>Untuk petugas, camat, dan pimpinan daerah.</p>
<label>Nama pengguna <input name="username" id="l-username" autocomplete="username" required></label>
<label>Kata sandi <input name="password" id="l-password" type="password" autocomplete="current-password" required></label>
<p id="login-error" class="error" role="alert"></p>
<button type="submit">Masuk</button>
</form>
</dialog>
<noscript><p class="noscript">Peta laporan memerlukan JavaScript.</p></noscript>
</body>
</html>`}`;
}
