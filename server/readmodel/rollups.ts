// Coarser copies of the counters, for the reads that group by a few dimensions. A counter row
// keeps all five dimensions (agency, kecamatan, category, status, confidential), so "all time
// by kecamatan" summed every combination (6,000 rows at 1,000,000 reports; 33,000 for the
// kiosks, 66,000 for the verify-time histograms). A rollup keeps only some dimensions (the
// others are stored as '' / false) for a few counter names, in the same transaction as the full
// rows; a read is answered from the smallest rollup that keeps every dimension it filters or
// groups by, and from the full rows otherwise. Sums of sums: the answer is the same either way
// (the store contract checks it), only fewer rows are read.
import type { CounterBucket, CounterDim, CounterDims, ReadModelDelta, ReadModelQuery, TimeGrain } from '../store/port.ts';
import { ANSWERED, COUNT, DUE, KIOSK, ON_TIME, OVER_HET_SUM, PRICE_SUM, PRICED, PROBLEM, RESOLVE_HOURS, VERIFY_HOURS } from './names.ts';

type Dim = keyof CounterDims;

export interface Rollup {
  /** Part of the grain: `all/ap` is all time in rollup `ap`. */
  id: string;
  keeps: readonly Dim[];
  names: readonly string[];
  prefixes: readonly string[];
  grains: readonly TimeGrain[];
}

const CREATED: readonly TimeGrain[] = ['all', 'm', 'd'];
const AGENCY_PANEL = { names: [COUNT, ANSWERED, ON_TIME], prefixes: [VERIFY_HOURS, RESOLVE_HOURS] };
const PUPUK_PANEL = [PRICED, PRICE_SUM, OVER_HET_SUM, PROBLEM, KIOSK];

/**
 * Smallest first: a read takes the first that answers it. The agency is kept in every rollup,
 * as an officer's reads are always filtered by their agency.
 */
export const ROLLUPS: readonly Rollup[] = [
  // The agency panel and the public statistics: answer times and their histograms per agency.
  { id: 'ap', keeps: ['agencyId'], names: [ANSWERED, ON_TIME], prefixes: AGENCY_PANEL.prefixes, grains: CREATED },
  // Open and total per agency.
  { id: 'as', keeps: ['agencyId', 'status'], names: [COUNT], prefixes: [], grains: CREATED },
  // The pupuk panel's prices, problems and kiosk counts.
  { id: 'ac', keeps: ['agencyId', 'category'], names: [COUNT], prefixes: PUPUK_PANEL, grains: CREATED },
  // The map's counts per kecamatan and agency; overdue per kecamatan or agency (due buckets).
  { id: 'ak', keeps: ['agencyId', 'kecamatan'], names: [COUNT, DUE], prefixes: [], grains: [...CREATED, 'dy', 'dm', 'dd'] },
  // The map's counts per kecamatan and category; where the pupuk panel's kiosks are.
  { id: 'akc', keeps: ['agencyId', 'kecamatan', 'category'], names: [COUNT], prefixes: PUPUK_PANEL, grains: CREATED },
  // The map's counts per kecamatan and status.
  { id: 'aks', keeps: ['agencyId', 'kecamatan', 'status'], names: [COUNT], prefixes: [], grains: CREATED },
  // The agency panel with a category or status filter; the weekly trend.
  { id: 'acs', keeps: ['agencyId', 'category', 'status'], names: AGENCY_PANEL.names, prefixes: AGENCY_PANEL.prefixes, grains: [...CREATED, 'w'] },
];

function counts(rollup: Rollup, name: string): boolean {
  return rollup.names.includes(name) || rollup.prefixes.some((p) => name.startsWith(p));
}

const TIME_GRAINS: readonly TimeGrain[] = ['all', 'm', 'w', 'd', 'dy', 'dm', 'dd'];

function timeGrainOf(grain: CounterBucket['grain']): TimeGrain {
  const time = grain.split('/')[0];
  const found = TIME_GRAINS.find((t) => t === time);
  if (!found) throw new Error(`not a counter grain: ${grain}`);
  return found;
}

/** The rollup rows a full counter delta adds to (the dropped dimensions blank). */
export function rollupsOf(delta: ReadModelDelta): ReadModelDelta[] {
  const out: ReadModelDelta[] = [];
  const time = timeGrainOf(delta.grain);
  for (const rollup of ROLLUPS) {
    if (!rollup.grains.includes(time) || !counts(rollup, delta.name)) continue;
    out.push({
      ...delta,
      grain: `${time}/${rollup.id}`,
      kecamatan: rollup.keeps.includes('kecamatan') ? delta.kecamatan : '',
      category: rollup.keeps.includes('category') ? delta.category : '',
      status: rollup.keeps.includes('status') ? delta.status : '',
      confidential: rollup.keeps.includes('confidential') ? delta.confidential : false,
    });
  }
  return out;
}

/** The dimensions a query filters or groups by (beside the agency, which every rollup keeps). */
function dimsOf(query: ReadModelQuery): Set<CounterDim> {
  const dims = new Set<CounterDim>(query.by.filter((d) => d !== 'bucket'));
  if (query.kecamatan) dims.add('kecamatan');
  if (query.categories?.length) dims.add('category');
  if (query.statuses?.length) dims.add('status');
  if (query.confidential !== undefined) dims.add('confidential');
  return dims;
}

function answers(rollup: Rollup, query: ReadModelQuery, dims: Set<CounterDim>): boolean {
  return [...dims].every((d) => d === 'agencyId' || rollup.keeps.some((k) => k === d))
    && query.buckets.every((b) => !b.grain.includes('/') && rollup.grains.includes(timeGrainOf(b.grain)))
    && (query.names ?? []).every((n) => counts(rollup, n))
    && (query.prefixes ?? []).every((p) => rollup.prefixes.some((q) => p.startsWith(q)));
}

/** The same query over the smallest rollup that answers it (unchanged when none does). */
export function narrowest(query: ReadModelQuery): ReadModelQuery {
  const dims = dimsOf(query);
  const rollup = ROLLUPS.find((r) => answers(r, query, dims));
  if (!rollup) return query;
  return { ...query, buckets: query.buckets.map((b) => ({ grain: `${timeGrainOf(b.grain)}/${rollup.id}`, bucket: b.bucket })) };
}
