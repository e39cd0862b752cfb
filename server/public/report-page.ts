// /laporan/:publicId: what the public rules allow of one report, its public history, dukung.
import type { PublicReportDetail } from '../../shared/public.ts';
import { ngopiText } from '../../shared/ngopi-text.ts';
import { WEB_TEXT } from '../../shared/web-text.ts';
import { formatDate } from '../web/format.ts';
import { html, type SafeHtml } from '../web/html.ts';
import { reportLink } from './list-page.ts';

/** Public history labels: the tracking page's, plus the moderation steps. */
const EVENT_LABELS: Record<string, string> = {
  ...WEB_TEXT.id.events,
  'report.redacted': 'Teks disunting petugas untuk publik',
  'report.photo_hidden': 'Foto disembunyikan petugas',
  'report.photo_published': 'Foto ditampilkan petugas',
};

export function reportBody(r: PublicReportDetail, notice?: string): SafeHtml {
  const osm = r.point ? `https://www.openstreetmap.org/?mlat=${r.point.lat}&mlon=${r.point.lng}#map=17/${r.point.lat}/${r.point.lng}` : null;
  return html`<p><a href="/laporan" class="back">← Laporan warga</a></p>
<h1>${r.category.label} di ${r.desa.name}</h1>
<p class="code" id="public-id">${r.publicId}</p>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${r.duplicateOf ? html`<p class="notice" id="merged">Laporan ini sama dengan laporan lain. <a href="${reportLink(r.duplicateOf)}">Lihat laporan asal</a></p>` : ''}
<dl class="facts">
<dt>Status</dt><dd><span class="pill s-${r.status.id}">${r.status.label}</span></dd>
<dt>Dinas</dt><dd>${r.agency.name}</dd>
<dt>Tempat</dt><dd>${r.desa.name}, Kec. ${r.kecamatan.name}${osm && r.point ? html` · <a href="${osm}" rel="noopener noreferrer">titik ${r.point.lat.toFixed(5)}, ${r.point.lng.toFixed(5)}</a>` : ''}</dd>
<dt>Dilaporkan</dt><dd><time datetime="${r.createdAt}">${formatDate(r.createdAt, 'id', true)}</time></dd>
<dt>Diperbarui</dt><dd><time datetime="${r.updatedAt}">${formatDate(r.updatedAt, 'id', true)}</time></dd>
</dl>
${r.description !== null
    ? html`<h2>Isi laporan</h2><blockquote class="desc" id="public-description">${r.description}</blockquote>`
    : html`<p class="hint" id="public-description-pending">Isi dan foto laporan tampil setelah diverifikasi petugas.</p>`}
${r.photos.length ? html`<h2>Foto</h2><ul class="thumbs" id="public-photos">${r.photos.map((p, i) => html`<li><a href="${p.url}"><img src="${p.thumbUrl}" alt="Foto ${i + 1} dari ${r.photos.length}" width="160" height="${Math.round((160 * p.height) / Math.max(1, p.width))}" loading="lazy"></a></li>`)}</ul>` : ''}
${r.canSupport ? html`<form method="post" action="${reportLink(r.publicId)}/dukung" class="support">
<p id="support-count">${ngopiText('id', 'supportCount', { n: r.supportCount })}</p>
<button class="btn secondary" type="submit">👍 ${ngopiText('id', 'support')}</button>
</form>` : ''}
${r.timeline.length ? html`<h2>Riwayat</h2><ol class="timeline" id="public-timeline">${r.timeline.map((e) => html`<li><time datetime="${e.at}">${formatDate(e.at, 'id', true)}</time> <strong>${EVENT_LABELS[e.type] ?? e.type}</strong>${e.message ? html`<p>${e.message}</p>` : ''}</li>`)}</ol>` : ''}`;
}
