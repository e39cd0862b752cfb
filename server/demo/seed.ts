// `npm run cli -- demo seed --reports N [--seed S] [--days D]`: a regency's hotline after D days
// of work, for a demo install, a load test and the benchmarks. Every report is what a phone
// would send (validated by the shared schema), built by intake's own buildReport, moved along
// by officers through the desk's own applyAction, and committed through the write path —
// many reports' changes per transaction (commitChanges), so a million take minutes; the read
// model is counted once at the end.
import { randomBytes } from 'node:crypto';
import { findTopic, ASPIRATION_TOPICS } from '../../shared/reference/aspiration-topics.ts';
import type { NgopiSession } from '../../shared/ngopi.ts';
import type { DeskUser } from '../../shared/desk.ts';
import type { CategoryId, Report, ReportChannel } from '../../shared/types.ts';
import { parseReportInput } from '../../shared/validation/report-input.ts';
import { wibDate } from '../../shared/working-days.ts';
import type { Deps } from '../deps.ts';
import { createUser, toDeskUser } from '../auth/users.ts';
import { topicAgency } from '../ngopi/routing.ts';
import { actorOf, CITIZEN } from '../reports/actors.ts';
import { rebuildReadModel } from '../readmodel/rebuild.ts';
import { commitChanges } from '../reports/change-report.ts';
import { buildReport } from '../reports/service.ts';
import { CATEGORY_MIX, citizenBody, type CitizenContext } from './citizens.ts';
import { lifecycleOf, type LifecycleContext, type Officers, type SeededChange } from './lifecycle.ts';
import { pick, prng, weighted, type Random } from './random.ts';

const DAY = 86_400_000;
/** Reports whose changes share one transaction: large enough that fsync is no longer the cost. */
export const SEED_BATCH = 1000;
/** Earlier reports per category a duplicate may point at. */
const ORIGINALS_KEPT = 64;
/** One Ngopi Bareng session every two weeks, each with its share of the aspirations. */
const SESSION_EVERY_DAYS = 14;
const SESSION_ASPIRATION_SHARE = 0.03;
/** How citizens reach the hotline (the web form most, WhatsApp next). */
const CHANNEL_MIX: readonly [ReportChannel, number][] = [['web', 70], ['whatsapp', 22], ['sms', 8]];

export type SeedDeps = Pick<Deps, 'store' | 'bus' | 'derivers' | 'catalog' | 'clock' | 'sessionHub'>;

export interface SeedOptions {
  reports: number;
  seed?: number;
  /** Days of history the reports are spread over, ending now. */
  days?: number;
  onProgress?: (done: number) => void;
}

/** `samplePublicIds`: public ids of about every 20th report, none confidential. */
export interface SeedResult { reports: number; changes: number; sessions: number; officers: number; samplePublicIds: string[] }

/** One officer per agency (and a Dinkominfo facilitator), created once; a second seed reuses them. */
async function ensureOfficers(deps: SeedDeps): Promise<Officers> {
  const byAgency = new Map<string, DeskUser>();
  for (const agency of deps.catalog.agencies.filter((a) => a.active !== false)) {
    const username = `demo-${agency.id}`.slice(0, 32);
    const existing = await deps.store.getUserByUsername(username);
    // The password is random and never shown: an admin gives a demo officer one with `user reset-password`.
    const user = existing ? toDeskUser(existing, deps.catalog) : await createUser(deps, {
      username, name: `Petugas ${agency.name}`.slice(0, 100), role: 'officer', agencyId: agency.id, kecamatan: null,
      password: randomBytes(18).toString('base64url'),
    });
    byAgency.set(agency.id, user);
  }
  const fallback = byAgency.get('dinkominfo') ?? [...byAgency.values()][0];
  if (!fallback) throw new Error('Tidak ada dinas aktif untuk petugas demo.');
  return { byAgency, fallback };
}

function sessionsOf(random: Random, deps: SeedDeps, count: number, now: number, days: number, facilitator: DeskUser): NgopiSession[] {
  return Array.from({ length: count }, (_, i) => {
    const kecamatan = pick(random, deps.catalog.region.kecamatan);
    const desa = pick(random, kecamatan.desa);
    const start = now - days * DAY * (1 - (i + 0.5) / count);
    const topic = pick(random, ASPIRATION_TOPICS).id;
    const at = new Date(start - 7 * DAY).toISOString();
    return {
      id: `demo-${i + 1}-${Math.floor(random() * 1e9).toString(36)}`, title: `Ngopi Bareng Bupati di ${desa.name}, ${kecamatan.name}`,
      startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * 3_600_000).toISOString(), mode: weighted(random, [['luring', 5], ['luring_daring', 3], ['daring', 1]] as const),
      kecamatan: kecamatan.code, desa: desa.code, venue: `Balai Desa ${desa.name}`, link: null, topic, facilitator: facilitator.name,
      createdBy: facilitator.id, createdAt: at, updatedAt: at,
    };
  });
}

