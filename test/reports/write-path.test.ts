import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import request from 'supertest';
import type { Report } from '../../shared/types.ts';
import { CITIZEN } from '../../server/reports/actors.ts';
import { commitChanges } from '../../server/reports/change-report.ts';
import type { Deriver } from '../../server/reports/derive.ts';
import type { DerivedWrite } from '../../server/store/port.ts';
import { validReport } from '../helpers/fixtures.ts';
import { addAndLogin, openDesk, waitFor, type Person } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { makeReport } from '../store/contract.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const ALL = { grain: 'all' as const, bucket: '' };
const counter = (name: string, value: number): DerivedWrite =>
  ({ kind: 'readmodel', ...ALL, kecamatan: '33.16.05', category: 'jalan', status: 'new', agencyId: 'dpupr', confidential: false, name, value });

/** A read model in miniature, in place of the real one: reports per status, by the difference each change makes. */
const countByStatus: Deriver = (before, after) => {
  if (before?.status === after.status) return [];
  const writes = [counter(`test:${after.status}`, 1)];
  if (before) writes.push(counter(`test:${before.status}`, -1));
  return writes;
};

describe('the one write path', () => {
  let app: RunningApp;
  let officer: Person;
  let satgas: Person;

  const submit = async (body: Record<string, unknown> = validReport()): Promise<string> =>
    (await request(app.baseUrl).post('/api/reports').send(body).expect(201)).body.publicId;
  const act = (person: Person, code: string, body: object) =>
    request(app.baseUrl).post(`/api/desk/reports/${code}/actions`).set('Cookie', person.cookie).set('Origin', app.baseUrl).send(body);

  before(async () => {
    app = await startApp({ OVERDUE_SWEEP_SECONDS: '0' }, { derivers: [countByStatus] });
    officer = await addAndLogin(app, 'pu-write', 'officer', { agencyId: 'dpupr' });
    satgas = await addAndLogin(app, 'satgas-write', 'officer', { agencyId: 'satgas-pupuk' });
  });
  after(() => app.close());

  it('is the only module outside the store adapters that commits a report', () => {
    const committing = [...sourceFiles('server'), ...sourceFiles('bench')]
      .filter((file) => !file.startsWith(join('server', 'store')))
      .filter((file) => readFileSync(join(ROOT, file), 'utf8').includes('commitReports'));
    assert.deepEqual(committing, [join('server', 'reports', 'change-report.ts')]);
  });

  it('tells the desk a forwarded report\'s status and agency before the change beside the new ones', async () => {
    const code = await submit();
    const desk = openDesk(app, satgas.cookie);
    await desk.connected;
    try {
      await act(officer, code, { type: 'forward', agencyId: 'satgas-pupuk', note: 'Urusan pupuk.' }).expect(200);
      await waitFor(() => desk.received.some((e) => e.report.publicId === code));
      const forwarded = desk.received.find((e) => e.report.publicId === code)!;
      assert.equal(forwarded.type, 'report.forwarded');
      assert.deepEqual(forwarded.previous, { status: 'new', agencyId: 'dpupr' });
      assert.equal(forwarded.report.agencyId, 'satgas-pupuk');
      const [created] = await app.deps.store.eventsOfReport(code);
      assert.equal(created.previous, null, 'a new report had nothing before');
    } finally {
      desk.socket.close();
    }
  });

  it('commits what a deriver derives with each change, and nothing for a refused change', async () => {
    const read = async () => {
      const rows = await app.deps.store.sumReadModel({ buckets: [ALL], prefixes: ['test:'], by: [] });
      return Object.fromEntries(['new', 'verified', 'rejected'].map((s) => [`status:${s}`, rows.find((r) => r.name === `test:${s}`)?.value ?? 0]));
    };
    const before = await read();
    const first = await submit();
    await submit();
    await act(officer, first, { type: 'verify' }).expect(200);
    await act(officer, first, { type: 'verify' }).expect(409);

    const after = await read();
    assert.equal(after['status:new'] - before['status:new'], 1);
    assert.equal(after['status:verified'] - before['status:verified'], 1);
    assert.equal(after['status:rejected'], before['status:rejected']);
  });

  it('marks a duplicate in one transaction: the link, the original\'s count and the supporter devices move together', async () => {
    const original = await submit();
    const duplicate = await submit();
    const phone = (await request(app.baseUrl).post(`/api/reports/${duplicate}/support`).set('Origin', app.baseUrl).expect(200))
      .headers['set-cookie'] as unknown as string[];
    const cookie = phone[0].split(';')[0];

    await act(officer, duplicate, { type: 'duplicate', of: original }).expect(200);

    const [merged, marked] = await Promise.all([app.deps.store.getReport(original), app.deps.store.getReport(duplicate)]);
    assert.equal(marked?.duplicateOf, original);
    assert.equal(merged?.supportCount, 2, 'the duplicate\'s supporter and its reporter');
    const again = await request(app.baseUrl).post(`/api/reports/${original}/support`).set('Origin', app.baseUrl).set('Cookie', cookie).expect(200);
    assert.deepEqual(again.body, { publicId: original, supportCount: 2, counted: false }, 'the phone that backed the duplicate already backs the original');
    const events = await app.deps.store.eventsOfReport(original);
    assert.deepEqual(events.at(-1)?.data, { merged: duplicate, added: 2 });
  });

  it('keeps the first answer time through a reopen', async () => {
    const created = (await request(app.baseUrl).post('/api/reports').send(validReport()).expect(201)).body;
    const code = created.publicId;
    await act(officer, code, { type: 'verify' }).expect(200);
    const verified = await app.deps.store.getReport(code);
    assert.equal(verified?.answeredAt, verified?.verifiedAt);
    await act(officer, code, { type: 'resolve', note: 'Sudah ditambal.' }).expect(200);
    await request(app.baseUrl).post(`/api/reports/${created.code}/feedback`).set('Origin', app.baseUrl).send({ reopen: true, reason: 'Masih berlubang.' }).expect(200);

    const reopened = await app.deps.store.getReport(code);
    assert.equal(reopened?.status, 'in_progress');
    assert.equal(reopened?.answeredAt, verified?.verifiedAt);
  });

  it('commits a batch of independent new reports in one call and publishes each after commit', async () => {
    const reports: Report[] = [makeReport(), makeReport(), makeReport()];
    const published: string[] = [];
    const unsubscribe = app.deps.bus.subscribe((event) => published.push(event.reportId));
    try {
      const { events } = await commitChanges(app.deps, reports.map((after) => ({ planned: { before: null, after, type: 'report.created' }, actor: CITIZEN })));
      assert.equal(events.length, 3);
      assert.deepEqual(published, reports.map((r) => r.publicId));
      for (const report of reports) assert.equal((await app.deps.store.getReport(report.publicId))?.version, 1);
    } finally {
      unsubscribe();
    }
  });
});
