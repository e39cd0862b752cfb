import type { Category } from '../../shared/types.ts';
import { webText } from '../../shared/web-text.ts';
import { html, type SafeHtml } from './html.ts';
import type { Lang } from './lang.ts';

export function homeBody(lang: Lang, categories: readonly Category[]): SafeHtml {
  const t = (k: Parameters<typeof webText>[1]) => webText(lang, k);
  return html`<h1>${t('tagline')}</h1>
<p class="intro">${t('homeIntro')}</p>
<div id="outbox-status" class="notice" role="status" aria-live="polite" hidden></div>
<h2>${t('chooseCategory')}</h2>
<ul class="cats">
${categories.map((c) => html`<li><a class="cat" href="/lapor/${c.id}"><span class="icon" aria-hidden="true">${c.icon}</span><span>${lang === 'en' ? c.labelEn : c.label}</span></a></li>`)}
</ul>
<p><a class="btn secondary" href="/lacak">${t('trackLink')}</a></p>
<section id="my-reports" class="my-reports" hidden></section>`;
}
