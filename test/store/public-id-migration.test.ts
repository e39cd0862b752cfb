// A store written before public ids existed (schema 1–3: reports keyed by their tracking code,
// codes in events, supports and photos) is migrated on open: every report gets a public id,
// events follow, and the codes citizens were given keep tracking, rating and reopening.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { MIGRATIONS } from '../../server/store/sqlite/migrations.ts';
import { addAndLogin } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

const ORIGINAL = 'AAAA-BBBB-CCCC';
const DUPLICATE = 'DDDD-EEEE-FFFF';
const CLIENT_ID = '6f1c1d52-3b8e-4a57-9d0e-5a2f4c1b7e90';
const AT = '2026-11-02T02:00:00.000Z';

/** A report document exactly as the first schema stored it: `code` and no public id. */
function oldReport(code: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code, clientId: null, category: 'jalan', agencyId: 'dpupr', status: 'resolved', description: `Jalan berlubang (${code === ORIGINAL ? 'pertama' : 'kedua'}).`,
    kecamatan: '33.16.05', desa: '33.16.05.2001', lat: null, lng: null, reporterName: null, reporterPhone: null,
    anonymous: false, confidential: false, details: { damageType: 'berlubang', severity: 2 }, photos: [], assigneeId: null,
    duplicateOf: null, feedback: null, supportCount: 0, createdAt: '2026-10-30T03:00:00.000Z', updatedAt: AT,
    verifiedAt: '2026-10-31T03:00:00.000Z', resolvedAt: AT, verifyDueAt: '2026-11-04T16:59:59.999Z', followUpDueAt: null,
    dueAt: null, overdueNotified: false, version: 3, ...overrides,
  };
}

function summaryOf(report: Record<string, unknown>): Record<string, unknown> {
  return {
    code: report.code, category: report.category, agencyId: report.agencyId, status: report.status, kecamatan: report.kecamatan,
    desa: report.desa, excerpt: report.description, confidential: false, anonymous: false, photoCount: 0, supportCount: report.supportCount,
    assigneeId: null, createdAt: report.createdAt, updatedAt: report.updatedAt, dueAt: report.dueAt,
  };
}

function writeOldStore(file: string): void {
  const db = new Database(file);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  MIGRATIONS.slice(0, 3).forEach(({ up }, i) => {
    assert.equal(typeof up, 'string');
    db.exec(up as string);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(i + 1, AT);
  });
  const original = oldReport(ORIGINAL, { clientId: CLIENT_ID, supportCount: 2, photos: [{ id: 'AbCdEfGhIjKlMnOpQrStUv', width: 8, height: 6 }] });
  const duplicate = oldReport(DUPLICATE, { status: 'duplicate', duplicateOf: ORIGINAL, resolvedAt: null });
  const insertReport = db.prepare(`INSERT INTO reports (code, client_id, agency_id, kecamatan, category, status, description, created_at, due_at, version, doc, verify_due_at)
    VALUES (@code, @clientId, @agencyId, @kecamatan, @category, @status, @description, @createdAt, @dueAt, @version, @doc, @verifyDueAt)`);
  for (const report of [original, duplicate]) insertReport.run({ ...report, doc: JSON.stringify(report) });
  db.prepare('INSERT INTO report_photos (photo_id, report_code) VALUES (?, ?)').run('AbCdEfGhIjKlMnOpQrStUv', ORIGINAL);
  db.prepare('INSERT INTO report_supports (report_code, device_id) VALUES (?, ?)').run(ORIGINAL, 'device-1');
  const events: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
    [ORIGINAL, 'report.created', {}, original],
    [DUPLICATE, 'report.created', {}, duplicate],
    [DUPLICATE, 'report.duplicate', { of: ORIGINAL }, duplicate],
    [ORIGINAL, 'report.supported', { merged: DUPLICATE, added: 1 }, original],
    [ORIGINAL, 'report.resolved', { note: 'Sudah ditambal.' }, original],
  ];
  for (const [code, type, data, report] of events) {
    const rooms = ['all', 'agency:dpupr', 'kecamatan:33.16.05'];
    const doc = { type, reportCode: code, at: AT, actor: { kind: 'citizen' }, rooms, data, summary: summaryOf(report) };
    const seq = Number(db.prepare('INSERT INTO events (report_code, doc) VALUES (?, ?)').run(code, JSON.stringify(doc)).lastInsertRowid);
    for (const room of rooms) db.prepare('INSERT INTO event_rooms (room, seq) VALUES (?, ?)').run(room, seq);
  }
  db.close();
}

