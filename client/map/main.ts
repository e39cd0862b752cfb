// /peta: reports grouped by kecamatan, live. Counts come from /api/map/kecamatan (scoped by
// role on the server), pins from /api/map/reports by bounding box once zoomed in, the side
// panel from /api/stats/*. The /desk socket says when something changed; nothing polls.
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import './map.css';
import L from './leaflet.ts';
import 'leaflet.markercluster';
import { io } from 'socket.io-client';
import type { DeskUser } from '../../shared/desk.ts';
import {
  filtersToQuery, parseMapFilters, STATUS_COLOURS, type AgencyStats, type KecamatanAnswer, type KecamatanGroup, type MapFilters,
  type MapPinAnswer, type PupukStats, type TrendAnswer,
} from '../../shared/map.ts';
import { DESK_NAMESPACE, DESK_TRANSPORTS, type DeskEventPayload } from '../../shared/realtime.ts';
import type { CategoryId, ReportStatus } from '../../shared/types.ts';
import { getJson, postJson, Unauthenticated } from './api.ts';
import { agencyTable, kecamatanDetail, Labels, legend, pupukSection, trendChart, type Meta } from './panel.ts';
import { ringSize, ringSvg } from './ring.ts';
import { esc, fmt } from './text.ts';

/** From this zoom on, individual reports show as clustered pins instead of kecamatan groups. */
const PIN_ZOOM = 12;
const PIN_LIMIT = 2000;
const DETAIL_LIMIT = 50;
const FLASH_MS = 4000;
const ROLE_LABELS: Record<string, string> = { officer: 'Petugas', agency_admin: 'Admin dinas', camat: 'Camat', executive: 'Pimpinan', admin: 'Admin' };

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

interface State {
  meta: Meta;
  labels: Labels;
  user: DeskUser;
  filters: MapFilters;
  groups: Map<string, KecamatanGroup>;
  openKecamatan: string | null;
}

// ---------- filters ↔ form ↔ URL ----------

function filtersFromUrl(agencyIds: string[]): MapFilters {
  const params = new URLSearchParams(location.search);
  return parseMapFilters((n) => params.get(n), agencyIds).filters;
}

function filtersFromForm(): MapFilters {
  const value = (id: string) => ($(id) as HTMLInputElement).value;
  const category = value('f-category');
  const status = value('f-status');
  return {
    categories: category ? [category as CategoryId] : [],
    statuses: status ? [status as ReportStatus] : [],
    agencyId: value('f-agency') || undefined,
    from: value('f-from') || undefined,
    to: value('f-to') || undefined,
    overdue: ($('f-overdue') as HTMLInputElement).checked,
  };
}

function showFiltersInForm(f: MapFilters, user: DeskUser): void {
  ($('f-category') as HTMLSelectElement).value = f.categories[0] ?? '';
  ($('f-status') as HTMLSelectElement).value = f.statuses[0] ?? '';
  const agency = $('f-agency') as HTMLSelectElement;
  const ownAgency = (user.role === 'officer' || user.role === 'agency_admin') ? user.agencyId : null;
  agency.value = ownAgency ?? f.agencyId ?? '';
  agency.disabled = ownAgency !== null;
  ($('f-from') as HTMLInputElement).value = f.from ?? '';
  ($('f-to') as HTMLInputElement).value = f.to ?? '';
  ($('f-overdue') as HTMLInputElement).checked = f.overdue;
}

// ---------- login ----------

function askLogin(): Promise<DeskUser> {
  const dialog = $('login') as HTMLDialogElement;
  const form = $('login-form') as HTMLFormElement;
  const error = $('login-error');
  dialog.showModal();
  return new Promise((resolve) => {
    form.addEventListener('submit', async function onSubmit(e) {
      e.preventDefault();
      error.textContent = '';
      const data = new FormData(form);
      const res = await postJson<{ user?: DeskUser; error?: { message: string } }>('/api/auth/login', {
        username: data.get('username'), password: data.get('password'),
      });
      if (res.status === 200 && res.body.user) {
        form.removeEventListener('submit', onSubmit);
        dialog.close();
        resolve(res.body.user);
      } else {
        error.textContent = res.body?.error?.message ?? 'Gagal masuk. Coba lagi.';
      }
    });
  });
}

