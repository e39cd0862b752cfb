// The behaviour every Store adapter owes the domain (server/store/port.ts), as one suite.
//
// Adding an adapter (e.g. MongoDB): write test/store/<adapter>.test.ts that calls
// `runStoreContract('<name>', makeStore)`, where makeStore opens a fresh, empty store
// (a new database or collection prefix per call), `cleanup` closes and drops it, and
// `reopen` closes the store and opens the same data again (for the durability case).
// When the adapter needs a server that CI may not have, register the suite only when its
// URI is set, and otherwise a describe whose one `it` calls this.skip() saying why.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { NgopiSession } from '../../shared/ngopi.ts';
import type { CategoryId, Report, ReportEvent, ReportStatus } from '../../shared/types.ts';
import { eventFor } from '../../server/reports/events.ts';
import { changeSetCases } from './contract/change-sets.ts';
import { generateTrackingCode } from '../../server/reports/tracking-code.ts';
import {
  DuplicateClientIdError, DuplicateCodeError, DuplicateSupportError, DuplicateUsernameError, VersionConflictError,
  type AggregateQuery, type ReportChange, type SessionRecord, type Store, type UserRecord,
} from '../../server/store/port.ts';

/** What a case file gets: the store under test (fresh for every case) and a way to reopen it. */
export interface ContractContext {
  readonly store: Store;
  reopen(): Promise<Store>;
}

export interface StoreUnderTest {
  store: Store;
  /** Closes the store and removes its data. */
  cleanup(): Promise<void>;
  /** Closes the store and opens the same data again; `store` afterwards is the reopened one. */
  reopen(): Promise<Store>;
}

let clock = Date.parse('2026-11-02T01:00:00Z');
export function nextInstant(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

export function makeReport(overrides: Partial<Report> = {}): Report {
  const at = overrides.createdAt ?? nextInstant();
  return {
    code: generateTrackingCode(), clientId: randomUUID(), category: 'jalan', agencyId: 'dpupr', status: 'new',
    description: 'Jalan berlubang di depan SD Negeri 1.', kecamatan: '33.16.05', desa: '33.16.05.2001',
    lat: -7.15, lng: 111.42, reporterName: 'Sutrisno', reporterPhone: '+6281234567890', anonymous: false, confidential: false,
    details: { damageType: 'berlubang', severity: 2 }, photos: [], assigneeId: null, duplicateOf: null, feedback: null, supportCount: 0,
    createdAt: at, updatedAt: at, verifiedAt: null, resolvedAt: null, verifyDueAt: '2026-11-05T16:59:59.999Z', followUpDueAt: null,
    dueAt: '2026-11-05T16:59:59.999Z', overdueNotified: false, version: 1,
    ...overrides,
  };
}

export const CITIZEN = { kind: 'citizen' as const };

/** One change in its own transaction, as the write path commits a single change. */
export async function commitOne(store: Store, change: ReportChange): Promise<ReportEvent> {
  const [event] = await store.commitReports([change]);
  return event;
}
export const OFFICER = { kind: 'user' as const, userId: 'u1', name: 'Petugas' };

export async function insert(store: Store, report: Report) {
  return commitOne(store, { report, event: eventFor(report, 'report.created', CITIZEN), expectedVersion: 0 });
}

/** A status change as a desk makes it: the next version, written only over the version read. */
export async function change(store: Store, report: Report, status: ReportStatus, expectedVersion = report.version): Promise<Report> {
  const next: Report = { ...report, status, updatedAt: nextInstant(), version: report.version + 1 };
  await commitOne(store, { report: next, event: eventFor(next, status === 'verified' ? 'report.verified' : 'report.started', OFFICER), expectedVersion });
  return next;
}

export function makeUser(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: randomUUID(), username: `petugas-${randomUUID().slice(0, 8)}`, name: 'Petugas', role: 'officer', agencyId: 'dpupr',
    kecamatan: null, passwordHash: 'scrypt$x$y', disabled: false, createdAt: nextInstant(), ...overrides,
  };
}

export function makeSession(userId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  const at = nextInstant();
  return { id: randomUUID(), userId, createdAt: at, lastSeenAt: at, expiresAt: '2026-12-31T00:00:00.000Z', ...overrides };
}

export async function assertRejects<E extends Error>(promise: Promise<unknown>, type: new (...args: any[]) => E): Promise<E> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    return err;
  }
  assert.fail(`expected ${type.name}, but it succeeded`);
}

export function makeNgopiSession(overrides: Partial<NgopiSession> = {}): NgopiSession {
  const at = nextInstant();
  return {
    id: randomUUID(), title: 'Ngopi Bareng Bupati di Cepu', startsAt: '2026-11-10T02:00:00.000Z', endsAt: '2026-11-10T04:00:00.000Z',
    mode: 'luring_daring', kecamatan: '33.16.05', desa: null, venue: 'Pendopo', link: 'https://meet.example.org/ngopi', topic: 'Pertanian',
    facilitator: 'Bu Rina', createdBy: 'u1', createdAt: at, updatedAt: at, ...overrides,
  };
}