export async function seedDemo(deps: SeedDeps, options: SeedOptions): Promise<SeedResult> {
  const random = prng(options.seed ?? 1);
  const now = deps.clock().getTime();
  const days = options.days ?? 365;
  const n = options.reports;
  const officers = await ensureOfficers(deps);
  const facilitator = officers.byAgency.get('dinkominfo') ?? officers.fallback;
  const sessions = sessionsOf(random, deps, Math.max(1, Math.round(days / SESSION_EVERY_DAYS)), now, days, facilitator);
  for (const session of sessions) await deps.store.putNgopiSession(session);

  const citizens: CitizenContext = {
    kecamatan: deps.catalog.region.kecamatan,
    desaAreas: new Map((deps.catalog.places.boundaries.desa ?? []).map((a) => [a.code, a])),
  };
  // Keyed by category and the agency a report ended with: a duplicate's original must be one its
  // officer can see (the desk refuses another agency's report as the original).
  const originals = new Map<string, string[]>();
  const poolKey = (category: CategoryId, agencyId: string) => `${category}|${agencyId}`;
  // Reports as the batch not yet committed leaves them, with the versions the write path will
  // give them: a duplicate's original may be one of them.
  const pending = new Map<string, Report>();
  const lifecycle: LifecycleContext = {
    deps,
    officers,
    agencyIds: deps.catalog.agencies.filter((a) => a.active !== false).map((a) => a.id),
    originalFor(report) {
      const pool = originals.get(poolKey(report.category, report.agencyId)) ?? [];
      return pool.length ? pick(random, pool) : null;
    },
    readReport: async (publicId) => pending.get(publicId) ?? deps.store.getReport(publicId),
  };

  let changes = 0;
  const samplePublicIds: string[] = [];
  let wantSample = false;
  // The store builds its indexes and search index once at the end instead of row by row
  // (server/store/sqlite/bulk-load.ts): a million reports in minutes instead of half an hour.
  await deps.store.beginBulkLoad();
  try {
  for (let start = 0; start < n; start += SEED_BATCH) {
    const batch: SeededChange[] = [];
    pending.clear();
    for (let i = start; i < Math.min(n, start + SEED_BATCH); i += 1) {
      // Spread evenly over the days, oldest first, with some jitter; written in that order.
      const at = new Date(now - days * DAY * (1 - (i + random()) / n));
      const inSession = random() < SESSION_ASPIRATION_SHARE ? sessions.find((s) => Date.parse(s.endsAt) >= at.getTime()) : undefined;
      const category = inSession ? 'aspirasi' : weighted(random, CATEGORY_MIX);
      const topic = inSession ? (random() < 0.5 ? inSession.topic : pick(random, ASPIRATION_TOPICS).id) : undefined;
      const createdAt = inSession ? new Date(Date.parse(inSession.startsAt) + random() * 3 * 3_600_000) : at;
      const body = citizenBody(random, citizens, category, wibDate(createdAt), topic ? { topic, session: inSession?.id } : {});
      const parsed = parseReportInput(body, deps.catalog.region, wibDate(createdAt));
      if (!parsed.ok) throw new Error(`demo report ${i} is not valid: ${JSON.stringify(parsed.fields)}`);
      const agencyId = topic && findTopic(topic) ? topicAgency(deps, topic) : deps.catalog.agencyFor(category, parsed.value.kecamatan).id;
      // An aspiration of a session on site was entered by its facilitator; the rest came from phones.
      const byFacilitator = inSession !== undefined && inSession.mode !== 'daring' && random() < 0.7;
      const channel = byFacilitator ? 'ngopi' : weighted(random, CHANNEL_MIX);
      let report = buildReport(deps, parsed.value, [], createdAt, agencyId, channel);
      // Public ids are 8 symbols (about 39 bits): among a million reports one is likely to be
      // drawn twice, and the batch's commit would be refused (intake retries, as createReport
      // does). An id already taken, in the store or in this batch, is drawn again.
      while (pending.has(report.publicId) || await deps.store.getReport(report.publicId)) report = buildReport(deps, parsed.value, [], createdAt, agencyId, channel);
      const actor = byFacilitator ? actorOf(facilitator) : CITIZEN;
      const steps: SeededChange[] = [{ planned: { before: null, after: report, type: 'report.created' }, actor }];
      pending.set(report.publicId, report);
      steps.push(...await lifecycleOf(lifecycle, random, report, now));
      for (const { planned } of steps) pending.set(planned.after.publicId, { ...planned.after, version: (planned.before?.version ?? 0) + 1 });
      batch.push(...steps);
      const key = poolKey(category, pending.get(report.publicId)?.agencyId ?? report.agencyId);
      const pool = originals.get(key) ?? [];
      if (pool.length >= ORIGINALS_KEPT) pool.shift();
      pool.push(report.publicId);
      originals.set(key, pool);
      // Samples for look-ups (the benchmarks read them as an executive): open to every desk, so not confidential.
      if (i % Math.max(1, Math.floor(n / 20)) === 0) wantSample = true;
      if (wantSample && !report.confidential) {
        samplePublicIds.push(report.publicId);
        wantSample = false;
      }
    }
    // Without the derivers: the read model's counters, kept change by change, would cost ten
    // times the rest of the seed. They are counted once at the end, as for a store migrated
    // from before the read model, with the same rule (server/readmodel/counters.ts).
    await commitChanges({ ...deps, derivers: [] }, batch);
    changes += batch.length;
    options.onProgress?.(Math.min(n, start + SEED_BATCH));
  }
  await rebuildReadModel(deps.store);
  } finally {
    await deps.store.endBulkLoad();
  }
  return { reports: n, changes, sessions: sessions.length, officers: officers.byAgency.size, samplePublicIds };
}
