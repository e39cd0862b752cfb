// The detail's small map. Leaflet is imported only here, only when the report has lat/lng.
import type { Catalog } from './catalog.ts';
import { h } from './dom.ts';
import { TEXT } from './text.ts';

export interface MapView { el: HTMLElement; dispose(): void }

export function renderMap(at: { lat: number; lng: number }, catalog: Catalog): MapView {
  const canvas = h('div', { class: 'desk-map', id: 'detail-map', role: 'img', 'aria-label': `${TEXT.map}: ${at.lat.toFixed(5)}, ${at.lng.toFixed(5)}` });
  const status = h('p', { class: 'desk-muted', role: 'status' }, TEXT.mapLoading);
  const osm = `https://www.openstreetmap.org/?mlat=${at.lat}&mlon=${at.lng}#map=16/${at.lat}/${at.lng}`;
  const el = h('div', {}, canvas, status,
    h('p', { class: 'desk-muted' }, `${at.lat.toFixed(5)}, ${at.lng.toFixed(5)} · `, h('a', { href: osm, target: '_blank', rel: 'noopener noreferrer' }, TEXT.openOsm)));
  let disposed = false;
  let remove: (() => void) | null = null;
  // Wait a frame so the canvas is in the document and has its size before Leaflet measures it.
  requestAnimationFrame(() => {
    import('./map.ts').then(({ showMap }) => {
      if (disposed) return;
      if (status.textContent === TEXT.mapLoading) status.textContent = '';
      remove = showMap(canvas, at, catalog.map, status);
    }, () => { status.textContent = TEXT.mapFailed; });
  });
  return {
    el,
    dispose() {
      disposed = true;
      remove?.();
    },
  };
}
