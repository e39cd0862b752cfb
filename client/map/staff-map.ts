// /peta for staff: kecamatan groups from /api/map/kecamatan (scoped by role on the server),
// clustered pins from /api/map/pins once zoomed in, the side panel from /api/stats/*.
// The /desk socket says when something changed; nothing polls.
import type { DeskUser } from '../../shared/desk.ts';
import {
  filtersToQuery, MAP_PIN_LIMIT, pointsOf, type AgencyStats, type KecamatanAnswer, type KecamatanGroup, type MapFilters, type MapPinAnswer, type MapPointAnswer, type PupukStats,
  type TrendAnswer,
} from '../../shared/map.ts';
import type { DeskEventPayload } from '../../shared/realtime.ts';
import { fill } from '../desk/dom.ts';
import { getJson, postJson, Unauthenticated } from './api.ts';
import { areaBounds, drawAreas, shadeAreas } from './areas.ts';
import { addNote, createBaseMap } from './base-map.ts';
import { filtersFromForm, filtersFromUrl, NO_FILTERS, showFiltersInForm } from './filter-form.ts';
import { GroupsLayer } from './groups-layer.ts';
import { Labels, type Meta } from './labels.ts';
import type L from './leaflet.ts';
import { connectLive } from './live.ts';
import { applyEvent, REFRESH_EVERY_MS } from './live-delta.ts';
import { roleLabel } from './login.ts';
import { agencyTable, kecamatanDetail, pupukSection } from './panel.ts';
import { pinPopup } from './pin-popup.ts';
import { bboxOf, PinsLayer, type Pin } from './pins-layer.ts';
import { trendChart } from './trend-chart.ts';

/** From this zoom on, individual reports show as clustered pins instead of kecamatan groups. */
export const PIN_ZOOM = 12;
const DETAIL_LIMIT = 50;

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el;
}

function whoLine(user: DeskUser, labels: Labels): string {
  return [user.name, roleLabel(user.role), user.agencyId ? labels.agency(user.agencyId) : null, user.kecamatan ? `Kec. ${labels.kecamatan(user.kecamatan)}` : null]
    .filter(Boolean).join(' · ');
}

