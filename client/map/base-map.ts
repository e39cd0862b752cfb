// The Leaflet map both map pages start from: the regency's bounds, optional tiles, panes
// for areas under group markers, and the colour legend folding away on a phone.
import L from './leaflet.ts';
import type { Labels, Meta } from './labels.ts';
import { legend } from './panel.ts';
import { esc } from './text.ts';
import { h } from '../desk/dom.ts';

export function createBaseMap(el: HTMLElement, meta: Meta, labels: Labels): L.Map {
  const b = meta.region.bounds;
  const regionBounds = b ? L.latLngBounds([b.minLat, b.minLng], [b.maxLat, b.maxLng]) : L.latLngBounds([-7.39, 111.09], [-6.84, 111.64]);
  const map = L.map(el, { zoomSnap: 0.25, minZoom: 8, maxZoom: 18 });
  map.fitBounds(regionBounds, { padding: [12, 12] });
  if (meta.map.tileUrl) {
    // Offline or blocked tiles leave the plain background; everything else still works.
    // Leaflet writes the attribution as markup, so the configured text is escaped first.
    L.tileLayer(meta.map.tileUrl, { attribution: esc(meta.map.attribution), maxZoom: 18 }).addTo(map);
  }
  map.createPane('areas').style.zIndex = '350';
  map.createPane('groups').style.zIndex = '640';

  const legendControl = new L.Control({ position: 'bottomleft' });
  legendControl.onAdd = () => {
    // A <details>, so on a phone the legend folds away instead of covering the map.
    const details = h('details', { class: 'legend-control' }, h('summary', {}, 'Keterangan warna'), legend(labels));
    details.open = window.matchMedia('(min-width: 801px)').matches;
    L.DomEvent.disableClickPropagation(details);
    return details;
  };
  legendControl.addTo(map);
  return map;
}

/** A small note in a map corner (e.g. "no boundaries imported"). */
export function addNote(map: L.Map, text: string): void {
  const note = new L.Control({ position: 'topright' });
  note.onAdd = () => h('div', { class: 'note-control' }, text);
  note.addTo(map);
}