describe('SQLite migration 4: public ids for a store written before them', () => {
  let dir: string;
  let app: RunningApp;
  // Monday 2026-11-02 is the resolution day; the reopen window is still open.
  const now = new Date('2026-11-03T03:00:00Z');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'suara-warga-migrate-'));
    writeOldStore(join(dir, 'suara-warga.sqlite'));
    app = await startApp({ OVERDUE_SWEEP_SECONDS: '0' }, { dataDir: dir, clock: () => now });
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every report a public id, and the old codes still open the reporter\'s view, naming the original by public id', async () => {
    const original = await request(app.baseUrl).get(`/api/reports/${ORIGINAL.toLowerCase()}`).expect(200);
    const duplicate = await request(app.baseUrl).get(`/api/reports/${DUPLICATE}`).expect(200);
    assert.match(original.body.publicId, /^[2-9A-Z]{8}$/);
    assert.match(duplicate.body.publicId, /^[2-9A-Z]{8}$/);
    assert.notEqual(original.body.publicId, duplicate.body.publicId);
    assert.equal(duplicate.body.duplicateOf, original.body.publicId);
    const merged = original.body.timeline.find((e: { type: string }) => e.type === 'report.supported');
    assert.equal(merged.message, duplicate.body.publicId, 'the timeline names the merged report by public id');
    assert.ok(!JSON.stringify(original.body).includes(DUPLICATE) && !JSON.stringify(duplicate.body).includes(ORIGINAL));
  });

  it('moves events, photos and supports to the public id: the desk sees the whole timeline and the photo, a supporting device still counts once', async () => {
    const officer = await addAndLogin(app, 'pu1', 'officer', { agencyId: 'dpupr' });
    const publicId = (await request(app.baseUrl).get(`/api/reports/${ORIGINAL}`).expect(200)).body.publicId as string;
    const desk = await request(app.baseUrl).get(`/api/desk/reports/${publicId}`).set('Cookie', officer.cookie).expect(200);
    assert.deepEqual(desk.body.timeline.map((e: { type: string }) => e.type), ['report.created', 'report.supported', 'report.resolved']);
    assert.equal((await app.deps.store.getReportByPhotoId('AbCdEfGhIjKlMnOpQrStUv'))?.publicId, publicId);
    const found = await request(app.baseUrl).get(`/api/desk/reports?q=${ORIGINAL}`).set('Cookie', officer.cookie).expect(200);
    assert.deepEqual(found.body.items.map((i: { publicId: string }) => i.publicId), [publicId]);
    const report = (await app.deps.store.getReport(publicId))!;
    await assert.rejects(app.deps.store.commitReports([{
      report: { ...report, supportCount: 3, version: report.version + 1 },
      event: { type: 'report.supported', reportId: publicId, at: AT, actor: { kind: 'citizen' }, rooms: ['all'], data: {}, summary: desk.body },
      expectedVersion: report.version, support: { deviceId: 'device-1' },
    }]), /already supported/);
  });

  it('a retry of the old submission gets its same code back, and the old code still rates and reopens', async () => {
    const retry = await request(app.baseUrl).post('/api/reports').send({
      clientId: CLIENT_ID, category: 'jalan', description: 'Jalan berlubang, dikirim ulang dari HP.', kecamatan: '33.16.05', desa: '33.16.05.2001',
      details: { damageType: 'berlubang', severity: 2 },
    }).expect(200);
    assert.equal(retry.body.code, ORIGINAL);
    await request(app.baseUrl).post(`/api/reports/${ORIGINAL}/feedback`).send({ rating: 4, comment: 'Terima kasih.' }).expect(200);
    const reopened = await request(app.baseUrl).post(`/api/reports/${ORIGINAL}/feedback`).send({ reopen: true, reason: 'Lubang muncul lagi.' }).expect(200);
    assert.equal(reopened.body.status, 'in_progress');
  });

  it('leaves no tracking code and no client id in the database', async () => {
    const db = new Database(join(dir, 'suara-warga.sqlite'), { readonly: true });
    try {
      const everything = [
        ...db.prepare('SELECT * FROM reports').all(), ...db.prepare('SELECT * FROM events').all(),
        ...db.prepare('SELECT * FROM report_supports').all(), ...db.prepare('SELECT * FROM report_photos').all(),
      ].map((row) => JSON.stringify(row)).join('\n');
      for (const secret of [ORIGINAL, DUPLICATE, ORIGINAL.replaceAll('-', ''), CLIENT_ID]) assert.ok(!everything.includes(secret), `${secret} is still stored`);
    } finally {
      db.close();
    }
  });
});
