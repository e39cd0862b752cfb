// /laporan/:publicId: what the public rules allow of one report, its public history, dukung.
import type { PublicReportDetail } from '../../shared/public.ts';
import { ngopiText } from '../../shared/ngopi-text.ts';
import { publicPageText, type PublicTextKey } from '../../shared/public-text.ts';
import type { Category } from '../../shared/types.ts';
import { WEB_TEXT } from '../../shared/web-text.ts';
import { formatDate } from '../web/format.ts';
import { html, type SafeHtml } from '../web/html.ts';
import type { Lang } from '../web/lang.ts';
import { labelsIn, reportLink } from './list-page.ts';

/** Public history labels: the tracking page's, plus the moderation steps. */
function eventLabel(lang: Lang, type: string): string {
  const moderation: Record<string, PublicTextKey> = { 'report.redacted': 'redacted', 'report.photo_hidden': 'photoHidden', 'report.photo_published': 'photoPublished' };
  const events: Record<string, string> = WEB_TEXT[lang].events;
  return moderation[type] ? publicPageText(lang, moderation[type]) : events[type] ?? type;
}

export function reportTitle(lang: Lang, categories: readonly Category[], r: PublicReportDetail): string {
  return publicPageText(lang, 'reportTitle', { category: labelsIn(lang, categories, r).category, desa: r.desa.name });
}

export function reportBody(lang: Lang, categories: readonly Category[], r: PublicReportDetail, notice?: string): SafeHtml {
  const t = (k: PublicTextKey, p: Record<string, string | number> = {}) => publicPageText(lang, k, p);
  const osm = r.point ? `https://www.openstreetmap.org/?mlat=${r.point.lat}&mlon=${r.point.lng}#map=17/${r.point.lat}/${r.point.lng}` : null;
  return html`<p><a href="/laporan" class="back">${t('backToList')}</a></p>
<h1>${reportTitle(lang, categories, r)}</h1>
<p class="code" id="public-id">${r.publicId}</p>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${r.duplicateOf ? html`<p class="notice" id="merged">${t('merged')} <a href="${reportLink(r.duplicateOf)}">${t('mergedLink')}</a></p>` : ''}
<dl class="facts">
<dt>${t('status')}</dt><dd><span class="pill s-${r.status.id}">${labelsIn(lang, categories, r).status}</span></dd>
<dt>${t('agency')}</dt><dd>${r.agency.name}</dd>
<dt>${t('place')}</dt><dd>${r.desa.name}, ${t('kec', { name: r.kecamatan.name })}${osm && r.point ? html` · <a href="${osm}" rel="noopener noreferrer">${t('point', { lat: r.point.lat.toFixed(5), lng: r.point.lng.toFixed(5) })}</a>` : ''}</dd>
<dt>${t('reported')}</dt><dd><time datetime="${r.createdAt}">${formatDate(r.createdAt, lang, true)}</time></dd>
<dt>${t('updated')}</dt><dd><time datetime="${r.updatedAt}">${formatDate(r.updatedAt, lang, true)}</time></dd>
</dl>
${r.description !== null
    ? html`<h2>${t('description')}</h2><blockquote class="desc" id="public-description">${r.description}</blockquote>`
    : html`<p class="hint" id="public-description-pending">${t('descriptionPending')}</p>`}
${r.photos.length ? html`<h2>${t('photos')}</h2><ul class="thumbs" id="public-photos">${r.photos.map((p, i) => html`<li><a href="${p.url}"><img src="${p.thumbUrl}" alt="${t('photoAlt', { i: i + 1, n: r.photos.length })}" width="160" height="${Math.round((160 * p.height) / Math.max(1, p.width))}" loading="lazy"></a></li>`)}</ul>` : ''}
${r.canSupport ? html`<form method="post" action="${reportLink(r.publicId)}/dukung" class="support">
<p id="support-count">${ngopiText(lang, 'supportCount', { n: r.supportCount })}</p>
<button class="btn secondary" type="submit">👍 ${ngopiText(lang, 'support')}</button>
</form>` : ''}
${r.timeline.length ? html`<h2>${t('timeline')}</h2><ol class="timeline" id="public-timeline">${r.timeline.map((e) => html`<li><time datetime="${e.at}">${formatDate(e.at, lang, true)}</time> <strong>${eventLabel(lang, e.type)}</strong>${e.message ? html`<p>${e.message}</p>` : ''}</li>`)}</ol>` : ''}`;
}