export async function runStaffMap(meta: Meta, user: DeskUser): Promise<void> {
  const labels = new Labels(meta);
  const agencyIds = meta.agencies.map((a) => a.id);
  let filters: MapFilters = filtersFromUrl(agencyIds);
  let groups = new Map<string, KecamatanGroup>();
  let openCode: string | null = null;

  byId('who').textContent = whoLine(user, labels);
  const logout = byId('logout') as HTMLButtonElement;
  logout.hidden = false;
  logout.addEventListener('click', async () => {
    await postJson('/api/auth/logout', {});
    location.reload();
  });
  showFiltersInForm(filters, user);

  const mapEl = byId('map');
  const map = createBaseMap(mapEl, meta, labels);
  const groupsLayer = new GroupsLayer((code) => void openKecamatan(code));
  groupsLayer.layer.addTo(map);
  const pins = new PinsLayer();
  let pinsShown = false;

  // Boundaries: a choropleth when imported; without them only the markers are drawn.
  let areas: L.GeoJSON | null = null;
  try {
    const boundaries = await getJson<{ kecamatan: GeoJSON.FeatureCollection | null }>('/api/map/boundaries?level=kecamatan');
    if (boundaries.kecamatan) areas = drawAreas(map, boundaries.kecamatan, (code) => void openKecamatan(code));
  } catch (err) {
    if (err instanceof Unauthenticated) return location.reload();
  }
  if (!areas) addNote(map, 'Batas kecamatan belum diimpor: lingkaran ada di titik tengah tiap kecamatan.');

  function drawGroups(): void {
    groupsLayer.draw(groups.values());
    const max = Math.max(1, ...[...groups.values()].map((g) => g.total));
    // Zoomed in, the pins matter: the areas fade to a faint tint under them.
    if (areas) shadeAreas(areas, groups, max, pinsShown);
    mapEl.dataset.total = String([...groups.values()].reduce((sum, g) => sum + g.total, 0));
  }

  async function loadGroups(): Promise<void> {
    const answer = await getJson<KecamatanAnswer>(`/api/map/kecamatan?${filtersToQuery(filters)}`);
    groups = new Map(answer.items.map((g) => [g.code, g]));
    drawGroups();
  }

  async function loadPins(): Promise<void> {
    const zoomedIn = map.getZoom() >= PIN_ZOOM;
    if (zoomedIn !== pinsShown) {
      pinsShown = zoomedIn;
      if (zoomedIn) { map.addLayer(pins.layer); map.removeLayer(groupsLayer.layer); } else { map.removeLayer(pins.layer); map.addLayer(groupsLayer.layer); }
      drawGroups();
    }
    if (!zoomedIn) return;
    const query = filtersToQuery(filters);
    const answer = await getJson<MapPointAnswer>(`/api/map/pins?bbox=${bboxOf(map)}&limit=${MAP_PIN_LIMIT}${query ? `&${query}` : ''}`);
    pins.show(pointsOf(answer).map((p): Pin => ({
      id: p.id, lat: p.lat, lng: p.lng, status: p.status,
      title: `${p.id} · ${labels.category(p.category)} · ${labels.status(p.status)}`,
      popup: pinPopup(p, labels),
    })));
  }

  async function loadPanel(): Promise<void> {
    const query = filtersToQuery(filters);
    const [agencies, pupuk, trend] = await Promise.all([
      getJson<{ items: AgencyStats[] }>(`/api/stats/agencies?${query}`),
      getJson<PupukStats>(`/api/stats/pupuk?${query}`),
      getJson<TrendAnswer>(`/api/stats/trend?${query}`),
    ]);
    fill(byId('agency-stats'), agencyTable(agencies.items));
    fill(byId('pupuk-stats'), ...pupukSection(pupuk, labels));
    fill(byId('trend'), ...trendChart(trend.weeks));
  }

  async function openKecamatan(code: string): Promise<void> {
    const group = groups.get(code);
    if (!group) return;
    openCode = code;
    const section = byId('kecamatan-detail');
    section.hidden = false;
    section.dataset.code = code;
    const handlers = { onZoom: () => zoomTo(code), onClose: () => { openCode = null; section.hidden = true; } };
    fill(section, ...kecamatanDetail(group, null, false, labels, handlers));
    const query = filtersToQuery(filters);
    const answer = await getJson<MapPinAnswer>(`/api/map/reports?kecamatan=${encodeURIComponent(code)}&limit=${DETAIL_LIMIT}${query ? `&${query}` : ''}`);
    if (openCode !== code) return;
    fill(section, ...kecamatanDetail(groups.get(code) ?? group, answer.features, answer.truncated, labels, handlers));
  }

  function zoomTo(code: string): void {
    const bounds = areaBounds(areas, code);
    const centroid = groups.get(code)?.centroid;
    if (bounds) map.fitBounds(bounds, { maxZoom: Math.max(PIN_ZOOM, map.getBoundsZoom(bounds)) });
    else if (centroid) map.setView([centroid.lat, centroid.lng], PIN_ZOOM);
  }

  async function refresh(): Promise<void> {
    await Promise.all([loadGroups(), loadPins(), loadPanel()]);
    if (openCode) await openKecamatan(openCode);
    document.body.dataset.query = filtersToQuery(filters);
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded ?? 0) + 1);
  }

  function flash(event: DeskEventPayload): void {
    groupsLayer.flash(event.report.kecamatan);
    pins.flash(event.report.publicId);
  }

  const form = byId('filters') as HTMLFormElement;
  form.addEventListener('change', () => {
    filters = filtersFromForm();
    const query = filtersToQuery(filters);
    history.pushState(null, '', query ? `/peta?${query}` : '/peta');
    void refresh();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  byId('f-reset').addEventListener('click', () => {
    filters = NO_FILTERS;
    showFiltersInForm(filters, user);
    history.pushState(null, '', '/peta');
    void refresh();
  });
  window.addEventListener('popstate', () => {
    filters = filtersFromUrl(agencyIds);
    showFiltersInForm(filters, user);
    void refresh();
  });

  let moveTimer: ReturnType<typeof setTimeout> | undefined;
  map.on('moveend', () => {
    clearTimeout(moveTimer);
    moveTimer = setTimeout(() => void loadPins(), 150);
  });

  // Live by deltas: the counts move with each event at once; the aggregates (overdue, panels,
  // pins) are fetched again at most every REFRESH_EVERY_MS, however many reports arrive.
  const scope = user.role === 'officer' || user.role === 'agency_admin' ? { agencyIds: user.agencyIds } : {};
  let lastRefresh = 0;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      lastRefresh = Date.now();
      void refresh();
    }, Math.max(0, lastRefresh + REFRESH_EVERY_MS - Date.now()));
  };
  connectLive(byId('live'), {
    onChanges: (events) => {
      // An event a delta cannot place (see applyEvent) waits for the same refresh.
      for (const event of events) applyEvent(groups, event, filters, scope);
      drawGroups();
      events.forEach(flash);
      refreshSoon();
    },
    onReconnect: () => void refresh(),
  });
  await refresh();
}
