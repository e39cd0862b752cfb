// leaflet.markercluster is a UMD plugin that extends the global `L`; this module runs first
// so the bundled Leaflet is that global (no CDN, one copy of Leaflet).
import L from 'leaflet';

(globalThis as unknown as { L: typeof L }).L = L;

export default L;
