// The map on /laporan, loaded only when asked for (Leaflet stays off the phone's first load):
// kecamatan rings for the page's filter, and clustered pins for road reports, the only ones
// whose exact point is public. Built from the same modules as the staff map.
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import './markers.css';
import type { PublicMapAnswer } from '../../shared/public.ts';
import { fill, h } from '../desk/dom.ts';
import { getJson } from './api.ts';
import { createBaseMap } from './base-map.ts';
import { GroupsLayer } from './groups-layer.ts';
import { Labels, type Meta } from './labels.ts';
import { PinsLayer } from './pins-layer.ts';
import { fmt } from './text.ts';

/** From this zoom on the road pins replace the kecamatan rings, as on the staff map. */
const PIN_ZOOM = 12;

export async function showPublicMap(slot: HTMLElement, query: string): Promise<void> {
  const canvas = h('div', { class: 'public-map', id: 'public-map', role: 'region', 'aria-label': 'Peta laporan' });
  const status = h('p', { class: 'hint', role: 'status', id: 'public-map-status' }, 'Memuat peta…');
  fill(slot, canvas, status);
  const [meta, answer] = await Promise.all([getJson<Meta>('/api/meta'), getJson<PublicMapAnswer>(`/api/public/map${query ? `?${query}` : ''}`)]);
  const labels = new Labels(meta);
  const map = createBaseMap(canvas, meta, labels);

  const groups = new GroupsLayer((code) => {
    // A ring opens the list of that kecamatan with the same filter.
    const params = new URLSearchParams(query);
    params.set('kecamatan', code);
    params.delete('desa');
    location.href = `/laporan?${params}`;
  });
  groups.draw(answer.kecamatan);
  const pins = new PinsLayer();
  pins.show(answer.pins.map((p) => ({
    id: p.publicId, lat: p.lat, lng: p.lng, status: p.status, title: `${labels.category(p.category)} · ${labels.status(p.status)}`,
    popup: () => h('div', {}, h('a', { href: `/laporan/${encodeURIComponent(p.publicId)}` }, labels.category(p.category)), ` · ${labels.status(p.status)}`),
  })));
  const showLayers = () => {
    const zoomedIn = map.getZoom() >= PIN_ZOOM;
    if (zoomedIn) { map.addLayer(pins.layer); map.removeLayer(groups.layer); } else { map.removeLayer(pins.layer); map.addLayer(groups.layer); }
  };
  map.on('zoomend', showLayers);
  showLayers();

  const total = answer.kecamatan.reduce((sum, k) => sum + k.total, 0);
  status.textContent = `${fmt(total)} laporan per kecamatan; ${fmt(answer.pins.length)} laporan jalan dengan titik (perbesar peta untuk melihatnya).${answer.truncated ? ' Hanya titik terbaru yang ditampilkan.' : ''}`;
  canvas.dataset.total = String(total);
  canvas.dataset.pins = String(answer.pins.length);
}
