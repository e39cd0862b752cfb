// Loaded only when the citizen opens the map (dynamic import), so Leaflet never weighs on
// the form's first load. Without tiles (no signal, tile server down) the map stays grey and
// the selects remain the way to say where.
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import type { Region } from '../../shared/types.ts';
import { t } from './i18n.ts';

interface MetaMap { map?: { tileUrl?: string; attribution?: string } }

async function tileConfig(): Promise<{ tileUrl: string; attribution: string } | null> {
  try {
    const res = await fetch('/api/meta');
    const meta = (await res.json()) as MetaMap;
    return meta.map?.tileUrl ? { tileUrl: meta.map.tileUrl, attribution: meta.map.attribution ?? '' } : null;
  } catch {
    return null;
  }
}

export async function openMap(el: HTMLElement, region: Region, start: { lat: number; lng: number } | null, status: HTMLElement, onPick: (at: { lat: number; lng: number }) => void): Promise<void> {
  status.textContent = t('mapLoading');
  const b = region.bounds;
  const center: [number, number] = start ? [start.lat, start.lng] : b ? [(b.minLat + b.maxLat) / 2, (b.minLng + b.maxLng) / 2] : [-7.1, 111.4];
  const map = L.map(el, { center, zoom: start ? 15 : 10 });
  // A vector circle needs no marker image, so nothing else has to load.
  let pin = start ? L.circleMarker(center, { radius: 10 }).addTo(map) : null;
  map.on('click', (e: L.LeafletMouseEvent) => {
    const at = { lat: e.latlng.lat, lng: e.latlng.lng };
    pin ??= L.circleMarker(e.latlng, { radius: 10 }).addTo(map);
    pin.setLatLng(e.latlng);
    onPick(at);
    status.textContent = t('mapPicked');
  });
  const tiles = await tileConfig();
  if (tiles) L.tileLayer(tiles.tileUrl, { attribution: tiles.attribution, maxZoom: 18 }).addTo(map);
  status.textContent = tiles ? t('mapPick') : t('mapFailed');
}
