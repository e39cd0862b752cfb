// The map and statistics queries (Store.aggregateReports, scanReports, agencyTimings) as
// MongoDB aggregation pipelines, and their results as the port's rows. Pure: building a
// pipeline or reading its result needs no server, so both are unit tested
// (test/store/mongo-aggregates.test.ts); the pipelines run on a server in the store contract.
//
// Semantics follow the SQLite store (server/store/sqlite/sqlite-store.ts) exactly:
// - ISO instants are stored as strings and compared as strings (dueAt < now, answeredAt <= verifyDueAt);
// - `week` is the Monday (YYYY-MM-DD) of createdAt in WIB (UTC+7);
// - medians are the middle value, or the mean of the two middle values, of the durations in
//   hours rounded to 0.1 h, and the median itself is rounded to 0.1 h.
// Server features used: $dateTrunc (MongoDB 5.0), $sortArray (5.2); so MongoDB 6.0 or newer.
import type { PipelineStage } from 'mongoose';
import { EXCERPT_LENGTH, excerptOf, pupukFactsOf } from '../facts.ts';
import type { AgencyTiming, AggregateKey, AggregateQuery, AggregateRow, ReportFacts, ReportFilter, ScanQuery } from '../port.ts';
import { matchFilter, NEWEST_FIRST } from './report-query.ts';

/** Western Indonesia Time as a UTC offset: Blora's weeks start on Monday 00:00 WIB. */
export const WIB_OFFSET = '+07:00';

/** An aggregation expression (kept loose: mongoose's Expression type cannot spell $$variables well). */
type Expr = unknown;

/** True when the field holds a string: a missing field or null is neither before nor after any instant. */
function isString(field: string): Expr {
  return { $eq: [{ $type: `$${field}` }, 'string'] };
}

/** The ISO string in `field` as a BSON date (null when null or missing). */
function dateOf(field: string): Expr {
  return { $dateFromString: { dateString: `$${field}` } };
}

/** Milliseconds from one ISO field to another. */
function millisBetween(from: string, to: string): Expr {
  return { $subtract: [dateOf(to), dateOf(from)] };
}

/** The group key expression of each AggregateKey, judged at `now` (ISO). */
export const GROUP_EXPRESSIONS: Record<AggregateKey, (now: string) => Expr> = {
  kecamatan: () => '$kecamatan',
  category: () => '$category',
  status: () => '$status',
  agencyId: () => '$agencyId',
  // $lt alone would call null (closed reports) overdue: null sorts before every string.
  overdue: (now) => ({ $and: [isString('dueAt'), { $lt: ['$dueAt', { $literal: now }] }] }),
  week: () => ({
    $dateToString: {
      format: '%Y-%m-%d',
      timezone: WIB_OFFSET,
      date: { $dateTrunc: { date: dateOf('createdAt'), unit: 'week', startOfWeek: 'monday', timezone: WIB_OFFSET } },
    },
  }),
};

/** The keys to group by, each once, in the order asked. */
export function groupKeys(query: Pick<AggregateQuery, 'by'>): AggregateKey[] {
  return [...new Set(query.by)];
}

export function aggregatePipeline(query: AggregateQuery): PipelineStage[] {
  const keys = groupKeys(query);
  const id = keys.length ? Object.fromEntries(keys.map((k) => [k, GROUP_EXPRESSIONS[k](query.now)])) : null;
  return [
    { $match: matchFilter(query) },
    { $group: { _id: id, count: { $sum: 1 } } },
    { $sort: { _id: 1 } },
  ];
}

export interface GroupResult { _id: Record<string, unknown> | null; count: number }

export function aggregateRowsOf(results: GroupResult[], query: Pick<AggregateQuery, 'by'>): AggregateRow[] {
  const keys = groupKeys(query);
  return results.filter((r) => Number(r.count) > 0).map((r) => {
    const key: AggregateRow['key'] = {};
    for (const k of keys) {
      const value = r._id?.[k];
      if (k === 'overdue') key.overdue = value === true;
      else (key as Record<string, unknown>)[k] = value ?? null;
    }
    return { key, count: Number(r.count) };
  });
}

export function scanPipeline(query: ScanQuery): PipelineStage[] {
  return [
    { $match: matchFilter(query) },
    { $sort: NEWEST_FIRST },
    { $limit: query.limit },
    {
      $project: {
        _id: 0, publicId: 1, category: 1, agencyId: 1, status: 1, kecamatan: 1, desa: 1, lat: 1, lng: 1, confidential: 1,
        // One character more than shown tells excerptOf whether to cut.
        excerpt: { $substrCP: ['$description', 0, EXCERPT_LENGTH + 1] },
        createdAt: 1, verifiedAt: 1, resolvedAt: 1, answeredAt: 1, verifyDueAt: 1, dueAt: 1,
        ...(query.withPupuk ? { pupuk: { $cond: [{ $eq: ['$category', 'pupuk'] }, '$details', null] } } : {}),
      },
    },
  ];
}

