// One marker per kecamatan: a ring of categories around the count, its name under it, and
// a red badge with the overdue count. Markers are kept and re-iconed, so a redraw is cheap.
import type { KecamatanGroup } from '../../shared/map.ts';
import { h } from '../desk/dom.ts';
import L from './leaflet.ts';
import { ringSize, ringSvg } from './ring.ts';
import { fmt } from './text.ts';

const FLASH_MS = 4000;

/** What a marker draws: the public map has no overdue figures, the staff map does. */
export type MarkerGroup = Pick<KecamatanGroup, 'code' | 'name' | 'centroid' | 'total' | 'byCategory'> & { overdue?: number };

export class GroupsLayer {
  readonly layer = L.layerGroup();
  private readonly markers = new Map<string, L.Marker>();

  constructor(private readonly onOpen: (code: string) => void) {}

  draw(groups: Iterable<MarkerGroup>): void {
    const all = [...groups];
    const max = Math.max(1, ...all.map((g) => g.total));
    for (const group of all) {
      if (!group.centroid) continue;
      const size = ringSize(group.total, max);
      const html = h('div', {
        class: `kec-marker${group.total === 0 ? ' empty' : ''}`, 'data-code': group.code, 'data-total': group.total,
        title: `${group.name}: ${fmt(group.total)} laporan`,
      }, ringSvg(group.byCategory, group.total, size), h('span', { class: 'kec-name' }, group.name),
      group.overdue ? h('span', { class: 'kec-late', title: 'lewat tenggat' }, fmt(group.overdue)) : null);
      const icon = L.divIcon({ className: 'kec-icon', iconSize: [size, size], iconAnchor: [size / 2, size / 2], html });
      let marker = this.markers.get(group.code);
      if (!marker) {
        marker = L.marker([group.centroid.lat, group.centroid.lng], { icon, pane: 'groups', keyboard: true, title: group.name, riseOnHover: true });
        marker.on('click', () => this.onOpen(group.code));
        this.markers.set(group.code, marker);
        this.layer.addLayer(marker);
      } else {
        marker.setIcon(icon);
      }
    }
  }

  flash(kecamatan: string): void {
    const marker = this.markers.get(kecamatan)?.getElement()?.querySelector('.kec-marker');
    marker?.classList.add('flash');
    setTimeout(() => marker?.classList.remove('flash'), FLASH_MS);
  }
}
