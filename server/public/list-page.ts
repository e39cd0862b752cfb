// /laporan: public reports newest first, a filter form that works without JavaScript, pages
// by keyset ("Berikutnya"), the Atom feed of the same filter, and with JavaScript a map.
import type { PublicListItem, PublicListPage } from '../../shared/public.ts';
import { publicPageText, type PublicTextKey } from '../../shared/public-text.ts';
import { STATUSES } from '../../shared/reference/statuses.ts';
import type { Category, Region } from '../../shared/types.ts';
import { publicFiltersToQuery, type PublicFilters } from '../../shared/validation/public-filters.ts';
import { formatDate } from '../web/format.ts';
import { html, type SafeHtml } from '../web/html.ts';
import type { Lang } from '../web/lang.ts';

export interface ListPageInput {
  lang: Lang;
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

/** Category and status in the page's language (the answer's labels are Indonesian). */
export function labelsIn(lang: Lang, categories: readonly Category[], r: Pick<PublicListItem, 'category' | 'status'>): { category: string; status: string } {
  if (lang === 'id') return { category: r.category.label, status: r.status.label };
  return {
    category: categories.find((c) => c.id === r.category.id)?.labelEn ?? r.category.label,
    status: STATUSES.find((s) => s.id === r.status.id)?.labelEn ?? r.status.label,
  };
}

export function listItem(lang: Lang, categories: readonly Category[], r: PublicListItem): SafeHtml {
  const t = (k: PublicTextKey, p: Record<string, string | number> = {}) => publicPageText(lang, k, p);
  const labels = labelsIn(lang, categories, r);
  return html`<li data-id="${r.publicId}"><a href="${reportLink(r.publicId)}"><strong>${labels.category}</strong> · ${r.desa.name}, ${t('kec', { name: r.kecamatan.name })}</a>
<span class="pill s-${r.status.id}">${labels.status}</span>
<span class="meta">${r.agency.name} · <time datetime="${r.createdAt}">${formatDate(r.createdAt, lang)}</time>${r.supportCount ? ` · ${t('supports', { n: r.supportCount })}` : ''}</span></li>`;
}

function errorText(errors: Record<string, string>, field: string): SafeHtml | string {
  return errors[field] ? html`<p class="err" id="err-${field}">${errors[field]}</p>` : '';
}

export function listBody(o: ListPageInput): SafeHtml {
  const f = o.filters;
  const kecamatan = o.region.kecamatan.find((k) => k.code === f.kecamatan);
  const query = publicFiltersToQuery(f);
  const next = o.page.nextCursor ? `/laporan?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), sebelum: o.page.nextCursor })}` : null;
  const t = (k: PublicTextKey, p: Record<string, string | number> = {}) => publicPageText(o.lang, k, p);
  const en = o.lang === 'en';
  return html`<h1>${t('listTitle')}</h1>
<p class="intro">${t('listIntro')} <a href="/statistik">${t('statsLink')}</a></p>
<form method="get" action="/laporan" class="group filters" aria-label="${t('filterLabel')}">
<div class="field"><label for="f-kecamatan">${t('kecamatan')}</label>
<select id="f-kecamatan" name="kecamatan"${o.errors.kecamatan ? html` aria-invalid="true" aria-describedby="err-kecamatan"` : ''}><option value="">${t('allKecamatan')}</option>${options(o.region.kecamatan.map((k) => ({ value: k.code, label: k.name })), f.kecamatan)}</select>${errorText(o.errors, 'kecamatan')}</div>
${kecamatan ? html`<div class="field"><label for="f-desa">${t('desa')}</label>
<select id="f-desa" name="desa"${o.errors.desa ? html` aria-invalid="true" aria-describedby="err-desa"` : ''}><option value="">${t('allDesaIn', { kecamatan: kecamatan.name })}</option>${options(kecamatan.desa.map((d) => ({ value: d.code, label: d.name })), f.desa)}</select>${errorText(o.errors, 'desa')}</div>` : errorText(o.errors, 'desa')}
<div class="field"><label for="f-category">${t('category')}</label>
<select id="f-category" name="category"><option value="">${t('allCategories')}</option>${options(o.categories.map((c) => ({ value: c.id, label: en ? c.labelEn : c.label })), f.category)}</select>${errorText(o.errors, 'category')}</div>
<div class="field"><label for="f-status">${t('status')}</label>
<select id="f-status" name="status"><option value="">${t('allStatuses')}</option>${options(STATUSES.map((s) => ({ value: s.id, label: en ? s.labelEn : s.label })), f.status)}</select>${errorText(o.errors, 'status')}</div>
${errorText(o.errors, 'sebelum')}
<button class="btn secondary" type="submit">${t('applyFilter')}</button>
${query ? html` <a class="back" href="/laporan">${t('clearFilter')}</a>` : ''}
</form>
<p class="links"><a href="/laporan.atom${query ? `?${query}` : ''}" type="application/atom+xml">${t('atomLink')}</a> · <a href="/statistik">${t('statsLink')}</a></p>
<div id="public-map-slot" data-query="${query}"></div>
${o.page.items.length
    ? html`<ol class="public-list" id="public-list">${o.page.items.map((r) => listItem(o.lang, o.categories, r))}</ol>`
    : html`<p class="notice" id="public-list-empty">${t('listEmpty')}</p>`}
<nav class="pager" aria-label="${t('pagerLabel')}">${f.sebelum ? html`<a href="/laporan${query ? `?${query}` : ''}">${t('newest')}</a>` : ''}${next ? html`<a href="${next}" rel="next" id="next-page">${t('next')}</a>` : ''}</nav>`;
}
