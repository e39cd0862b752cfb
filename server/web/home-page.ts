import type { DeadlineTable } from '../../shared/settings.ts';
import type { Category } from '../../shared/types.ts';
import { webText } from '../../shared/web-text.ts';
import { html, type SafeHtml } from './html.ts';
import type { Lang } from './lang.ts';

/** "3", or "2–3" when categories differ: the verify deadlines of the deadline table. */
function verifyDaysText(deadlines: DeadlineTable): string {
  const days = Object.values(deadlines.categories).map((d) => d.verifyWorkingDays);
  const [min, max] = [Math.min(...days), Math.max(...days)];
  return min === max ? String(min) : `${min}–${max}`;
}

export function homeBody(lang: Lang, categories: readonly Category[], deadlines: DeadlineTable): SafeHtml {
  const t = (k: Parameters<typeof webText>[1]) => webText(lang, k, { verifyDays: verifyDaysText(deadlines) });
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
