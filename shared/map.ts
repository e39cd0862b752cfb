// What the map page (/peta) and the server agree on: the filters (which live in the page's
// query string and are sent to the API unchanged) and the shapes of the map and stats answers.
import { AGENCIES } from './reference/agencies.ts';
import { CATEGORY_IDS } from './reference/categories.ts';
import { STATUSES } from './reference/statuses.ts';
import type { CategoryId, FertiliserType, PupukProblem, ReportStatus } from './types.ts';

/** The map's filters. Dates are calendar days in WIB (YYYY-MM-DD), both ends included. */
export interface MapFilters {
  categories: CategoryId[];
  statuses: ReportStatus[];
  agencyId?: string;
  from?: string;
  to?: string;
  overdue: boolean;
}

export type MapFilterErrors = Partial<Record<'category' | 'status' | 'agency' | 'from' | 'to', 'invalid_choice' | 'invalid_date'>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

function list(value: string | null | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * Reads `?category=pupuk,jalan&status=new&agency=dpupr&from=2026-01-01&to=2026-01-31&overdue=1`.
 * The same function runs in the browser (restoring the form from a shared URL) and on the
 * server (the API), so a link opens exactly the view it was copied from.
 */
export function parseMapFilters(get: (name: string) => string | null | undefined, agencyIds: readonly string[] = AGENCIES.map((a) => a.id)): { filters: MapFilters; errors: MapFilterErrors } {
  const errors: MapFilterErrors = {};
  const categories = list(get('category'));
  if (categories.some((c) => !(CATEGORY_IDS as readonly string[]).includes(c))) errors.category = 'invalid_choice';
  const statuses = list(get('status'));
  if (statuses.some((s) => !STATUSES.some((t) => t.id === s))) errors.status = 'invalid_choice';
  const agencyId = get('agency')?.trim() || undefined;
  if (agencyId && !agencyIds.includes(agencyId)) errors.agency = 'invalid_choice';
  const from = get('from')?.trim() || undefined;
  if (from && !isDate(from)) errors.from = 'invalid_date';
  const to = get('to')?.trim() || undefined;
  if (to && !isDate(to)) errors.to = 'invalid_date';
  if (from && to && !errors.from && !errors.to && from > to) errors.to = 'invalid_date';
  const overdue = ['1', 'true'].includes(get('overdue')?.trim() ?? '');
  return { filters: { categories: categories as CategoryId[], statuses: statuses as ReportStatus[], agencyId, from, to, overdue }, errors };
}

/** The query string of a filter set, in a stable order and without empty keys. */
export function filtersToQuery(filters: MapFilters): string {
  const params = new URLSearchParams();
  if (filters.categories.length) params.set('category', filters.categories.join(','));
  if (filters.statuses.length) params.set('status', filters.statuses.join(','));
  if (filters.agencyId) params.set('agency', filters.agencyId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.overdue) params.set('overdue', '1');
  return params.toString();
}

export type CountMap<K extends string> = Partial<Record<K, number>>;

/** One kecamatan on the map: GET /api/map/kecamatan → { items: KecamatanGroup[] }. */
export interface KecamatanGroup {
  code: string;
  name: string;
  centroid: { lat: number; lng: number } | null;
  total: number;
  overdue: number;
  byCategory: CountMap<CategoryId>;
  byStatus: CountMap<ReportStatus>;
  byAgency: Record<string, number>;
}

export interface KecamatanAnswer { items: KecamatanGroup[]; total: number; lastSeq: number }

/** A pin: GET /api/map/reports → GeoJSON FeatureCollection of these. */
export interface MapPinProperties {
  publicId: string;
  category: CategoryId;
  status: ReportStatus;
  agencyId: string;
  kecamatan: string;
  desa: string;
  excerpt: string;
  confidential: boolean;
  overdue: boolean;
  createdAt: string;
}

export interface MapPinFeature {
  type: 'Feature';
  id: string;
  /** Null for a report without a GPS point (only listed when no bbox was asked). */
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: MapPinProperties;
}

export interface MapPinAnswer { type: 'FeatureCollection'; features: MapPinFeature[]; truncated: boolean }

/**
 * The clustered staff map's pins: GET /api/map/pins?bbox= → one column per field, pin i being
 * `ids[i]` (the public id) at (`lng[i]`, `lat[i]`) with `category[i]` and `status[i]`, newest
 * first. Only what the marker shows: its popup fetches the report's desk view when opened.
 * Columns rather than GeoJSON features, and points rounded to POINT_DECIMALS: 2,000 pins were
 * 307 KB as lean features (42 KB gzipped) and the answer's JSON, ETag and gzip most of the
 * main thread's time for the read, which the desk pushes wait behind (numbers in README).
 */
export interface MapPointAnswer {
  ids: string[];
  lng: number[];
  lat: number[];
  category: CategoryId[];
  status: ReportStatus[];
  truncated: boolean;
}

/** Decimals a pin's point keeps: 5 is about 1 m, finer than a phone's GPS outdoors. */
export const POINT_DECIMALS = 5;

/** A pin's coordinate as sent (staff and public maps): POINT_DECIMALS, so no digit carries noise. */
export function pinCoordinate(x: number): number {
  return Math.round(x * 10 ** POINT_DECIMALS) / 10 ** POINT_DECIMALS;
}

/** One pin, as read back out of the columns. */
export interface MapPoint { id: string; lng: number; lat: number; category: CategoryId; status: ReportStatus }

export function pointsOf(answer: MapPointAnswer): MapPoint[] {
  return answer.ids.map((id, i) => ({ id, lng: answer.lng[i], lat: answer.lat[i], category: answer.category[i], status: answer.status[i] }));
}

/** How many pins the staff map asks for at once (the newest; the answer says when there were more). */
export const MAP_PIN_LIMIT = 2000;

export interface AgencyStats {
  agencyId: string;
  name: string;
  total: number;
  open: number;
  overdue: number;
  /** Reports with a first answer (verified, resolved, rejected or duplicate). */
  answered: number;
  /** Share (0–1) of answered reports answered by the verify deadline; null when none answered. */
  answeredOnTimeShare: number | null;
  /** Median hours from submission to verification / resolution; null without data. */
  medianHoursToVerify: number | null;
  medianHoursToResolve: number | null;
}

export interface PupukStats {
  total: number;
  kiosks: { name: string; count: number; kecamatan: string[] }[];
  prices: { fertiliserType: FertiliserType; reports: number; avgPricePerKg: number; hetPerKg: number | null; avgOverHetPerKg: number }[];
  problems: { id: PupukProblem; count: number }[];
  byKecamatan: { code: string; name: string; count: number }[];
}

export interface TrendWeek { weekStart: string; total: number; closed: number; byCategory: CountMap<CategoryId> }
export interface TrendAnswer { weeks: TrendWeek[] }

/** Status colours of pins, shared so the legend and the markers agree. */
export const STATUS_COLOURS: Readonly<Record<ReportStatus, string>> = {
  new: '#d94f04',
  verified: '#e0a800',
  in_progress: '#1f6fd1',
  resolved: '#1a8a4a',
  rejected: '#7a7a7a',
  duplicate: '#a0a0a0',
};

/** Category colours of the ring charts. */
export const CATEGORY_COLOURS: Readonly<Record<CategoryId, string>> = {
  pupuk: '#2e7d32',
  jalan: '#6d4c41',
  aspirasi: '#8e24aa',
  kesehatan: '#d81b60',
  pendidikan: '#1e88e5',
  sosial: '#f4511e',
  perizinan: '#00897b',
  peternakan: '#c0a000',
  lainnya: '#757575',
};