/** A scanned row as it comes back: missing fields (older documents) read as SQLite's column defaults. */
export type ScanResult = Partial<Omit<ReportFacts, 'pupuk'>> & { pupuk?: unknown };

export function factsOf(r: ScanResult, query: Pick<ScanQuery, 'withPupuk'>): ReportFacts {
  const facts: ReportFacts = {
    publicId: r.publicId ?? '', category: r.category as ReportFacts['category'], agencyId: r.agencyId ?? '', status: r.status as ReportFacts['status'],
    kecamatan: r.kecamatan ?? '', desa: r.desa ?? '', lat: r.lat ?? null, lng: r.lng ?? null, confidential: r.confidential === true,
    excerpt: excerptOf(r.excerpt ?? ''), createdAt: r.createdAt ?? '', verifiedAt: r.verifiedAt ?? null, resolvedAt: r.resolvedAt ?? null,
    answeredAt: r.answeredAt ?? null, verifyDueAt: r.verifyDueAt ?? '', dueAt: r.dueAt ?? null,
  };
  if (query.withPupuk) {
    const details = r.pupuk;
    facts.pupuk = typeof details === 'object' && details !== null && !Array.isArray(details) ? pupukFactsOf(details as Record<string, unknown>) : null;
  }
  return facts;
}

/**
 * The one or two middle values of the numbers in an array expression (nulls left out), in
 * ascending order: [] for none, [m, m] for an odd count, [lower, upper] for an even one.
 */
export function middleValues(array: Expr): Expr {
  return {
    $let: {
      vars: { sorted: { $sortArray: { input: { $filter: { input: array, cond: { $ne: ['$$this', null] } } }, sortBy: 1 } } },
      in: {
        $let: {
          vars: { n: { $size: '$$sorted' } },
          in: {
            $cond: [
              { $eq: ['$$n', 0] },
              [],
              [
                { $arrayElemAt: ['$$sorted', { $toInt: { $floor: { $divide: [{ $subtract: ['$$n', 1] }, 2] } } }] },
                { $arrayElemAt: ['$$sorted', { $toInt: { $floor: { $divide: ['$$n', 2] } } }] },
              ],
            ],
          },
        },
      },
    },
  };
}

export function agencyTimingsPipeline(filter: ReportFilter): PipelineStage[] {
  const answered = isString('answeredAt');
  return [
    { $match: matchFilter(filter) },
    {
      $group: {
        _id: '$agencyId',
        answered: { $sum: { $cond: [answered, 1, 0] } },
        answeredOnTime: { $sum: { $cond: [{ $and: [answered, { $lte: ['$answeredAt', '$verifyDueAt'] }] }, 1, 0] } },
        // Durations in ms; null for reports without the moment, left out by middleValues.
        toVerify: { $push: { $cond: [isString('verifiedAt'), millisBetween('createdAt', 'verifiedAt'), null] } },
        toResolve: {
          $push: { $cond: [{ $and: [isString('resolvedAt'), { $eq: ['$status', 'resolved'] }] }, millisBetween('createdAt', 'resolvedAt'), null] },
        },
      },
    },
    {
      $project: {
        _id: 0, agencyId: '$_id', answered: 1, answeredOnTime: 1,
        toVerify: middleValues('$toVerify'), toResolve: middleValues('$toResolve'),
      },
    },
    { $sort: { agencyId: 1 } },
  ];
}

export interface TimingResult { agencyId: string; answered: number; answeredOnTime: number; toVerify: number[]; toResolve: number[] }

const HOUR_MS = 3_600_000;
/** To 0.1, halves up (durations are never negative), as SQLite's ROUND(x, 1). */
const tenths = (x: number) => Math.round(x * 10) / 10;

/** The median in hours from the middle durations (ms) middleValues picked; null when none. */
export function medianHours(middle: readonly number[]): number | null {
  if (middle.length === 0) return null;
  const hours = middle.map((ms) => tenths(Number(ms) / HOUR_MS));
  return tenths(hours.reduce((sum, h) => sum + h, 0) / hours.length);
}

export function timingOf(r: TimingResult): AgencyTiming {
  return {
    agencyId: r.agencyId, answered: Number(r.answered), answeredOnTime: Number(r.answeredOnTime),
    medianHoursToVerify: medianHours(r.toVerify), medianHoursToResolve: medianHours(r.toResolve),
  };
}
