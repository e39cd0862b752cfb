import type { PupukDetails } from '../../shared/types.ts';
import { webText, type WebTextKey } from '../../shared/web-text.ts';
import { formatDate, formatRupiah } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import type { Lang } from './lang.ts';

export interface ReceiptView {
  publicId: string;
  /** The tracking code, shown here once; null for a retry whose code could not be recovered. */
  code: string | null;
  agencyName: string;
  verifyDueAt: string;
  /** The report's public page: what may be shared (the tracking code never is). */
  publicUrl: string;
  /** Working days of this category's deadlines and of the reopen window, from the deadline table. */
  days: { verify: number; followUp: number; reopen: number };
  details?: PupukDetails;
}

function priceLine(lang: Lang, d: PupukDetails | undefined): string | null {
  if (!d || d.pricePerKg === undefined || d.hetPerKg === undefined || d.hetPerKg === null) return null;
  const params = { price: formatRupiah(d.pricePerKg), het: formatRupiah(d.hetPerKg), over: formatRupiah(d.overHetPerKg ?? 0) };
  return webText(lang, (d.overHetPerKg ?? 0) > 0 ? 'priceFinding' : 'priceOk', params);
}

export function receiptBody(lang: Lang, r: ReceiptView): SafeHtml {
  const t = (k: WebTextKey, p: Record<string, string | number> = {}) => webText(lang, k, p);
  const share = `https://wa.me/?text=${encodeURIComponent(t('shareText', { id: r.publicId, url: r.publicUrl }))}`;
  const price = priceLine(lang, r.details);
  return html`<h1>✅ ${t('receiptTitle')}</h1>
<section class="receipt" aria-labelledby="code-label">
<p id="code-label">${t('receiptCodeLabel')}</p>
<p class="code" id="tracking-code">${r.code ?? '—'}</p>
<p>${t('receiptKeep')}</p>
<p id="public-id">${t('publicIdLabel')} <strong>${r.publicId}</strong></p>
<div class="actions">
${r.code ? html`<button type="button" class="btn secondary js-only" id="copy-btn" data-code="${r.code}" data-done="${t('copied')}" hidden>${t('copy')}</button>` : ''}
<a class="btn whatsapp" id="wa-link" href="${share}" rel="noopener">${t('shareWhatsApp')}</a>
</div>
<p id="copy-status" role="status" aria-live="polite"></p>
</section>
${price ? html`<p class="het">${price}</p>` : ''}
<h2>${t('nextTitle')}</h2>
<ol class="next">
<li>${t('nextVerify', { agency: r.agencyName, date: formatDate(r.verifyDueAt, lang), days: r.days.verify })}</li>
<li>${t('nextFollowUp', { days: r.days.followUp })}</li>
<li>${t('nextRate', { days: r.days.reopen })}</li>
</ol>
${r.code ? html`<p><a class="btn primary" href="/lacak/${r.code}">${t('trackThis')}</a></p>` : ''}
<p><a class="btn secondary" href="/">${t('newReport')}</a></p>`;
}
