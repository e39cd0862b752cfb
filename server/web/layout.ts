import { webText } from '../../shared/web-text.ts';
import type { ClientAssets } from './assets.ts';
import { html, type SafeHtml } from './html.ts';
import type { Lang } from './lang.ts';

export interface PageOptions {
  lang: Lang;
  title: string;
  /** Which client module enhances this page (`home`, `form`, `receipt`, `track`). */
  page: string;
  /** Current path, so the language switch returns here. */
  path: string;
  assets: ClientAssets;
  body: SafeHtml;
}

/** The shell around every citizen page: no web fonts, one CSS and one module script from the build. */
export function renderPage(o: PageOptions): string {
  const otherLang: Lang = o.lang === 'id' ? 'en' : 'id';
  return `<!doctype html>${html`<html lang="${o.lang}" data-page="${o.page}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0b5d3b">
<title>${o.title} · ${webText(o.lang, 'siteName')}</title>
${o.assets.styles.map((href) => html`<link rel="stylesheet" href="${href}">`)}
${o.assets.script ? html`<script type="module" src="${o.assets.script}"></script>` : ''}
</head>
<body>
<header class="top">
<a class="brand" href="/">${webText(o.lang, 'siteName')}</a>
<a class="lang" href="/bahasa/${otherLang}?next=${encodeURIComponent(o.path)}" lang="${otherLang}" aria-label="${webText(o.lang, 'langSwitchLabel')}" data-lang="${otherLang}">${webText(o.lang, 'langSwitch')}</a>
</header>
<main id="main">${o.body}</main>
</body>
</html>`}`;
}
