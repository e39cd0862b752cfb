// A staff pin's popup: what the marker knows at once (category, status, code), then where and
// when and the report's first words, from its desk view fetched when the popup first opens. The
// pins answer carries no text, so 2,000 pins stay light (see MapPointAnswer in shared/map.ts);
// the desk view is scoped as the pins are, so it shows nothing the map's user may not see.
import type { DeskReportView } from '../../shared/desk.ts';
import type { MapPoint } from '../../shared/map.ts';
import { fill, h } from '../desk/dom.ts';
import { getJson } from './api.ts';
import type { Labels } from './labels.ts';
import { shortDate } from './text.ts';

/**
 * The popup's content, for Leaflet's bindPopup, which calls it at every opening: built and
 * fetched at the first and kept, so opening it again asks the server nothing (after a failed
 * fetch the next opening tries again).
 */
export function pinPopup(pin: MapPoint, labels: Labels): () => HTMLElement {
  let kept: HTMLElement | null = null;
  return () => {
    if (kept) return kept;
    const { category, status } = pin;
    const more = h('span', { class: 'pin-more' }, 'Memuat…');
    getJson<DeskReportView>(`/api/desk/reports/${encodeURIComponent(pin.id)}`).then(
      (r) => fill(more, `${labels.desaName(r.desa)}, ${labels.kecamatan(r.kecamatan)} · ${shortDate(r.createdAt)}`, h('br'), r.excerpt),
      () => {
        fill(more, 'Rincian laporan tidak dapat dimuat.');
        kept = null;
      },
    );
    kept = h('div', { class: 'pin-popup' }, h('b', {}, labels.category(category)), ` · ${labels.status(status)}`, h('br'),
      h('code', {}, pin.id), h('br'), more);
    return kept;
  };
}
