// Kecamatan polygons (a choropleth) when boundaries are imported; shaded by each one's share
// of the busiest kecamatan, faded once pins take over.
import type { KecamatanGroup } from '../../shared/map.ts';
import L from './leaflet.ts';

const BASE_STYLE = { color: '#4d6b5c', weight: 1, fillOpacity: 0.15, fillColor: '#cfd8d3' };

export function drawAreas(map: L.Map, boundaries: GeoJSON.FeatureCollection, onClick: (code: string) => void): L.GeoJSON {
  return L.geoJSON(boundaries, {
    pane: 'areas',
    style: () => BASE_STYLE,
    onEachFeature: (feature, layer) => layer.on('click', () => onClick(String(feature.properties?.code))),
  }).addTo(map);
}

export function shadeAreas(areas: L.GeoJSON, groups: Map<string, KecamatanGroup>, max: number, faded: boolean): void {
  areas.setStyle((feature) => {
    const total = groups.get(String(feature?.properties?.code))?.total ?? 0;
    const t = total / max;
    const opacity = total ? 0.2 + 0.5 * t : 0.08;
    return { ...BASE_STYLE, fillOpacity: faded ? opacity / 3 : opacity, fillColor: total ? shade(t) : BASE_STYLE.fillColor };
  });
}

export function areaBounds(areas: L.GeoJSON | null, code: string): L.LatLngBounds | null {
  const area = areas?.getLayers().find((l) => (l as L.GeoJSON & { feature?: GeoJSON.Feature }).feature?.properties?.code === code);
  return area instanceof L.Polygon ? area.getBounds() : null;
}

/** Light green to deep red as a kecamatan's share of the busiest one grows. */
function shade(t: number): string {
  const from = [198, 226, 196];
  const to = [200, 40, 30];
  const c = from.map((f, i) => Math.round(f + (to[i] - f) * Math.min(1, t)));
  return `rgb(${c.join(',')})`;
}
