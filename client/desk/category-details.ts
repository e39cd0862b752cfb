// What each category adds to a report. For pupuk the point is the price: per kg against the
// HET (computed by the server when the report came in), and how far above it.
import type { AspirasiDetails, CategoryDetails, JalanDetails, PupukDetails } from '../../shared/types.ts';
import type { Catalog } from './catalog.ts';
import { facts, h } from './dom.ts';
import { number, rupiah } from './format.ts';
import { fmt, TEXT } from './text.ts';

function hetFinding(d: PupukDetails): HTMLElement | null {
  if (d.pricePerKg === undefined) return null;
  if (d.hetPerKg === null || d.hetPerKg === undefined) return h('span', { class: 'desk-het' }, TEXT.noHet);
  if ((d.overHetPerKg ?? 0) > 0) {
    return h('strong', { class: 'desk-het over', id: 'het-finding' },
      fmt(TEXT.overHet, { over: number(d.overHetPerKg ?? 0), percent: number(d.overHetPercent ?? 0) }));
  }
  return h('span', { class: 'desk-het ok', id: 'het-finding' }, TEXT.atOrBelowHet);
}

function pupuk(d: PupukDetails, catalog: Catalog): HTMLElement {
  const quantity = d.quantity !== undefined ? `${number(d.quantity)} ${TEXT.unit[d.unit ?? 'kg'] ?? d.unit ?? ''}` : null;
  const paid = d.price !== undefined ? `${rupiah(d.price)} ${TEXT.priceUnit[d.priceUnit ?? 'total'] ?? ''}` : null;
  return facts([
    [TEXT.fertiliserType, catalog.fertiliserLabel(d.fertiliserType)],
    [TEXT.problems, (d.problems ?? []).map((p) => catalog.problemLabel(p)).join(', ')],
    [TEXT.kiosk, d.kioskName],
    [TEXT.kioskDesa, d.kioskDesa ? catalog.desaName(d.kioskDesa) : null],
    [TEXT.purchaseDate, d.purchaseDate],
    [TEXT.quantity, quantity],
    [TEXT.pricePaid, paid],
    [TEXT.pricePerKg, d.pricePerKg !== undefined ? `${rupiah(d.pricePerKg)}/kg` : null],
    [TEXT.het, d.hetPerKg ? `${rupiah(d.hetPerKg)}/kg` : null],
    ['Selisih', hetFinding(d)],
    [TEXT.crop, d.crop],
    [TEXT.landArea, d.landAreaHa !== undefined ? `${number(d.landAreaHa)} ha` : null],
    [TEXT.poktan, d.poktan],
  ], { id: 'pupuk-details' });
}

function jalan(d: JalanDetails): HTMLElement {
  return facts([
    [TEXT.roadName, d.roadName],
    [TEXT.damageType, d.damageType],
    [TEXT.severity, TEXT.severityLevels[d.severity] ?? String(d.severity)],
  ]);
}

function aspirasi(d: AspirasiDetails): HTMLElement {
  return facts([[TEXT.topic, d.topic], [TEXT.session, d.session]]);
}

/** `details` is typed by `category`; details a one-line SMS or WhatsApp report could not carry say so. */
export function renderCategoryDetails(r: CategoryDetails, catalog: Catalog): HTMLElement | null {
  // A one-line SMS/WhatsApp report: the details were never given, not given as empty.
  if ('notGiven' in r.details) return h('p', { class: 'desk-missing', id: 'details-not-given' }, TEXT.detailsNotGiven);
  switch (r.category) {
    case 'pupuk': return pupuk(r.details, catalog);
    case 'jalan': return jalan(r.details);
    case 'aspirasi': return aspirasi(r.details);
    default: return null;
  }
}
