// `npm run cli -- demo seed`: demo data through the write path, seen by the desk and the map as
// any other reports are.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { KecamatanAnswer, AgencyStats, PupukStats } from '../../shared/map.ts';
import type { DeskReportView } from '../../shared/desk.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import { placeOfPoint } from '../../server/places/places.ts';
import { addAndLogin } from '../helpers/desk.ts';
import { runCli } from '../helpers/processes.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

const cli = runCli;

describe('demo seed (npm run cli -- demo seed)', function () {
  this.timeout(180_000); // a CLI seed, a server and eight CLI refusals: slow on a loaded machine, never waiting on time
  const N = 400;
  let dataDir: string;
  let app: RunningApp;
  let cookie: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-demo-'));
    const res = await cli(dataDir, ['demo', 'seed', '--reports', String(N), '--seed', '7', '--days', '120']);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /Data demo dibuat: 400 laporan/);
    app = await startApp({}, { dataDir });
    ({ cookie } = await addAndLogin(app, 'bupati', 'executive'));
  });

  it('creates the first admin as the server would, beside one demo officer per agency', async () => {
    const users = await app.deps.store.listUsers();
    assert.ok(users.some((u) => u.username === 'admin' && u.role === 'admin'));
    const officers = users.filter((u) => u.username.startsWith('demo-'));
    assert.ok(officers.length >= 8 && officers.every((u) => u.role === 'officer' && u.agencyId));
  });
  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the map counts every seeded report, spread over the kecamatan, about 30 % pupuk and 30 % jalan', async () => {
    const res = await request(app.baseUrl).get('/api/map/kecamatan').set('Cookie', cookie).expect(200);
    const answer: KecamatanAnswer = res.body;
    assert.equal(answer.total, N);
    assert.ok(answer.items.filter((k) => k.total > 0).length >= 14, 'reports in nearly every kecamatan');
    const sum = (category: string) => answer.items.reduce((s, k) => s + (k.byCategory[category as 'pupuk'] ?? 0), 0);
    for (const category of ['pupuk', 'jalan']) {
      assert.ok(sum(category) > N * 0.22 && sum(category) < N * 0.38, `${category}: ${sum(category)}`);
    }
    const statuses = new Set(answer.items.flatMap((k) => Object.keys(k.byStatus)));
    for (const status of ['in_progress', 'new', 'rejected', 'resolved', 'verified']) assert.ok(statuses.has(status), `some ${status}`);
  });

  it('about 60 % carry a GPS point, every one inside the regency', async () => {
    const res = await request(app.baseUrl).get('/api/map/reports?limit=5000&bbox=110,-8,112,-6').set('Cookie', cookie).expect(200);
    const points = res.body.features as { geometry: { coordinates: [number, number] } }[];
    assert.ok(points.length > N * 0.5 && points.length < N * 0.7, `${points.length} points`);
    for (const { geometry: { coordinates: [lng, lat] } } of points) {
      assert.ok(placeOfPoint(app.deps.catalog.places, lat, lng), `${lat},${lng} outside Blora`);
    }
  });

  it('officers moved them along: verified, forwarded, resolved by named officers, with deadlines met and missed', async () => {
    const res = await request(app.baseUrl).get('/api/stats/agencies').set('Cookie', cookie).expect(200);
    const agencies: AgencyStats[] = res.body.items ?? res.body;
    const answered = agencies.reduce((s, a) => s + a.answered, 0);
    assert.ok(answered > N * 0.6, `${answered} answered`);
    const shares = agencies.filter((a) => a.answered >= 10).map((a) => a.answeredOnTimeShare ?? 0);
    assert.ok(shares.some((s) => s > 0.5) && shares.some((s) => s < 0.9), `on-time shares ${shares.join(', ')}`);

    const list = await request(app.baseUrl).get('/api/desk/reports?status=resolved').set('Cookie', cookie).expect(200);
    const code = list.body.items[0].publicId as string;
    const detail: DeskReportView = (await request(app.baseUrl).get(`/api/desk/reports/${code}`).set('Cookie', cookie).expect(200)).body;
    const types = detail.timeline.map((e) => e.type);
    assert.equal(types[0], 'report.created');
    assert.ok(types.includes('report.verified') && types.at(-1) === 'report.resolved', types.join(' → '));
    const officer = detail.timeline.find((e) => e.type === 'report.resolved')?.actor;
    assert.equal(officer?.kind, 'user');

    const events = await app.deps.store.eventsAfter(0, 10_000);
    for (const type of ['report.forwarded', 'report.overdue', 'report.rejected', 'report.duplicate', 'report.started']) {
      assert.ok(events.some((e) => e.type === type), `some ${type}`);
    }
  });

  it('desk search finds seeded reports by a word of their text and by their public id (the search index is built after the bulk load)', async () => {
    const { items } = await app.deps.store.listReports({ limit: 400 });
    const report = items[Math.floor(items.length / 2)];
    const word = report.description.split(/\s+/).find((w) => w.length >= 6) ?? report.description.slice(0, 8);
    const expected = items.filter((r) => r.description.toLowerCase().includes(word.toLowerCase())).length;
    const byWord = await request(app.baseUrl).get(`/api/desk/reports?q=${encodeURIComponent(word)}&limit=100`).set('Cookie', cookie).expect(200);
    assert.ok(byWord.body.items.some((r: { publicId: string }) => r.publicId === report.publicId), `"${word}" finds ${report.publicId}`);
    assert.ok(byWord.body.items.length >= Math.min(100, expected), `"${word}": ${byWord.body.items.length} of ${expected}`);
    const byId = await request(app.baseUrl).get(`/api/desk/reports?q=${report.publicId.slice(1, 6)}&limit=100`).set('Cookie', cookie).expect(200);
    assert.ok(byId.body.items.some((r: { publicId: string }) => r.publicId === report.publicId));
  });

  it('pupuk reports name kiosks, fertiliser types and prices around and above HET', async () => {
    const res = await request(app.baseUrl).get('/api/stats/pupuk').set('Cookie', cookie).expect(200);
    const pupuk: PupukStats = res.body;
    assert.ok(pupuk.kiosks.length >= 10, `${pupuk.kiosks.length} kiosks`);
    const urea = pupuk.prices.find((p) => p.fertiliserType === 'urea');
    assert.ok(urea && urea.hetPerKg && urea.avgPricePerKg > urea.hetPerKg * 0.95 && urea.avgOverHetPerKg > 0, JSON.stringify(urea));
    assert.ok(pupuk.problems.some((p) => p.id === 'di_atas_het') && pupuk.problems.some((p) => p.id === 'stok_kosong'));
  });

  it('Ngopi Bareng sessions have aspirations', async () => {
    const sessions = await app.deps.store.listNgopiSessions();
    assert.ok(sessions.length >= 5, `${sessions.length} sessions`);
    let aspirations = 0;
    for (const s of sessions) aspirations += (await app.deps.store.listReports({ session: s.id, limit: 100 })).items.length;
    assert.ok(aspirations > 0, 'aspirations raised in sessions');
  });

  it('the same --seed makes the same demo', async () => {
    const clock = () => new Date('2026-11-20T03:00:00Z');
    const runs: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const fresh = await startApp({}, { clock });
      try {
        await seedDemo({ ...fresh.deps, clock }, { reports: 60, seed: 42, days: 30 });
        const { items } = await fresh.deps.store.listReports({ limit: 100 });
        runs.push(items.map((r) => [r.createdAt, r.category, r.status, r.desa, r.lat ?? '-', r.description].join(' ')));
      } finally {
        await fresh.close();
      }
    }
    assert.equal(runs[0].length, 60);
    assert.deepEqual(runs[0], runs[1]);
  });

  const bad: { args: string[]; message: RegExp }[] = [
    { args: ['demo', 'seed'], message: /--reports wajib diisi/ },
    { args: ['demo', 'seed', '--reports', '0'], message: /--reports harus bilangan bulat 1–5\.000\.000/ },
    { args: ['demo', 'seed', '--reports', 'banyak'], message: /--reports harus bilangan bulat/ },
    { args: ['demo', 'seed', '--reports', '6000000'], message: /--reports harus bilangan bulat/ },
    { args: ['demo', 'seed', '--reports', '10', '--days', '0'], message: /--days harus bilangan bulat 1–3\.650/ },
    { args: ['demo', 'tanam', '--reports', '10'], message: /Perintah tidak dikenal: demo tanam/ },
  ];
  for (const { args, message } of bad) {
    it(`refuses "${args.join(' ')}" with exit 64, in Indonesian, and seeds nothing`, async () => {
      const empty = mkdtempSync(join(tmpdir(), 'suara-warga-demo-bad-'));
      try {
        const res = await cli(empty, args);
        assert.equal(res.code, 64, res.stderr);
        assert.match(res.stderr, message);
        assert.match(res.stderr, /Pemakaian:/);
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });
  }
});
