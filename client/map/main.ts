// /peta, the staff map: sign in, then run the map (staff-map.ts). The modules here are also
// what the public map on /laporan is built from (public-map.ts).
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import './markers.css';
import './map.css';
import { getJson } from './api.ts';
import type { Meta } from './labels.ts';
import { currentUser } from './login.ts';
import { runStaffMap } from './staff-map.ts';

async function start(): Promise<void> {
  const [meta, user] = await Promise.all([getJson<Meta>('/api/meta'), currentUser()]);
  await runStaffMap(meta, user);
}

start().catch((err: unknown) => {
  console.error(err);
  const live = document.getElementById('live');
  if (live) live.textContent = 'Gagal memuat peta. Muat ulang halaman.';
});