async function currentUser(): Promise<DeskUser> {
  try {
    return (await getJson<{ user: DeskUser }>('/api/auth/me')).user;
  } catch (err) {
    if (err instanceof Unauthenticated) return askLogin();
    throw err;
  }
}

// ---------- the map ----------

async function start(): Promise<void> {
  const [meta, user] = await Promise.all([getJson<Meta>('/api/meta'), currentUser()]);
  const labels = new Labels(meta);
  const state: State = {
    meta, labels, user, groups: new Map(), openKecamatan: null,
    filters: filtersFromUrl(meta.agencies.map((a) => a.id)),
  };
  $('who').textContent = `${user.name} · ${ROLE_LABELS[user.role] ?? user.role}${user.agencyId ? ` · ${labels.agency(user.agencyId)}` : ''}${user.kecamatan ? ` · Kec. ${labels.kecamatan(user.kecamatan)}` : ''}`;
  const logout = $('logout') as HTMLButtonElement;
  logout.hidden = false;
  logout.addEventListener('click', async () => {
    await postJson('/api/auth/logout', {});
    location.reload();
  });
  showFiltersInForm(state.filters, user);

  const b = meta.region.bounds;
  const regionBounds = b ? L.latLngBounds([b.minLat, b.minLng], [b.maxLat, b.maxLng]) : L.latLngBounds([-7.39, 111.09], [-6.84, 111.64]);
  const map = L.map('map', { zoomSnap: 0.25, minZoom: 8, maxZoom: 18 });
  map.fitBounds(regionBounds, { padding: [12, 12] });
  if (meta.map.tileUrl) {
    // Offline or blocked tiles leave the plain background; everything else still works.
    L.tileLayer(meta.map.tileUrl, { attribution: esc(meta.map.attribution), maxZoom: 18 }).addTo(map);
  }
  map.createPane('areas').style.zIndex = '350';
  map.createPane('groups').style.zIndex = '640';

  const legendControl = new L.Control({ position: 'bottomleft' });
  legendControl.onAdd = () => {
    // A <details>, so on a phone the legend folds away instead of covering the map.
    const div = L.DomUtil.create('details', 'legend-control') as HTMLDetailsElement;
    div.innerHTML = `<summary>Keterangan warna</summary>${legend(labels)}`;
    div.open = window.matchMedia('(min-width: 801px)').matches;
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  legendControl.addTo(map);

  // Boundaries: a choropleth when imported; without them only the markers are drawn.
  let areas: L.GeoJSON | null = null;
  try {
    const boundaries = await getJson<{ kecamatan: GeoJSON.FeatureCollection | null }>('/api/map/boundaries?level=kecamatan');
    if (boundaries.kecamatan) {
      areas = L.geoJSON(boundaries.kecamatan, {
        pane: 'areas',
        style: () => ({ color: '#4d6b5c', weight: 1, fillOpacity: 0.15, fillColor: '#cfd8d3' }),
        onEachFeature: (feature, layer) => layer.on('click', () => void openKecamatan(String(feature.properties?.code))),
      }).addTo(map);
    }
  } catch (err) {
    if (err instanceof Unauthenticated) return location.reload();
  }
  if (!areas) {
    // Said once, small: the circles stand at kecamatan centres because no polygons are imported.
    const note = new L.Control({ position: 'topright' });
    note.onAdd = () => {
      const div = L.DomUtil.create('div', 'note-control');
      div.textContent = 'Batas kecamatan belum diimpor: lingkaran ada di titik tengah tiap kecamatan.';
      return div;
    };
    note.addTo(map);
  }

  const groupLayer = L.layerGroup().addTo(map);
  const markers = new Map<string, L.Marker>();
  const pins = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
  let pinsShown = false;

  function drawGroups(): void {
    const max = Math.max(1, ...[...state.groups.values()].map((g) => g.total));
    for (const group of state.groups.values()) {
      if (!group.centroid) continue;
      const size = ringSize(group.total, max);
      const icon = L.divIcon({
        className: 'kec-icon',
        iconSize: [size, size],
        iconAnchor: [size / 2, size / 2],
        html: `<div class="kec-marker${group.total === 0 ? ' empty' : ''}" data-code="${esc(group.code)}" data-total="${group.total}" title="${esc(group.name)}: ${esc(fmt(group.total))} laporan">
          ${ringSvg(group.byCategory, group.total, size)}<span class="kec-name">${esc(group.name)}</span>${group.overdue ? `<span class="kec-late" title="lewat tenggat">${esc(fmt(group.overdue))}</span>` : ''}</div>`,
      });
      let marker = markers.get(group.code);
      if (!marker) {
        marker = L.marker([group.centroid.lat, group.centroid.lng], { icon, pane: 'groups', keyboard: true, title: group.name, riseOnHover: true });
        marker.on('click', () => void openKecamatan(group.code));
        markers.set(group.code, marker);
        groupLayer.addLayer(marker);
      } else {
        marker.setIcon(icon);
      }
    }
    if (areas) {
      areas.setStyle((feature) => {
        const total = state.groups.get(String(feature?.properties?.code))?.total ?? 0;
        const t = total / max;
        // Zoomed in, the pins matter: the areas fade to a faint tint under them.
        const opacity = total ? 0.2 + 0.5 * t : 0.08;
        return { color: '#4d6b5c', weight: 1, fillOpacity: pinsShown ? opacity / 3 : opacity, fillColor: total ? shade(t) : '#cfd8d3' };
      });
    }
    $('map').dataset.total = String([...state.groups.values()].reduce((s, g) => s + g.total, 0));
  }

  async function loadGroups(): Promise<void> {
    const answer = await getJson<KecamatanAnswer>(`/api/map/kecamatan?${filtersToQuery(state.filters)}`);
    state.groups = new Map(answer.items.map((g) => [g.code, g]));
    drawGroups();
  }

  async function loadPins(): Promise<void> {
    const zoomedIn = map.getZoom() >= PIN_ZOOM;
    if (zoomedIn !== pinsShown) {
      pinsShown = zoomedIn;
      if (zoomedIn) { map.addLayer(pins); map.removeLayer(groupLayer); } else { map.removeLayer(pins); map.addLayer(groupLayer); }
      drawGroups();
    }
    if (!zoomedIn) return;
    const v = map.getBounds();
    const bbox = [v.getWest(), v.getSouth(), v.getEast(), v.getNorth()].map((n) => n.toFixed(5)).join(',');
    const query = filtersToQuery(state.filters);
    const answer = await getJson<MapPinAnswer>(`/api/map/reports?bbox=${bbox}&limit=${PIN_LIMIT}${query ? `&${query}` : ''}`);
    pins.clearLayers();
    pins.addLayers(answer.features.filter((f) => f.geometry).map((f) => {
      const p = f.properties;
      const [lng, lat] = f.geometry!.coordinates;
      const marker = L.marker([lat, lng], {
        icon: L.divIcon({ className: 'pin-icon', iconSize: [18, 18], html: `<span class="pin" data-id="${esc(p.publicId)}" style="background:${esc(STATUS_COLOURS[p.status])}"></span>` }),
        title: `${p.publicId} · ${labels.category(p.category)} · ${labels.status(p.status)}`,
      });
      marker.bindPopup(`<b>${esc(labels.category(p.category))}</b> · ${esc(labels.status(p.status))}<br><code>${esc(p.publicId)}</code><br>${esc(p.excerpt)}`);
      return marker;
    }));
  }

  async function loadPanel(): Promise<void> {
    const query = filtersToQuery(state.filters);
    const [agencies, pupuk, trend] = await Promise.all([
      getJson<{ items: AgencyStats[] }>(`/api/stats/agencies?${query}`),
      getJson<PupukStats>(`/api/stats/pupuk?${query}`),
      getJson<TrendAnswer>(`/api/stats/trend?${query}`),
    ]);
    $('agency-stats').innerHTML = agencyTable(agencies.items);
    $('pupuk-stats').innerHTML = pupukSection(pupuk, labels);
    $('trend').innerHTML = trendChart(trend.weeks);
  }

  async function openKecamatan(code: string): Promise<void> {
    const group = state.groups.get(code);
    if (!group) return;
    state.openKecamatan = code;
    const section = $('kecamatan-detail');
    section.hidden = false;
    section.dataset.code = code;
    section.innerHTML = kecamatanDetail(group, null, false, labels);
    const query = filtersToQuery(state.filters);
    const answer = await getJson<MapPinAnswer>(`/api/map/reports?kecamatan=${encodeURIComponent(code)}&limit=${DETAIL_LIMIT}${query ? `&${query}` : ''}`);
    if (state.openKecamatan !== code) return;
    section.innerHTML = kecamatanDetail(state.groups.get(code) ?? group, answer.features, answer.truncated, labels);
    $('detail-zoom').addEventListener('click', () => zoomTo(code));
    $('detail-close').addEventListener('click', () => {
      state.openKecamatan = null;
      section.hidden = true;
    });
  }

  function zoomTo(code: string): void {
    const area = areas?.getLayers().find((l) => (l as L.GeoJSON & { feature?: GeoJSON.Feature }).feature?.properties?.code === code) as L.Polygon | undefined;
    const centroid = state.groups.get(code)?.centroid;
    if (area) map.fitBounds(area.getBounds(), { maxZoom: Math.max(PIN_ZOOM, map.getBoundsZoom(area.getBounds())) });
    else if (centroid) map.setView([centroid.lat, centroid.lng], PIN_ZOOM);
  }

  async function refresh(): Promise<void> {
    await Promise.all([loadGroups(), loadPins(), loadPanel()]);
    if (state.openKecamatan) await openKecamatan(state.openKecamatan);
    document.body.dataset.query = filtersToQuery(state.filters);
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded ?? 0) + 1);
  }

  function flash(event: DeskEventPayload): void {
    const marker = markers.get(event.report.kecamatan)?.getElement()?.querySelector('.kec-marker');
    marker?.classList.add('flash');
    setTimeout(() => marker?.classList.remove('flash'), FLASH_MS);
    const pin = document.querySelector(`.pin[data-id="${CSS.escape(event.report.publicId)}"]`);
    pin?.classList.add('flash');
    setTimeout(() => pin?.classList.remove('flash'), FLASH_MS);
  }

  // ---------- events ----------

  const form = $('filters') as HTMLFormElement;
  form.addEventListener('change', () => {
    state.filters = filtersFromForm();
    const query = filtersToQuery(state.filters);
    history.pushState(null, '', query ? `/peta?${query}` : '/peta');
    void refresh();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  $('f-reset').addEventListener('click', () => {
    state.filters = { categories: [], statuses: [], overdue: false };
    showFiltersInForm(state.filters, user);
    history.pushState(null, '', '/peta');
    void refresh();
  });
  window.addEventListener('popstate', () => {
    state.filters = filtersFromUrl(meta.agencies.map((a) => a.id));
    showFiltersInForm(state.filters, user);
    void refresh();
  });

  let moveTimer: ReturnType<typeof setTimeout> | undefined;
  map.on('moveend', () => {
    clearTimeout(moveTimer);
    moveTimer = setTimeout(() => void loadPins(), 150);
  });

  // Live: each committed change in this user's rooms triggers one (coalesced) reload of the
  // aggregates, which already apply the filters and scope; then the change is highlighted.
  const live = $('live');
  const socket = io(DESK_NAMESPACE, { transports: [...DESK_TRANSPORTS], withCredentials: true });
  let pending: DeskEventPayload[] = [];
  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  const onEvent = (event: DeskEventPayload) => {
    pending.push(event);
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => {
      const events = pending;
      pending = [];
      void refresh().then(() => events.forEach(flash));
    }, 200);
  };
  socket.on('report:created', onEvent);
  socket.on('report:updated', onEvent);
  let connectedOnce = false;
  socket.on('connect', () => {
    live.textContent = 'Langsung';
    live.className = 'live on';
    // After a reconnect, whatever was missed is in the fresh aggregates.
    if (connectedOnce) void refresh();
    connectedOnce = true;
  });
  socket.on('disconnect', () => {
    live.textContent = 'Terputus — menyambung ulang…';
    live.className = 'live off';
  });
  socket.on('connect_error', () => {
    live.textContent = 'Tidak terhubung';
    live.className = 'live off';
  });

  await refresh();
}

/** Light green to deep red as a kecamatan's share of the busiest one grows. */
function shade(t: number): string {
  const from = [198, 226, 196];
  const to = [200, 40, 30];
  const c = from.map((f, i) => Math.round(f + (to[i] - f) * Math.min(1, t)));
  return `rgb(${c.join(',')})`;
}

start().catch((err: unknown) => {
  console.error(err);
  const live = document.getElementById('live');
  if (live) live.textContent = 'Gagal memuat peta. Muat ulang halaman.';
});
