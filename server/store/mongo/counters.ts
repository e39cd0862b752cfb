// The read model on MongoDB: counter documents changed with $inc (upserted) in the report's
// transaction, summed with $group. What a change adds is decided above the port (DeriveCounters).
import type { ClientSession, PipelineStage } from 'mongoose';
import type { Report } from '../../../shared/types.ts';
import type { CounterDim, ReadModelDelta, ReadModelQuery, ReadModelRow } from '../port.ts';
import type { Models } from './models.ts';
import { REPORT_PROJECTION } from './schemas.ts';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function addCounters(models: Models, deltas: ReadModelDelta[], session: ClientSession | undefined): Promise<void> {
  if (deltas.length === 0) return;
  await models.ReadCounter.bulkWrite(deltas.map(({ kind: _kind, value, ...key }) => ({
    updateOne: { filter: key, update: { $inc: { value } }, upsert: true },
  })), { session, ordered: false });
}

export async function sumReadModel(models: Models, query: ReadModelQuery): Promise<ReadModelRow[]> {
  const byGrain = new Map<string, string[]>();
  for (const b of query.buckets) byGrain.set(b.grain, [...(byGrain.get(b.grain) ?? []), b.bucket]);
  const names = [
    ...(query.names?.length ? [{ name: { $in: query.names } }] : []),
    ...(query.prefixes ?? []).map((p: string) => ({ name: { $regex: `^${escapeRegex(p)}` } })),
  ];
  if (byGrain.size === 0 || names.length === 0) return [];
  const match: Record<string, unknown> = {
    $and: [{ $or: [...byGrain].map(([grain, buckets]) => ({ grain, bucket: { $in: buckets } })) }, { $or: names }],
  };
  if (query.agencyIds) match.agencyId = { $in: query.agencyIds };
  if (query.kecamatan) match.kecamatan = query.kecamatan;
  if (query.categories?.length) match.category = { $in: query.categories };
  if (query.statuses?.length) match.status = { $in: query.statuses };
  if (query.confidential !== undefined) match.confidential = query.confidential;
  const by = [...new Set(query.by)];
  const pipeline: PipelineStage[] = [
    { $match: match },
    { $group: { _id: { name: '$name', ...Object.fromEntries(by.map((d: CounterDim): [string, string] => [d, `$${d}`])) }, value: { $sum: '$value' } } },
  ];
  const rows = await models.ReadCounter.aggregate<{ _id: Record<string, string | boolean>; value: number }>(pipeline);
  return rows.filter((r) => r.value !== 0).map(({ _id: { name, ...key }, value }): ReadModelRow => ({ key, name: String(name), value }));
}

/** Counts every report again from nothing (offline: nothing else writes meanwhile). */
export async function rebuildReadModel(models: Models, countersOf: (report: Report) => ReadModelDelta[], onProgress?: (reports: number) => void): Promise<number> {
  await models.ReadCounter.deleteMany({});
  let pending = new Map<string, ReadModelDelta>();
  let reports = 0;
  const flush = async () => {
    await addCounters(models, [...pending.values()].filter((d) => d.value !== 0), undefined);
    pending = new Map();
  };
  for await (const report of models.Report.find({}, REPORT_PROJECTION).sort({ createdAt: 1 }).lean<Report>().cursor()) {
    for (const d of countersOf(report)) {
      const key = [d.grain, d.bucket, d.name, d.agencyId, d.kecamatan, d.category, d.status, d.confidential].join('\u0000');
      const seen = pending.get(key);
      if (seen) seen.value += d.value;
      else pending.set(key, { ...d });
    }
    reports += 1;
    if (reports % 20_000 === 0) {
      await flush();
      onProgress?.(reports);
    }
  }
  await flush();
  return reports;
}
