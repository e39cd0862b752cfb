// Report pins, clustered: a dot in the status colour, a popup built by the page (the staff
// map and the public map show different things about a report).
import 'leaflet.markercluster';
import { STATUS_COLOURS } from '../../shared/map.ts';
import type { ReportStatus } from '../../shared/types.ts';
import { h } from '../desk/dom.ts';
import L from './leaflet.ts';

export interface Pin { id: string; lat: number; lng: number; status: ReportStatus; title: string; popup: () => HTMLElement }

export class PinsLayer {
  readonly layer = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });

  show(pins: Pin[]): void {
    this.layer.clearLayers();
    this.layer.addLayers(pins.map((p) => {
      const dot = h('span', { class: 'pin', 'data-id': p.id, style: `background:${STATUS_COLOURS[p.status]}` });
      return L.marker([p.lat, p.lng], { icon: L.divIcon({ className: 'pin-icon', iconSize: [18, 18], html: dot }), title: p.title })
        .bindPopup(() => p.popup());
    }));
  }

  flash(id: string): void {
    const pin = document.querySelector(`.pin[data-id="${CSS.escape(id)}"]`);
    pin?.classList.add('flash');
    setTimeout(() => pin?.classList.remove('flash'), 4000);
  }
}

/** "minLng,minLat,maxLng,maxLat" of what the map shows now. */
export function bboxOf(map: L.Map): string {
  const v = map.getBounds();
  return [v.getWest(), v.getSouth(), v.getEast(), v.getNorth()].map((n) => n.toFixed(5)).join(',');
}
