// Leaflet, loaded only when an opened report has a position (dynamic import from map-view.ts).
// Without tiles (no internet on the office network, tile server down) the point is still
// drawn on a grey background and the officer is told the base map is missing.
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { TEXT } from './text.ts';

export function showMap(el: HTMLElement, at: { lat: number; lng: number }, tiles: { tileUrl: string; attribution: string }, status: HTMLElement): () => void {
  const map = L.map(el, { center: [at.lat, at.lng], zoom: 15, scrollWheelZoom: false });
  if (tiles.tileUrl) {
    let warned = false;
    L.tileLayer(tiles.tileUrl, { attribution: tiles.attribution, maxZoom: 19 })
      .on('tileerror', () => {
        if (warned) return;
        warned = true;
        status.textContent = TEXT.mapNoTiles;
      })
      .addTo(map);
  } else {
    status.textContent = TEXT.mapNoTiles;
  }
  // A vector circle needs no marker image, so nothing else has to load.
  L.circleMarker([at.lat, at.lng], { radius: 9, color: '#b00020', weight: 3, fillOpacity: 0.4 }).addTo(map);
  return () => map.remove();
}
