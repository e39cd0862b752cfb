import type { PublicReportView } from '../../shared/types.ts';
import { ngopiText } from '../../shared/ngopi-text.ts';
import { WEB_TEXT, webText, type WebTextKey } from '../../shared/web-text.ts';
import { formatDate } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import type { Lang } from './lang.ts';

export function trackFormBody(lang: Lang, value = '', error?: string): SafeHtml {
  const t = (k: WebTextKey) => webText(lang, k);
  return html`<h1>${t('trackTitle')}</h1>
<form method="get" action="/lacak" class="track-form">
<div class="field">
<label for="f-kode">${t('codeInput')}</label>
<p class="hint" id="hint-kode">${t('codeHint')}</p>
<input id="f-kode" name="kode" value="${value}" autocapitalize="characters" autocomplete="off" required aria-describedby="hint-kode err-kode"${error ? html` aria-invalid="true"` : ''}>
<p class="err" id="err-kode" role="alert">${error ?? ''}</p>
</div>
<button class="btn primary" type="submit">${t('trackSubmit')}</button>
</form>`;
}

function ratingForm(lang: Lang, code: string, errors: Record<string, string>): SafeHtml {
  const t = (k: WebTextKey) => webText(lang, k);
  return html`<form method="post" action="/lacak/${code}/nilai" class="group">
<h2>${t('feedbackTitle')}</h2>
<fieldset class="choices rating" aria-describedby="err-rating"><legend>${t('rating')}</legend>
${[1, 2, 3, 4, 5].map((n) => html`<label class="choice"><input type="radio" name="rating" value="${n}" required> <span>${n}</span></label>`)}
<p class="err" id="err-rating">${errors.rating ?? ''}</p>
</fieldset>
<div class="field"><label for="f-comment">${t('comment')}</label><textarea id="f-comment" name="comment" rows="3"></textarea></div>
<button class="btn primary" type="submit">${t('sendRating')}</button>
</form>`;
}

function reopenForm(lang: Lang, code: string, until: string, errors: Record<string, string>): SafeHtml {
  const t = (k: WebTextKey) => webText(lang, k);
  return html`<form method="post" action="/lacak/${code}/nilai" class="group">
<h2>${t('reopenTitle')}</h2>
<p>${webText(lang, 'reopenUntil', { date: formatDate(until, lang) })}</p>
<input type="hidden" name="reopen" value="true">
<div class="field"><label for="f-reason">${t('reason')}</label><textarea id="f-reason" name="reason" rows="3" required aria-describedby="err-reason"></textarea>
<p class="err" id="err-reason">${errors.reason ?? ''}</p></div>
<button class="btn secondary" type="submit">${t('reopen')}</button>
</form>`;
}

/** "Dukung": a plain form, so it works without JavaScript; the count is what the desk sees too. */
function supportBlock(lang: Lang, v: PublicReportView): SafeHtml {
  if (v.confidential || v.status === 'rejected' || v.status === 'duplicate') return html``;
  return html`<form method="post" action="/laporan/${v.publicId}/dukung" class="support">
<p id="support-count">${ngopiText(lang, 'supportCount', { n: v.supportCount ?? 0 })}</p>
<button class="btn secondary" type="submit">👍 ${ngopiText(lang, 'support')}</button>
</form>`;
}

/** The reporter's page: opened with the tracking code, which only they hold (and see here). */
export function trackViewBody(lang: Lang, code: string, v: PublicReportView, opts: { errors?: Record<string, string>; notice?: string } = {}): SafeHtml {
  const t = (k: WebTextKey) => webText(lang, k);
  const events = WEB_TEXT[lang].events;
  const errors = opts.errors ?? {};
  const row = (label: string, value: string | undefined | null) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
  return html`<p><a href="/lacak" class="back">← ${t('trackTitle')}</a></p>
<h1>${t('trackTitle')}</h1>
<p class="code" id="tracking-code">${code}</p>
<p id="public-id">${t('publicIdLabel')} <strong>${v.publicId}</strong></p>
${opts.notice ? html`<p class="notice" role="status">${opts.notice}</p>` : ''}
${v.duplicateOf ? html`<p class="notice" id="merged">${ngopiText(lang, 'mergedInto', { code: v.duplicateOf })} <a href="/laporan/${v.duplicateOf}">${ngopiText(lang, 'openOriginal', { code: v.duplicateOf })}</a></p>` : ''}
<dl class="facts">
${row(t('status'), v.statusLabel)}
${row(t('agency'), v.agency?.name)}
${row(t('place'), v.desa && v.kecamatan ? `${v.desa.name}, ${v.kecamatan.name}` : undefined)}
${row(t('submittedAt'), v.createdAt ? formatDate(v.createdAt, lang, true) : undefined)}
${row(t('verifyDue'), v.verifyDueAt && v.status === 'new' ? formatDate(v.verifyDueAt, lang) : undefined)}
${row(t('followUpDue'), v.followUpDueAt ? formatDate(v.followUpDueAt, lang) : undefined)}
</dl>
${v.confidential ? html`<p class="hint">${t('confidentialNote')}</p>` : ''}
${v.description ? html`<blockquote class="desc">${v.description}</blockquote>` : ''}
${supportBlock(lang, v)}
${v.timeline.length ? html`<h2>${t('timeline')}</h2><ol class="timeline">${v.timeline.map((e) => html`<li><time datetime="${e.at}">${formatDate(e.at, lang, true)}</time> <strong>${events[e.type] ?? e.type}</strong>${e.message ? html`<p>${e.message}</p>` : ''}</li>`)}</ol>` : ''}
${v.feedback ? html`<p>${webText(lang, 'yourRating', { rating: v.feedback.rating })}</p>` : ''}
${v.canGiveFeedback ? ratingForm(lang, code, errors) : ''}
${v.canReopenUntil ? reopenForm(lang, code, v.canReopenUntil, errors) : ''}`;
}

export function errorBody(lang: Lang, msg: string): SafeHtml {
  return html`<h1>${webText(lang, 'errorTitle')}</h1><p class="alert" role="alert">${msg}</p><p><a class="btn secondary" href="/">${webText(lang, 'home')}</a></p>`;
}
