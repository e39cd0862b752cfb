// A staff pin's popup: what the marker knows at once (category, status, code), then where and
// when and the report's first words, from its desk view fetched as the popup opens. The pins
// answer carries no text, so 2,000 pins stay light (see MapPointFeature in shared/map.ts); the
// desk view is scoped as the pins are, so it shows nothing the map's user may not see.
import type { DeskReportView } from '../../shared/desk.ts';
import type { MapPointFeature } from '../../shared/map.ts';
import { fill, h } from '../desk/dom.ts';
import { getJson } from './api.ts';
import type { Labels } from './labels.ts';
import { shortDate } from './text.ts';

export function pinPopup(pin: MapPointFeature, labels: Labels): HTMLElement {
  const { category, status } = pin.properties;
  const more = h('span', { class: 'pin-more' }, 'Memuat…');
  getJson<DeskReportView>(`/api/desk/reports/${encodeURIComponent(pin.id)}`).then(
    (r) => fill(more, `${labels.desaName(r.desa)}, ${labels.kecamatan(r.kecamatan)} · ${shortDate(r.createdAt)}`, h('br'), r.excerpt),
    () => fill(more, 'Rincian laporan tidak dapat dimuat.'),
  );
  return h('div', { class: 'pin-popup' }, h('b', {}, labels.category(category)), ` · ${labels.status(status)}`, h('br'),
    h('code', {}, pin.id), h('br'), more);
}
