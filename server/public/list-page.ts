// /laporan: public reports newest first, a filter form that works without JavaScript, pages
// by keyset ("Berikutnya"), the Atom feed of the same filter, and with JavaScript a map.
import type { PublicListItem, PublicListPage } from '../../shared/public.ts';
import { STATUSES } from '../../shared/reference/statuses.ts';
import type { Category, Region } from '../../shared/types.ts';
import { publicFiltersToQuery, type PublicFilters } from '../../shared/validation/public-filters.ts';
import { formatDate } from '../web/format.ts';
import { html, type SafeHtml } from '../web/html.ts';

export interface ListPageInput {
  filters: PublicFilters;
  page: PublicListPage;
  region: Region;
  categories: readonly Category[];
  errors: Record<string, string>;
}

function options<T extends { value: string; label: string }>(items: readonly T[], selected: string | undefined): SafeHtml[] {
  return items.map((o) => html`<option value="${o.value}"${o.value === selected ? html` selected` : ''}>${o.label}</option>`);
}

export function reportLink(publicId: string): string {
  return `/laporan/${encodeURIComponent(publicId)}`;
}

export function listItem(r: PublicListItem): SafeHtml {
  return html`<li data-id="${r.publicId}"><a href="${reportLink(r.publicId)}"><strong>${r.category.label}</strong> · ${r.desa.name}, Kec. ${r.kecamatan.name}</a>
<span class="pill s-${r.status.id}">${r.status.label}</span>
<span class="meta">${r.agency.name} · <time datetime="${r.createdAt}">${formatDate(r.createdAt, 'id')}</time>${r.supportCount ? ` · ${r.supportCount} dukungan` : ''}</span></li>`;
}

function errorText(errors: Record<string, string>, field: string): SafeHtml | string {
  return errors[field] ? html`<p class="err" id="err-${field}">${errors[field]}</p>` : '';
}

export function listBody(o: ListPageInput): SafeHtml {
  const f = o.filters;
  const kecamatan = o.region.kecamatan.find((k) => k.code === f.kecamatan);
  const query = publicFiltersToQuery(f);
  const next = o.page.nextCursor ? `/laporan?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), sebelum: o.page.nextCursor })}` : null;
  return html`<h1>Laporan warga</h1>
<p class="intro">Semua laporan warga Kabupaten Blora, terbaru di atas. Isi dan foto laporan tampil setelah diverifikasi petugas; laporan rahasia tidak ditampilkan (hanya dihitung di <a href="/statistik">statistik</a>).</p>
<form method="get" action="/laporan" class="group filters" aria-label="Saring laporan">
<div class="field"><label for="f-kecamatan">Kecamatan</label>
<select id="f-kecamatan" name="kecamatan"${o.errors.kecamatan ? html` aria-invalid="true" aria-describedby="err-kecamatan"` : ''}><option value="">Semua kecamatan</option>${options(o.region.kecamatan.map((k) => ({ value: k.code, label: k.name })), f.kecamatan)}</select>${errorText(o.errors, 'kecamatan')}</div>
${kecamatan ? html`<div class="field"><label for="f-desa">Desa/kelurahan</label>
<select id="f-desa" name="desa"${o.errors.desa ? html` aria-invalid="true" aria-describedby="err-desa"` : ''}><option value="">Semua desa di ${kecamatan.name}</option>${options(kecamatan.desa.map((d) => ({ value: d.code, label: d.name })), f.desa)}</select>${errorText(o.errors, 'desa')}</div>` : errorText(o.errors, 'desa')}
<div class="field"><label for="f-category">Kategori</label>
<select id="f-category" name="category"><option value="">Semua kategori</option>${options(o.categories.map((c) => ({ value: c.id, label: c.label })), f.category)}</select>${errorText(o.errors, 'category')}</div>
<div class="field"><label for="f-status">Status</label>
<select id="f-status" name="status"><option value="">Semua status</option>${options(STATUSES.map((s) => ({ value: s.id, label: s.label })), f.status)}</select>${errorText(o.errors, 'status')}</div>
${errorText(o.errors, 'sebelum')}
<button class="btn secondary" type="submit">Terapkan saringan</button>
${query ? html` <a class="back" href="/laporan">Hapus saringan</a>` : ''}
</form>
<p class="links"><a href="/laporan.atom${query ? `?${query}` : ''}" type="application/atom+xml">Umpan Atom untuk saringan ini</a> · <a href="/statistik">Statistik</a></p>
<div id="public-map-slot" data-query="${query}"></div>
${o.page.items.length
    ? html`<ol class="public-list" id="public-list">${o.page.items.map(listItem)}</ol>`
    : html`<p class="notice" id="public-list-empty">Belum ada laporan dengan saringan ini.</p>`}
<nav class="pager" aria-label="Halaman daftar">${f.sebelum ? html`<a href="/laporan${query ? `?${query}` : ''}">← Terbaru</a>` : ''}${next ? html`<a href="${next}" rel="next" id="next-page">Berikutnya →</a>` : ''}</nav>`;
}
