// The map and statistics queries (Store.aggregateReports, scanReports) as
// MongoDB aggregation pipelines, and their results as the port's rows. Pure: building a
// pipeline or reading its result needs no server, so both are unit tested
// (test/store/mongo-aggregates.test.ts); the pipelines run on a server in the store contract.
//
// Semantics follow the SQLite store (server/store/sqlite/sqlite-store.ts) exactly:
// - ISO instants are stored as strings and compared as strings (dueAt < now);
// - `hour` is the first 13 characters of createdAt (YYYY-MM-DDTHH, UTC).
// Weeks and medians are the domain's (server/stats), computed from these rows, not here.
import type { PipelineStage } from 'mongoose';
import { EXCERPT_LENGTH, excerptOf, pupukFactsOf } from '../facts.ts';
import type { AggregateKey, AggregateQuery, AggregateRow, ReportFacts, ScanQuery } from '../port.ts';
import { matchFilter, NEWEST_FIRST } from './report-query.ts';

/** An aggregation expression (kept loose: mongoose's Expression type cannot spell $$variables well). */
type Expr = unknown;

/** True when the field holds a string: a missing field or null is neither before nor after any instant. */
function isString(field: string): Expr {
  return { $eq: [{ $type: `$${field}` }, 'string'] };
}

/** The group key expression of each AggregateKey, judged at `now` (ISO). */
export const GROUP_EXPRESSIONS: Record<AggregateKey, (now: string) => Expr> = {
  kecamatan: () => '$kecamatan',
  category: () => '$category',
  status: () => '$status',
  agencyId: () => '$agencyId',
  // $lt alone would call null (closed reports) overdue: null sorts before every string.
  overdue: (now) => ({ $and: [isString('dueAt'), { $lt: ['$dueAt', { $literal: now }] }] }),
  hour: () => ({ $substrCP: ['$createdAt', 0, 13] }),
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
