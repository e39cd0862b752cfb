// The read model's one rule: what a report counts for. `countersOf` lists every counter a
// report adds to; `readModelDelta` is the difference a change makes (after minus before),
// which the adapters add to their counter rows in the same transaction as the change itself.
// Rebuilding is the same function applied to every report from nothing.
import { isClosed } from '../../shared/reference/statuses.ts';
import type { Report } from '../../shared/types.ts';
import { answeredAtOf } from '../reports/answered-at.ts';
import { pupukFactsOf } from '../store/facts.ts';
import type { CounterBucket, ReadModelDelta, ReportFacts } from '../store/port.ts';
import { createdBuckets, dueBuckets } from './buckets.ts';
import { hourBucketOf, hoursBetween } from './hours.ts';
import { ANSWERED, COUNT, DESA, DUE, KIOSK, KIOSK_SPELLING, ON_TIME, OVER_HET_SUM, PRICE_SUM, PRICED, PROBLEM, RESOLVE_HOURS, VERIFY_HOURS } from './names.ts';
import { rollupsOf } from './rollups.ts';

/** The facts a report is counted by: a ReportFacts row, or what a Report says of itself. */
export type CountedFacts = Pick<ReportFacts, 'category' | 'agencyId' | 'status' | 'kecamatan' | 'desa' | 'confidential' | 'createdAt' | 'verifiedAt' | 'resolvedAt' | 'answeredAt' | 'verifyDueAt' | 'dueAt' | 'pupuk'>;

export function factsOfReport(report: Report): CountedFacts {
  return {
    category: report.category, agencyId: report.agencyId, status: report.status, kecamatan: report.kecamatan, desa: report.desa,
    confidential: report.confidential, createdAt: report.createdAt, verifiedAt: report.verifiedAt, resolvedAt: report.resolvedAt,
    // The first answer the write path kept (a reopen does not undo it); older reports: their state's.
    answeredAt: report.answeredAt ?? answeredAtOf(report), verifyDueAt: report.verifyDueAt, dueAt: report.dueAt,
    pupuk: report.category === 'pupuk' ? pupukFactsOf(report.details) : null,
  };
}

/** Kiosk names as farmers type them: "kios  makmur" and "Kios Makmur" are one kiosk. */
export function kioskKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function kioskSpelling(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** Every counter this report adds to, with how much. */
export function countersOf(f: CountedFacts): ReadModelDelta[] {
  const dims = { kecamatan: f.kecamatan, category: f.category, status: f.status, agencyId: f.agencyId, confidential: f.confidential };
  const out: ReadModelDelta[] = [];
  const add = (at: CounterBucket, name: string, value: number) => out.push({ kind: 'readmodel', ...at, ...dims, name, value });
  const buckets = createdBuckets(f.createdAt);
  const rows = [buckets.all, buckets.month, buckets.day];
  const names: [string, number][] = [[COUNT, 1]];
  // Counted for all time only: nothing reads them by date, and per day they would be a row per report.
  const allTimeOnly: [string, number][] = [];
  // Per desa also by month: the open data's monthly counts per desa (server/opendata/counts.ts)
  // read these rows instead of every report. A month row per desa, category, status and agency
  // is far fewer rows than the day rows already kept; per day it would be a row per report.
  const desa: [string, number] = [`${DESA}${f.desa}`, 1];
  if (f.answeredAt) names.push([ANSWERED, 1], [ON_TIME, f.answeredAt <= f.verifyDueAt ? 1 : 0]);
  if (f.verifiedAt) names.push([`${VERIFY_HOURS}${hourBucketOf(hoursBetween(f.createdAt, f.verifiedAt))}`, 1]);
  if (f.resolvedAt && f.status === 'resolved') names.push([`${RESOLVE_HOURS}${hourBucketOf(hoursBetween(f.createdAt, f.resolvedAt))}`, 1]);
  const p = f.pupuk;
  if (p) {
    if (p.fertiliserType && typeof p.pricePerKg === 'number') {
      names.push([`${PRICED}${p.fertiliserType}`, 1], [`${PRICE_SUM}${p.fertiliserType}`, p.pricePerKg], [`${OVER_HET_SUM}${p.fertiliserType}`, p.overHetPerKg ?? 0]);
    }
    for (const problem of new Set(p.problems)) names.push([`${PROBLEM}${problem}`, 1]);
    if (p.kioskName?.trim()) {
      const key = kioskKey(p.kioskName);
      names.push([`${KIOSK}${key}`, 1]);
      allTimeOnly.push([`${KIOSK_SPELLING}${key}|${kioskSpelling(p.kioskName)}`, 1]);
    }
  }
  for (const row of rows) for (const [name, value] of names) add(row, name, value);
  for (const [name, value] of allTimeOnly) add(buckets.all, name, value);
  for (const row of [buckets.all, buckets.month]) add(row, ...desa);
  // The trend reads weeks; it needs only the count.
  add(buckets.week, COUNT, 1);
  if (f.dueAt && !isClosed(f.status)) for (const row of dueBuckets(f.dueAt)) add(row, DUE, 1);
  return [...out, ...out.flatMap(rollupsOf)].filter((d) => d.value !== 0);
}

function keyOf(d: ReadModelDelta): string {
  return [d.grain, d.bucket, d.kecamatan, d.category, d.status, d.agencyId, d.confidential ? 1 : 0, d.name].join('\u0000');
}

/** after − before, counter by counter; counters that do not move are left out. */
export function readModelDelta(before: CountedFacts | null, after: CountedFacts | null): ReadModelDelta[] {
  // A new report (every intake): its counters as they are, without the fold's keys and map.
  if (!before) return after ? countersOf(after) : [];
  const sum = new Map<string, ReadModelDelta>();
  const fold = (deltas: ReadModelDelta[], sign: 1 | -1) => {
    for (const d of deltas) {
      const key = keyOf(d);
      const seen = sum.get(key);
      if (seen) seen.value += sign * d.value;
      else sum.set(key, { ...d, value: sign * d.value });
    }
  };
  fold(countersOf(before), -1);
  if (after) fold(countersOf(after), 1);
  return [...sum.values()].filter((d) => d.value !== 0);
}

/** The read model's deriver (server/reports/derive.ts): what a report change adds to the counters. */
export function reportDelta(before: Report | null, after: Report): ReadModelDelta[] {
  return readModelDelta(before && factsOfReport(before), factsOfReport(after));
}

/** What one report counts for, from nothing: the rebuild's rule. */
export function countersOfReport(report: Report): ReadModelDelta[] {
  return countersOf(factsOfReport(report));
}