/** A "dukung" as the support service makes it: the next version with one more supporter, and the device. */
export async function support(store: Store, report: Report, deviceId: string): Promise<Report> {
  const next: Report = { ...report, supportCount: report.supportCount + 1, updatedAt: nextInstant(), version: report.version + 1 };
  await commitOne(store, { report: next, event: eventFor(next, 'report.supported', CITIZEN), expectedVersion: report.version, support: { deviceId } });
  return next;
}

export function runStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`the ${name} store`, () => {
    let subject: StoreUnderTest;
    let store: Store;
    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(async () => { await subject.cleanup(); });
    const context: ContractContext = { get store() { return store; }, reopen: async () => (store = await subject.reopen()) };
    changeSetCases(context);

    describe('committing reports', () => {
      it('stores a new report with its event, and event seqs strictly increase', async () => {
        const a = makeReport();
        const b = makeReport();

        const ea = await insert(store, a);
        const eb = await insert(store, b);

        assert.deepEqual(await store.getReport(a.code), a);
        assert.equal(ea.type, 'report.created');
        assert.equal(ea.reportCode, a.code);
        assert.ok(Number.isInteger(ea.seq) && ea.seq > 0);
        assert.ok(eb.seq > ea.seq);
        assert.equal(await store.lastSeq(), eb.seq);
        assert.deepEqual(await store.getReportByClientId(a.clientId!), a);
      });

      it('refuses a second report with the same clientId (DuplicateClientIdError) and writes nothing of it', async () => {
        const first = makeReport();
        await insert(store, first);
        const seq = await store.lastSeq();
        const retry = makeReport({ clientId: first.clientId });

        const err = await assertRejects(insert(store, retry), DuplicateClientIdError);

        assert.equal(err.clientId, first.clientId);
        assert.equal(await store.getReport(retry.code), null);
        assert.equal(await store.lastSeq(), seq);
        assert.deepEqual(await store.eventsOfReport(retry.code), []);
      });

      it('lets many reports without clientId coexist', async () => {
        await insert(store, makeReport({ clientId: null }));
        await insert(store, makeReport({ clientId: null }));

        assert.equal((await store.listReports({ limit: 10 })).items.length, 2);
      });

      it('refuses a second report with the same code (DuplicateCodeError)', async () => {
        const first = makeReport();
        await insert(store, first);

        await assertRejects(insert(store, makeReport({ code: first.code })), DuplicateCodeError);
        assert.equal((await store.getReport(first.code))?.clientId, first.clientId);
      });

      it('writes a change over the version read, with its event', async () => {
        const report = makeReport();
        await insert(store, report);

        const verified = await change(store, report, 'verified');

        assert.deepEqual(await store.getReport(report.code), verified);
        assert.deepEqual((await store.eventsOfReport(report.code)).map((e) => e.type), ['report.created', 'report.verified']);
      });

      it('refuses a change over a stale version (VersionConflictError): no report change, no event', async () => {
        const report = makeReport();
        await insert(store, report);
        const verified = await change(store, report, 'verified');
        const seq = await store.lastSeq();

        const err = await assertRejects(change(store, report, 'in_progress'), VersionConflictError);

        assert.equal(err.code, report.code);
        assert.deepEqual(await store.getReport(report.code), verified);
        assert.equal(await store.lastSeq(), seq);
        assert.equal((await store.eventsOfReport(report.code)).length, 2);
      });

      it('refuses an update of a report that does not exist', async () => {
        await assertRejects(change(store, makeReport(), 'verified'), VersionConflictError);
        assert.equal(await store.lastSeq(), 0);
      });

      it('gives 100 concurrent commits distinct, gap-free seqs', async () => {
        const reports = Array.from({ length: 100 }, () => makeReport());

        const events = await Promise.all(reports.map((r) => insert(store, r)));

        const seqs = events.map((e) => e.seq).sort((x, y) => x - y);
        assert.equal(new Set(seqs).size, 100);
        assert.deepEqual(seqs, Array.from({ length: 100 }, (_, i) => seqs[0] + i));
        assert.equal(await store.lastSeq(), seqs[99]);
        for (const r of reports) assert.equal((await store.getReport(r.code))?.code, r.code);
      });

      it('refuses one stale change among concurrent ones without undoing its neighbours or leaving a gap', async () => {
        const stale = makeReport();
        await insert(store, stale);
        await change(store, stale, 'verified');
        const before = await store.lastSeq();
        const others = Array.from({ length: 9 }, () => makeReport());

        const outcomes = await Promise.allSettled([...others.map((r) => insert(store, r)), change(store, stale, 'in_progress')]);

        assert.deepEqual(outcomes.map((o) => o.status), [...Array(9).fill('fulfilled'), 'rejected']);
        assert.ok((outcomes[9] as PromiseRejectedResult).reason instanceof VersionConflictError);
        const seqs = outcomes.slice(0, 9).map((o) => (o as PromiseFulfilledResult<{ seq: number }>).value.seq).sort((x, y) => x - y);
        assert.deepEqual(seqs, Array.from({ length: 9 }, (_, i) => before + 1 + i));
        assert.equal((await store.getReport(stale.code))?.status, 'verified');
      });
    });

    describe('reading events', () => {
      it('returns events after a seq, ascending, limited, filtered to rooms, each once', async () => {
        const road = makeReport({ agencyId: 'dpupr', kecamatan: '33.16.05' });
        const health = makeReport({ agencyId: 'dinkes', category: 'kesehatan', kecamatan: '33.16.01', desa: '33.16.01.2001' });
        const pupuk = makeReport({ agencyId: 'satgas-pupuk', category: 'pupuk', kecamatan: '33.16.05' });
        const e1 = await insert(store, road);
        const e2 = await insert(store, health);
        const e3 = await insert(store, pupuk);
        const e4 = (await store.eventsOfReport((await change(store, road, 'verified')).code))[1];

        const all = await store.eventsAfter(0, 100);
        const dpupr = await store.eventsAfter(0, 100, ['agency:dpupr']);
        const two = await store.eventsAfter(0, 100, ['agency:dpupr', 'agency:dinkes', 'all']);
        const cepu = await store.eventsAfter(e1.seq, 100, ['kecamatan:33.16.05']);
        const limited = await store.eventsAfter(0, 2);
        const none = await store.eventsAfter(0, 100, []);

        assert.deepEqual(all.map((e) => e.seq), [e1.seq, e2.seq, e3.seq, e4.seq]);
        assert.deepEqual(all[0], e1);
        assert.deepEqual(dpupr.map((e) => e.seq), [e1.seq, e4.seq]);
        assert.deepEqual(two.map((e) => e.seq), [e1.seq, e2.seq, e3.seq, e4.seq], 'an event in several of the rooms comes once');
        assert.deepEqual(cepu.map((e) => e.seq), [e3.seq, e4.seq]);
        assert.deepEqual(limited.map((e) => e.seq), [e1.seq, e2.seq]);
        assert.deepEqual(none, []);
      });

      it('returns the events of one report, in order', async () => {
        const a = makeReport();
        const b = makeReport();
        await insert(store, a);
        await insert(store, b);
        const verified = await change(store, a, 'verified');
        await change(store, verified, 'in_progress');

        const events = await store.eventsOfReport(a.code);

        assert.deepEqual(events.map((e) => e.type), ['report.created', 'report.verified', 'report.started']);
        assert.ok(events.every((e) => e.reportCode === a.code));
        assert.deepEqual(await store.eventsOfReport('ZZZZ-ZZZZ-ZZZZ'), []);
      });
    });

    describe('listing reports', () => {
      const specs: { agencyId: string; category: CategoryId; kecamatan: string; status: ReportStatus; description: string; dueAt: string | null }[] = [
        { agencyId: 'dpupr', category: 'jalan', kecamatan: '33.16.05', status: 'new', description: 'Jalan berlubang di Gadon.', dueAt: '2026-11-05T16:59:59.999Z' },
        { agencyId: 'dpupr', category: 'jalan', kecamatan: '33.16.01', status: 'verified', description: 'Jembatan retak di Jati.', dueAt: '2026-11-10T16:59:59.999Z' },
        { agencyId: 'satgas-pupuk', category: 'pupuk', kecamatan: '33.16.05', status: 'new', description: 'Urea di atas HET 100% persen.', dueAt: '2026-11-03T16:59:59.999Z' },
        { agencyId: 'dinkes', category: 'kesehatan', kecamatan: '33.16.05', status: 'resolved', description: 'Puskesmas tutup siang.', dueAt: null },
        { agencyId: 'dinkominfo', category: 'lainnya', kecamatan: '33.16.01', status: 'in_progress', description: 'Sinyal hilang di desa.', dueAt: '2026-11-20T16:59:59.999Z' },
      ];
      let reports: Report[];
      beforeEach(async () => {
        reports = specs.map((s) => makeReport(s));
        for (const r of reports) await insert(store, r);
      });
      const codes = (items: Report[]) => items.map((r) => r.code);
      const expected = (pick: (r: Report) => boolean) => reports.filter(pick).reverse().map((r) => r.code);

      it('lists newest first', async () => {
        assert.deepEqual(codes((await store.listReports({ limit: 10 })).items), expected(() => true));
      });

      it('filters by agencies, and an empty agency list sees nothing', async () => {
        assert.deepEqual(codes((await store.listReports({ limit: 10, agencyIds: ['dpupr', 'dinkes'] })).items), expected((r) => ['dpupr', 'dinkes'].includes(r.agencyId)));
        assert.deepEqual((await store.listReports({ limit: 10, agencyIds: [] })).items, []);
      });

      it('filters by kecamatan, status and category', async () => {
        assert.deepEqual(codes((await store.listReports({ limit: 10, kecamatan: '33.16.01' })).items), expected((r) => r.kecamatan === '33.16.01'));
        assert.deepEqual(codes((await store.listReports({ limit: 10, status: ['new', 'resolved'] })).items), expected((r) => r.status === 'new' || r.status === 'resolved'));
        assert.deepEqual(codes((await store.listReports({ limit: 10, category: 'jalan' })).items), expected((r) => r.category === 'jalan'));
        assert.deepEqual(codes((await store.listReports({ limit: 10, category: 'jalan', kecamatan: '33.16.05' })).items), [reports[0].code]);
      });

      it('filters by desa and by confidentiality (the public list asks for non-confidential only)', async () => {
        const secret = makeReport({ kecamatan: '33.16.05', desa: '33.16.05.2002', confidential: true, createdAt: '2026-12-01T00:00:00.000Z' });
        await insert(store, secret);
        const inDesa = (await store.listReports({ limit: 10, desa: '33.16.05.2002' })).items;
        assert.deepEqual(codes(inDesa), [secret.code]);
        assert.deepEqual(codes((await store.listReports({ limit: 10, desa: '33.16.05.2002', confidential: false })).items), []);
        assert.deepEqual(codes((await store.listReports({ limit: 10, confidential: true })).items), [secret.code]);
        assert.ok(!codes((await store.listReports({ limit: 10, confidential: false })).items).includes(secret.code));
      });

      it('finds text in the description, taking % and _ literally', async () => {
        assert.deepEqual(codes((await store.listReports({ limit: 10, text: 'Jembatan' })).items), [reports[1].code]);
        assert.deepEqual(codes((await store.listReports({ limit: 10, text: '100%' })).items), [reports[2].code]);
        assert.deepEqual((await store.listReports({ limit: 10, text: '%' })).items.length, 1);
        assert.deepEqual((await store.listReports({ limit: 10, text: '_' })).items, []);
      });

      it('finds a report by its tracking code, whole or in part, in any letter case', async () => {
        const code = reports[3].code;

        assert.deepEqual(codes((await store.listReports({ limit: 10, text: code })).items), [code]);
        assert.ok(codes((await store.listReports({ limit: 10, text: code.slice(5).toLowerCase() })).items).includes(code));
      });

      it('lists only reports whose running deadline has passed (overdueAt)', async () => {
        const at = '2026-11-06T00:00:00.000Z';

        assert.deepEqual(codes((await store.listReports({ limit: 10, overdueAt: at })).items), expected((r) => r.dueAt !== null && r.dueAt < at));
      });
    });

    describe('paging through reports', () => {
      it('walks every report once, in order, even when several share a createdAt', async () => {
        const reports: Report[] = [];
        for (let i = 0; i < 23; i += 1) {
          const createdAt = i % 3 === 0 ? nextInstant() : reports[reports.length - 1].createdAt;
          reports.push(makeReport({ createdAt, updatedAt: createdAt, agencyId: i % 2 ? 'dpupr' : 'dinkes' }));
        }
        await Promise.all(reports.map((r) => insert(store, r)));
        const order = [...reports].sort((a, b) => (b.createdAt.localeCompare(a.createdAt) || b.code.localeCompare(a.code))).map((r) => r.code);

        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.listReports({ limit: 5, cursor });
          seen.push(...page.items.map((r) => r.code));
          cursor = page.nextCursor ?? undefined;
          pages += 1;
        } while (cursor && pages < 20);

        assert.deepEqual(seen, order);
        assert.equal(pages, 5);
      });

      it('pages within a filter, ending with a null cursor', async () => {
        for (let i = 0; i < 7; i += 1) await insert(store, makeReport({ agencyId: i % 2 ? 'dpupr' : 'dinkes' }));

        const first = await store.listReports({ limit: 2, agencyIds: ['dpupr'] });
        const second = await store.listReports({ limit: 2, agencyIds: ['dpupr'], cursor: first.nextCursor! });

        assert.equal(first.items.length, 2);
        assert.equal(second.items.length, 1);
        assert.equal(second.nextCursor, null);
        assert.ok([...first.items, ...second.items].every((r) => r.agencyId === 'dpupr'));
      });
    });

    describe('map and statistics: aggregateReports, scanReports, agencyTimings', () => {
      // Fixed instants, so weeks and deadlines are known; no GPS point unless given.
      const fixed = (overrides: Partial<Report> = {}) => makeReport({
        createdAt: '2026-03-02T03:00:00.000Z', verifyDueAt: '2026-03-05T16:59:59.999Z', dueAt: '2026-03-05T16:59:59.999Z',
        lat: null, lng: null, ...overrides,
      });
      const put = (report: Report, expectedVersion = 0) => commitOne(store, {
        report, event: eventFor(report, expectedVersion ? 'report.noted' : 'report.created', expectedVersion ? OFFICER : CITIZEN), expectedVersion,
      });
      const NOW = '2026-03-10T00:00:00.000Z';

      it('groups by WIB week: Sunday 23:30 WIB is the old week, Monday 00:30 WIB the new one', async () => {
        await put(fixed({ createdAt: '2026-03-08T16:30:00.000Z' })); // Sun 8 Mar 23:30 WIB
        await put(fixed({ createdAt: '2026-03-08T17:30:00.000Z' })); // Mon 9 Mar 00:30 WIB
        await put(fixed({ createdAt: '2026-03-15T10:00:00.000Z' })); // Sun 15 Mar 17:00 WIB
        const rows = await store.aggregateReports({ by: ['week'], now: '2026-03-16T00:00:00.000Z' });
        assert.deepEqual(rows.map((r) => [r.key.week, r.count]).sort(), [['2026-03-02', 1], ['2026-03-09', 2]]);
      });

      it('groups by several keys at once, overdue judged at the given instant, within a filter', async () => {
        await put(fixed({ kecamatan: '33.16.05', category: 'jalan' }));
        await put(fixed({ kecamatan: '33.16.05', category: 'pupuk', agencyId: 'satgas-pupuk', dueAt: '2026-03-20T00:00:00.000Z' }));
        await put(fixed({ kecamatan: '33.16.09', category: 'jalan', status: 'resolved', dueAt: null }));
        const rows = await store.aggregateReports({ by: ['kecamatan', 'overdue'], now: NOW });
        const flat = rows.map((r) => `${r.key.kecamatan}/${r.key.overdue}=${r.count}`).sort();
        assert.deepEqual(flat, ['33.16.05/false=1', '33.16.05/true=1', '33.16.09/false=1']);
        const jalan = await store.aggregateReports({ by: ['status'], categories: ['jalan'], agencyIds: ['dpupr'], now: NOW });
        assert.deepEqual(jalan.map((r) => [r.key.status, r.count]).sort(), [['new', 1], ['resolved', 1]]);
        assert.deepEqual(await store.aggregateReports({ by: ['status'], agencyIds: [], now: NOW }), []);
      });

      it('counts all filtered reports in one row without keys, and gives no row when none match', async () => {
        await put(fixed({ createdAt: '2026-03-01T00:00:00.000Z', status: 'new' }));
        await put(fixed({ createdAt: '2026-03-02T00:00:00.000Z', status: 'verified', kecamatan: '33.16.01', desa: '33.16.01.2001' }));
        await put(fixed({ createdAt: '2026-03-03T00:00:00.000Z', status: 'resolved', dueAt: null, category: 'kesehatan', agencyId: 'dinkes' }));
        const count = async (filter: Omit<AggregateQuery, 'by' | 'now'>) => (await store.aggregateReports({ ...filter, by: [], now: NOW })).map((r) => [r.key, r.count]);

        assert.deepEqual(await count({}), [[{}, 3]]);
        assert.deepEqual(await count({ createdFrom: '2026-03-02T00:00:00.000Z' }), [[{}, 2]], 'createdFrom is inclusive');
        assert.deepEqual(await count({ createdBefore: '2026-03-02T00:00:00.000Z' }), [[{}, 1]], 'createdBefore is exclusive');
        assert.deepEqual(await count({ statuses: ['new', 'resolved'], categories: ['jalan', 'kesehatan'] }), [[{}, 2]]);
        assert.deepEqual(await count({ statuses: [], categories: [] }), [[{}, 3]], 'empty status and category lists do not narrow');
        assert.deepEqual(await count({ kecamatan: '33.16.01' }), [[{}, 1]]);
        assert.deepEqual(await count({ desa: '33.16.01.2001' }), [[{}, 1]]);
        assert.deepEqual(await count({ confidential: false }), [[{}, 3]]);
        assert.deepEqual(await count({ confidential: true }), [], 'none is confidential');
        assert.deepEqual(await count({ overdueAt: NOW }), [[{}, 2]], 'a null dueAt is never overdue');
        assert.deepEqual(await count({ overdueAt: '2026-03-05T16:59:59.999Z' }), [], 'dueAt must be before the instant');
        const twice = await store.aggregateReports({ by: ['agencyId', 'agencyId'], now: NOW });
        assert.deepEqual(twice.map((r) => [r.key, r.count]).sort(), [[{ agencyId: 'dinkes' }, 1], [{ agencyId: 'dpupr' }, 2]]);
      });

      it('scans minimal rows inside a bbox, newest first, with pupuk facts on request', async () => {
        await put(fixed({ createdAt: '2026-03-02T03:00:00.000Z', lat: -7.16, lng: 111.56 }));
        await put(fixed({
          createdAt: '2026-03-03T03:00:00.000Z', lat: -7.17, lng: 111.57, category: 'pupuk', agencyId: 'satgas-pupuk', confidential: true,
          details: { fertiliserType: 'urea', problems: ['stok_kosong', 'dipaketkan'], kioskName: 'Kios A', pricePerKg: 2500, hetPerKg: 1800, overHetPerKg: 700 },
        }));
        await put(fixed({ createdAt: '2026-03-04T03:00:00.000Z' })); // no point
        const rows = await store.scanReports({ bbox: { minLng: 111.5, minLat: -7.2, maxLng: 111.6, maxLat: -7.1 }, limit: 10, withPupuk: true });
        assert.equal(rows.length, 2);
        assert.equal(rows[0].category, 'pupuk');
        assert.equal(rows[0].confidential, true);
        assert.deepEqual(rows[0].pupuk, { kioskName: 'Kios A', fertiliserType: 'urea', pricePerKg: 2500, hetPerKg: 1800, overHetPerKg: 700, problems: ['stok_kosong', 'dipaketkan'] });
        assert.equal(rows[1].pupuk, null);
        assert.equal((await store.scanReports({ limit: 10 }))[0].pupuk, undefined);
      });

      it('scans every fact of a report, with the bbox edges included, a long description cut, and ties by code', async () => {
        const long = `${'Jalan rusak parah. '.repeat(10)}Mohon segera diperbaiki.`;
        const a = fixed({ code: 'AAAA-AAAA-AAAA', lat: -7.2, lng: 111.5, description: long, status: 'verified', verifiedAt: '2026-03-02T05:00:00.000Z' });
        const b = fixed({ code: 'BBBB-BBBB-BBBB', lat: -7.1, lng: 111.6, description: 'Pendek.' });
        const outside = fixed({ code: 'CCCC-CCCC-CCCC', lat: -7.1, lng: 111.61 });
        for (const r of [a, b, outside]) await put(r);

        const rows = await store.scanReports({ bbox: { minLng: 111.5, minLat: -7.2, maxLng: 111.6, maxLat: -7.1 }, limit: 10 });

        assert.deepEqual(rows.map((r) => r.code), [b.code, a.code], 'same createdAt: code descending');
        assert.deepEqual(rows[1], {
          code: a.code, category: 'jalan', agencyId: 'dpupr', status: 'verified', kecamatan: a.kecamatan, desa: a.desa, lat: -7.2, lng: 111.5,
          confidential: false, excerpt: `${long.slice(0, 139)}…`, createdAt: a.createdAt, verifiedAt: '2026-03-02T05:00:00.000Z', resolvedAt: null,
          answeredAt: '2026-03-02T05:00:00.000Z', verifyDueAt: a.verifyDueAt, dueAt: a.dueAt,
        });
        assert.equal(rows[0].excerpt, 'Pendek.');
        assert.deepEqual((await store.scanReports({ limit: 1 })).map((r) => r.code), [outside.code]);
      });

      it('gives per agency the answered count, on-time count and medians (mean of the two middle values when even)', async () => {
        const at = (hours: number) => new Date(Date.parse('2026-03-02T03:00:00.000Z') + hours * 3_600_000).toISOString();
        for (const hours of [10, 20, 40, 90]) await put(fixed({ status: 'verified', verifiedAt: at(hours) }));
        await put(fixed({ status: 'resolved', verifiedAt: at(5), resolvedAt: at(30), dueAt: null }));
        await put(fixed({ agencyId: 'dinkes', category: 'kesehatan', status: 'rejected', dueAt: null, updatedAt: at(100) }));
        await put(fixed({ agencyId: 'disdik', category: 'pendidikan' }));
        const timings = new Map((await store.agencyTimings({})).map((t) => [t.agencyId, t]));
        // dpupr: verified after 5, 10, 20, 40, 90 h → median 20; the 90 h one missed the 5 March deadline (75 h after).
        assert.deepEqual(timings.get('dpupr'), { agencyId: 'dpupr', answered: 5, answeredOnTime: 4, medianHoursToVerify: 20, medianHoursToResolve: 30 });
        assert.deepEqual(timings.get('dinkes'), { agencyId: 'dinkes', answered: 1, answeredOnTime: 0, medianHoursToVerify: null, medianHoursToResolve: null });
        assert.deepEqual(timings.get('disdik'), { agencyId: 'disdik', answered: 0, answeredOnTime: 0, medianHoursToVerify: null, medianHoursToResolve: null });
        assert.equal(timings.size, 3, 'only agencies with reports');
        const even = await store.agencyTimings({ statuses: ['verified'] });
        assert.equal(even[0].medianHoursToVerify, 30, '10, 20, 40, 90 → (20 + 40) / 2');
        assert.deepEqual(await store.agencyTimings({ agencyIds: [] }), []);
      });

      it('rounds durations to tenths of an hour, and a median of two to tenths again', async () => {
        const at = (minutes: number) => new Date(Date.parse('2026-03-02T03:00:00.000Z') + minutes * 60_000).toISOString();
        // 61 min → 1.0 h and 100 min → 1.7 h: median (1.0 + 1.7) / 2 = 1.35 → 1.4.
        for (const minutes of [61, 100]) await put(fixed({ status: 'verified', verifiedAt: at(minutes) }));
        const [timing] = await store.agencyTimings({});
        assert.equal(timing.medianHoursToVerify, 1.4);
      });

      it('keeps the first answer time when a resolved report is reopened and resolved again', async () => {
        const report = fixed();
        await put(report);
        const resolved = { ...report, status: 'resolved' as const, resolvedAt: '2026-03-03T03:00:00.000Z', dueAt: null, version: 2 };
        await put(resolved, 1);
        const reopened = { ...resolved, status: 'in_progress' as const, resolvedAt: null, verifiedAt: null, version: 3 };
        await put(reopened, 2);
        const [row] = await store.scanReports({ limit: 1 });
        assert.equal(row.answeredAt, '2026-03-03T03:00:00.000Z');
        assert.equal(row.resolvedAt, null);
        const again = { ...reopened, status: 'resolved' as const, resolvedAt: '2026-03-04T03:00:00.000Z', version: 4 };
        await put(again, 3);
        assert.equal((await store.scanReports({ limit: 1 }))[0].answeredAt, '2026-03-03T03:00:00.000Z');
        assert.deepEqual(await store.getReport(report.code), again, 'the derived answer time is not part of the report read back');
      });

      it('takes the closing time as the answer of a report rejected unverified, and keeps it when later changes move updatedAt', async () => {
        const report = fixed();
        await put(report);
        const rejected = { ...report, status: 'rejected' as const, dueAt: null, updatedAt: '2026-03-03T05:00:00.000Z', version: 2 };
        await put(rejected, 1);
        await put({ ...rejected, updatedAt: '2026-03-09T05:00:00.000Z', version: 3 }, 2);
        const [row] = await store.scanReports({ limit: 1 });
        assert.equal(row.answeredAt, '2026-03-03T05:00:00.000Z');
        assert.equal(row.verifiedAt, null);
      });
    });

    describe('supports (dukung)', () => {
      it('records a device once per report: a second support of the same device changes nothing and writes no event', async () => {
        const report = makeReport();
        await insert(store, report);
        const once = await support(store, report, 'device-a');
        const eventsBefore = await store.eventsOfReport(report.code);

        await assertRejects(support(store, once, 'device-a'), DuplicateSupportError);

        assert.equal((await store.getReport(report.code))?.supportCount, 1);
        assert.deepEqual(await store.eventsOfReport(report.code), eventsBefore);
        const twice = await support(store, once, 'device-b');
        assert.equal((await store.getReport(report.code))?.supportCount, twice.supportCount);
        assert.equal(twice.supportCount, 2);
      });

      it('lets the same device support two different reports', async () => {
        const [a, b] = [makeReport(), makeReport()];
        await insert(store, a);
        await insert(store, b);
        await support(store, a, 'device-a');
        await support(store, b, 'device-a');
        assert.equal((await store.getReport(b.code))?.supportCount, 1);
      });

      it('does not record the support when the change is refused as stale, so the device may try again', async () => {
        const report = makeReport();
        await insert(store, report);
        await change(store, report, 'verified');
        await assertRejects(support(store, report, 'device-a'), VersionConflictError);
        const fresh = (await store.getReport(report.code))!;
        await support(store, fresh, 'device-a');
        assert.equal((await store.getReport(report.code))?.supportCount, 1);
      });
    });

    describe('aspirations by session and reports by age', () => {
      it('lists only the aspirations of one session, and only reports created after an instant', async () => {
        const first = makeReport({ category: 'aspirasi', details: { topic: 'kesehatan', session: 's-1' } });
        const other = makeReport({ category: 'aspirasi', details: { topic: 'kesehatan', session: 's-2' } });
        const second = makeReport({ category: 'aspirasi', details: { topic: 'umum', session: 's-1' } });
        const plain = makeReport();
        for (const r of [first, other, second, plain]) await insert(store, r);

        const bySession = await store.listReports({ session: 's-1', limit: 10 });
        assert.deepEqual(bySession.items.map((r) => r.code), [second.code, first.code]);
        const recent = await store.listReports({ createdAfter: other.createdAt, limit: 10 });
        assert.deepEqual(recent.items.map((r) => r.code), [plain.code, second.code]);
      });
    });

    describe('Ngopi Bareng sessions', () => {
      it('creates, reads, replaces, lists latest start first and deletes sessions', async () => {
        assert.equal(await store.getNgopiSession('missing'), null);
        const early = makeNgopiSession({ startsAt: '2026-11-01T02:00:00.000Z', endsAt: '2026-11-01T03:00:00.000Z', link: null });
        const late = makeNgopiSession();
        await store.putNgopiSession(early);
        await store.putNgopiSession(late);
        assert.deepEqual(await store.getNgopiSession(early.id), early);

        const renamed = { ...early, title: 'Ngopi Bareng di Randublatung', startsAt: '2026-12-01T02:00:00.000Z', endsAt: '2026-12-01T03:00:00.000Z' };
        await store.putNgopiSession(renamed);
        assert.deepEqual(await store.listNgopiSessions(), [renamed, late]);

        await store.deleteNgopiSession(renamed.id);
        assert.deepEqual(await store.listNgopiSessions(), [late]);
      });
    });

    describe('photos', () => {
      it('finds the report a photo belongs to, before and after a change', async () => {
        const report = makeReport({ photos: [{ id: 'AbCdEfGhIjKlMnOpQrStUv', width: 1600, height: 1200 }, { id: 'ZyXwVuTsRqPoNmLkJiHgFe', width: 800, height: 600 }] });
        await insert(store, report);
        await insert(store, makeReport());

        assert.equal((await store.getReportByPhotoId('ZyXwVuTsRqPoNmLkJiHgFe'))?.code, report.code);
        await change(store, report, 'verified');
        assert.equal((await store.getReportByPhotoId('AbCdEfGhIjKlMnOpQrStUv'))?.status, 'verified');
        assert.equal(await store.getReportByPhotoId('AAAAAAAAAAAAAAAAAAAAAA'), null);
      });
    });

    describe('users', () => {
      it('creates, finds by id and by username in any letter case, lists and counts', async () => {
        const admin = makeUser({ username: 'Admin', role: 'admin', agencyId: null });
        const officer = makeUser({ username: 'budi.dpupr' });
        await store.createUser(admin);
        await store.createUser(officer);

        assert.deepEqual(await store.getUserById(officer.id), officer);
        assert.deepEqual(await store.getUserByUsername('admin'), admin);
        assert.deepEqual(await store.getUserByUsername('ADMIN'), admin);
        assert.equal(await store.getUserByUsername('nobody'), null);
        assert.deepEqual((await store.listUsers()).map((u) => u.id).sort(), [admin.id, officer.id].sort());
        assert.equal(await store.countUsers(), 2);
      });

      it('refuses a username that differs only in letter case (DuplicateUsernameError)', async () => {
        await store.createUser(makeUser({ username: 'siti' }));

        await assertRejects(store.createUser(makeUser({ username: 'SITI' })), DuplicateUsernameError);
        assert.equal(await store.countUsers(), 1);
      });

      it('updates a user', async () => {
        const user = makeUser();
        await store.createUser(user);
        const updated = { ...user, name: 'Budi Santoso', role: 'agency_admin' as const, disabled: true };

        await store.updateUser(updated);

        assert.deepEqual(await store.getUserById(user.id), updated);
        assert.deepEqual(await store.getUserByUsername(user.username), updated);
      });

      it('refuses renaming a user to a username another user has, in any letter case', async () => {
        await store.createUser(makeUser({ username: 'siti' }));
        const budi = makeUser({ username: 'budi' });
        await store.createUser(budi);

        await assertRejects(store.updateUser({ ...budi, username: 'Siti' }), DuplicateUsernameError);
        assert.equal((await store.getUserById(budi.id))?.username, 'budi');
      });
    });

    describe('sessions', () => {
      it('creates, reads, touches and deletes a session', async () => {
        const session = makeSession('u1');
        await store.createSession(session);

        assert.deepEqual(await store.getSession(session.id), session);
        await store.touchSession(session.id, '2026-11-02T05:00:00.000Z');
        assert.equal((await store.getSession(session.id))?.lastSeenAt, '2026-11-02T05:00:00.000Z');
        await store.deleteSession(session.id);
        assert.equal(await store.getSession(session.id), null);
      });

      it('deletes all sessions of a user and returns their ids, leaving others', async () => {
        const a = makeSession('u1');
        const b = makeSession('u1');
        const other = makeSession('u2');
        for (const s of [a, b, other]) await store.createSession(s);

        const deleted = await store.deleteSessionsOfUser('u1');

        assert.deepEqual(deleted.sort(), [a.id, b.id].sort());
        assert.equal(await store.getSession(a.id), null);
        assert.deepEqual(await store.getSession(other.id), other);
        assert.deepEqual(await store.deleteSessionsOfUser('u1'), []);
      });
    });

    describe('settings', () => {
      it('returns null for a missing setting, then the value put, then the value that overwrote it', async () => {
        assert.equal(await store.getSetting('routing'), null);

        await store.putSetting('routing', { jalan: 'dpupr', lainnya: 'dinkominfo' });
        assert.deepEqual(await store.getSetting('routing'), { jalan: 'dpupr', lainnya: 'dinkominfo' });

        await store.putSetting('routing', { jalan: 'dinkominfo' });
        assert.deepEqual(await store.getSetting('routing'), { jalan: 'dinkominfo' });
        await store.putSetting('holidays', [{ date: '2026-12-25', name: 'Natal', kind: 'libur' }]);
        assert.deepEqual(await store.getSetting('holidays'), [{ date: '2026-12-25', name: 'Natal', kind: 'libur' }]);
      });
    });

    describe('durability', () => {
      it('keeps reports, events, users, sessions and settings across close and reopen, and seqs continue', async () => {
        const report = makeReport({ photos: [{ id: 'AbCdEfGhIjKlMnOpQrStUv', width: 10, height: 10 }] });
        const created = await insert(store, report);
        const user = makeUser();
        const session = makeSession(user.id);
        await store.createUser(user);
        await store.createSession(session);
        await store.putSetting('routing', { jalan: 'dpupr' });

        store = await subject.reopen();

        assert.deepEqual(await store.getReport(report.code), report);
        assert.deepEqual(await store.eventsOfReport(report.code), [created]);
        assert.equal((await store.getReportByPhotoId('AbCdEfGhIjKlMnOpQrStUv'))?.code, report.code);
        assert.deepEqual(await store.getUserByUsername(user.username), user);
        assert.deepEqual(await store.getSession(session.id), session);
        assert.deepEqual(await store.getSetting('routing'), { jalan: 'dpupr' });
        assert.equal(await store.lastSeq(), created.seq);
        assert.ok((await insert(store, makeReport())).seq > created.seq);
      });

      it('has written a commit that was not awaited before close', async () => {
        const report = makeReport();
        const pending = insert(store, report);

        store = await subject.reopen();

        await pending;
        assert.equal((await store.getReport(report.code))?.code, report.code);
      });
    });
  });
}
