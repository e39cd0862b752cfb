// What a stranger sees on /laporan, /laporan/:publicId, the Atom feed, /statistik and the
// public API: a confidential report nowhere but in the counts; text and photos only once
// verified, redactions and hidden photos respected; the tracking code nowhere at all.
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { addAndLogin, deskAction, type Person } from '../helpers/desk.ts';
import { pupukReport, validReport } from '../helpers/fixtures.ts';
import { submitReport, type Submitted } from '../helpers/submit.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

const CODE_SHAPE = /\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/g;

describe('public reports: list, page, feed, statistics', () => {
  let app: RunningApp;
  let officer: Person;
  const all: Submitted[] = [];

  const submit = async (body: Record<string, unknown>, photos = 0): Promise<Submitted> => {
    const submitted = await submitReport(app.baseUrl, body, photos);
    all.push(submitted);
    return submitted;
  };
  const get = (path: string) => request(app.baseUrl).get(path);

  let confidential: Submitted;
  let unverified: Submitted;
  let verified: Submitted;
  let kesehatan: Submitted;

  before(async () => {
    app = await startApp({ RATE_LIMIT_SUBMIT: '1000/1m', PUBLIC_URL: 'https://lapor.blorakab.go.id' });
    officer = await addAndLogin(app, 'petugas.pu', 'officer', { agencyId: 'dpupr' });
    confidential = await submit(pupukReport({}, { description: 'Kios Makmur milik Pak Harjo menimbun pupuk subsidi.', kecamatan: '33.16.09', desa: '33.16.09.2001' }), 1);
    unverified = await submit(validReport({ description: 'Jalan rusak depan rumah Bu Sumi nomor 12 Cepu.', lat: -7.1628374, lng: 111.5665129 }), 1);
    verified = await submit(validReport({ description: 'Jembatan kayu hampir putus, HP saya 081211112222.', lat: -7.16, lng: 111.57 }), 2);
    kesehatan = await submit(validReport({ category: 'kesehatan', details: {}, description: 'Puskesmas pembantu tutup terus di desa kami.', lat: -7.15, lng: 111.55 }));
    await deskAction(app, officer.cookie, verified.publicId, { type: 'verify' }).expect(200);
  });
  after(() => app.close());

  it('lists every non-confidential report, newest first, with the public facts only', async () => {
    const page = (await get('/api/public/reports').expect(200)).body;
    assert.deepEqual(page.items.map((r: { publicId: string }) => r.publicId), [kesehatan.publicId, verified.publicId, unverified.publicId]);
    const item = page.items[1];
    assert.deepEqual(Object.keys(item).sort(), ['agency', 'category', 'createdAt', 'desa', 'kecamatan', 'point', 'publicId', 'status', 'supportCount', 'updatedAt']);
    assert.deepEqual(item.status, { id: 'verified', label: 'Terverifikasi' });
    assert.deepEqual(item.desa, { code: '33.16.05.2001', name: 'Gadon' });
    assert.deepEqual(item.kecamatan, { code: '33.16.05', name: 'Cepu' });
  });

  it('shows the exact point only for a road report; a health report is placed at its desa', async () => {
    const items = (await get('/api/public/reports').expect(200)).body.items;
    const byId = new Map(items.map((r: { publicId: string; point: unknown }) => [r.publicId, r.point]));
    assert.deepEqual(byId.get(verified.publicId), { lat: -7.16, lng: 111.57 });
    assert.equal(byId.get(kesehatan.publicId), null);
    const map = (await get('/api/public/map').expect(200)).body;
    assert.deepEqual(map.pins.map((p: { publicId: string }) => p.publicId).sort(), [verified.publicId, unverified.publicId].sort());
    // Sent at 5 decimals (about 1 m), as the staff map's pins: the GPS noise beyond is not shown.
    const road = map.pins.find((p: { publicId: string }) => p.publicId === unverified.publicId);
    assert.deepEqual({ lat: road.lat, lng: road.lng }, { lat: -7.16284, lng: 111.56651 });
    assert.equal(map.kecamatan.find((k: { code: string }) => k.code === '33.16.05').total, 3);
    assert.doesNotMatch((await get(`/laporan/${kesehatan.publicId}`).expect(200)).text, /111\.55|-7\.15\b/);
  });

  it('a confidential report appears on no public page, feed or API answer, but is counted in the statistics', async () => {
    const bodies = [
      (await get('/laporan').expect(200)).text,
      (await get('/laporan?kecamatan=33.16.09').expect(200)).text,
      (await get('/laporan?category=pupuk').expect(200)).text,
      (await get('/laporan.atom').expect(200)).text,
      (await get('/laporan.atom?kecamatan=33.16.09&category=pupuk').expect(200)).text,
      (await get('/api/public/reports?kecamatan=33.16.09').expect(200)).text,
      (await get('/api/public/map').expect(200)).text,
    ];
    for (const body of bodies) {
      assert.ok(!body.includes(confidential.publicId), 'public id listed');
      assert.doesNotMatch(body, /Harjo|menimbun/);
    }
    assert.equal((await get('/api/public/map').expect(200)).body.kecamatan.find((k: { code: string }) => k.code === '33.16.09').total, 0);
    await get(`/laporan/${confidential.publicId}`).expect(404);
    await request(app.baseUrl).post(`/laporan/${confidential.publicId}/dukung`).set('Origin', app.baseUrl).expect(404);
    const stats = (await get('/api/public/statistics').expect(200)).body;
    assert.equal(stats.windows[0].reported, 4, 'the confidential report counts');
    assert.equal(stats.kecamatan.find((k: { code: string }) => k.code === '33.16.09').reported, 1);
    assert.doesNotMatch((await get('/statistik').expect(200)).text, /Harjo|menimbun/);
  });

  it('keeps an unverified report’s text and photos off its page and the feed; a verified one shows both', async () => {
    const before = (await get(`/laporan/${unverified.publicId}`).expect(200)).text;
    assert.doesNotMatch(before, /Bu Sumi/);
    assert.match(before, /tampil setelah diverifikasi/);
    assert.doesNotMatch(before, /\/media\//);
    const page = (await get(`/laporan/${verified.publicId}`).expect(200)).text;
    assert.match(page, /Jembatan kayu hampir putus/);
    assert.equal((page.match(/<img src="\/media\/[A-Za-z0-9_-]{22}\.thumb\.jpg"/g) ?? []).length, 2);
    const feed = (await get('/laporan.atom').expect(200)).text;
    assert.match(feed, /Jembatan kayu hampir putus/);
    assert.doesNotMatch(feed, /Bu Sumi/);
  });

  it('a redacted text and a hidden photo stay hidden on the page, the feed and the photo route', async () => {
    const desk = (await request(app.baseUrl).get(`/api/desk/reports/${verified.publicId}`).set('Cookie', officer.cookie).expect(200)).body;
    await deskAction(app, officer.cookie, verified.publicId, { type: 'redact', text: 'Jembatan kayu hampir putus.' }).expect(200);
    await deskAction(app, officer.cookie, verified.publicId, { type: 'hide_photo', photoId: desk.photos[0].id }).expect(200);
    await deskAction(app, officer.cookie, verified.publicId, { type: 'start' }).expect(200);
    const page = (await get(`/laporan/${verified.publicId}`).expect(200)).text;
    const feed = (await get('/laporan.atom').expect(200)).text;
    for (const body of [page, feed]) {
      assert.doesNotMatch(body, /081211112222/);
      assert.ok(!body.includes(desk.photos[0].id), 'hidden photo referenced');
    }
    assert.match(page, /Jembatan kayu hampir putus\./);
    assert.ok(page.includes(desk.photos[1].id), 'the other photo is still shown');
    assert.match(page, /Teks disunting petugas untuk publik/);
    assert.equal((await get(`/media/${desk.photos[0].id}.jpg`)).status, 404);
  });

  it('filters by kecamatan, desa, category and status, and answers a bad filter with 422 in Indonesian', async () => {
    const ids = async (q: string) => (await get(`/api/public/reports?${q}`).expect(200)).body.items.map((r: { publicId: string }) => r.publicId);
    assert.deepEqual(await ids('category=kesehatan'), [kesehatan.publicId]);
    assert.deepEqual(await ids('status=in_progress'), [verified.publicId]);
    assert.deepEqual(await ids('kecamatan=33.16.05&desa=33.16.05.2001&category=jalan&status=new'), [unverified.publicId]);
    assert.deepEqual(await ids('kecamatan=33.16.01'), []);
    for (const [q, field, code] of [['kecamatan=99.99.99', 'kecamatan', 'invalid_kecamatan'], ['desa=33.16.05.9999', 'desa', 'invalid_desa'],
      ['kecamatan=33.16.01&desa=33.16.05.2001', 'desa', 'desa_not_in_kecamatan'], ['category=narkoba', 'category', 'invalid_category'],
      ['status=lost', 'status', 'invalid_choice'], ['kecamatan=33.16.05&kecamatan=33.16.01', 'kecamatan', 'invalid_kecamatan'], ['sebelum=xx', 'sebelum', 'invalid_cursor']] as const) {
      const res = await get(`/api/public/reports?${q}`).expect(422);
      assert.equal(res.body.error.fieldCodes[field], code, q);
      const page = await get(`/laporan?${q}`).expect(422);
      assert.match(page.text, /<p class="err" id="err-/, `the page names the bad field for ${q}`);
    }
    assert.match((await get('/laporan?kecamatan=99.99.99').expect(422)).text, /Pilih kecamatan dari daftar/);
  });

  it('pages by keyset without repeating or skipping a report, also without JavaScript', async () => {
    for (let i = 0; i < 22; i++) await submit(validReport({ kecamatan: '33.16.01', desa: '33.16.01.2001', details: { damageType: 'retak', severity: 1 } }));
    const first = await get('/laporan?kecamatan=33.16.01').expect(200);
    const next = /href="([^"]+)" rel="next"/.exec(first.text)?.[1].replace(/&amp;/g, '&');
    assert.ok(next, 'a next link');
    const second = await get(next).expect(200);
    const idsOf = (html: string) => [...html.matchAll(/<li data-id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(idsOf(first.text).length, 20);
    assert.equal(idsOf(second.text).length, 2);
    assert.equal(new Set([...idsOf(first.text), ...idsOf(second.text)]).size, 22);
    assert.doesNotMatch(second.text, /rel="next"/);
  });

  it('serves an Atom feed per filter with absolute links from PUBLIC_URL', async () => {
    const res = await get('/laporan.atom?kecamatan=33.16.05&category=jalan').expect(200);
    assert.match(res.headers['content-type'], /^application\/atom\+xml/);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(res.text).feed;
    const entries = [feed.entry].flat();
    assert.equal(entries.length, 2);
    assert.equal(feed.link.find((l: Record<string, string>) => l['@_rel'] === 'self')['@_href'], 'https://lapor.blorakab.go.id/laporan.atom?kecamatan=33.16.05&category=jalan');
    assert.deepEqual(entries.map((e: { link: Record<string, string> }) => e.link['@_href']).sort(),
      [verified, unverified].map((s) => `https://lapor.blorakab.go.id/laporan/${s.publicId}`).sort());
  });

  it('counts dukung once per device from the public page, as a plain form', async () => {
    const agent = request.agent(app.baseUrl);
    await agent.post(`/laporan/${kesehatan.publicId}/dukung`).set('Origin', app.baseUrl).expect(303).expect('Location', `/laporan/${kesehatan.publicId}?dukung=1`);
    await agent.post(`/laporan/${kesehatan.publicId}/dukung`).set('Origin', app.baseUrl).expect(303).expect('Location', `/laporan/${kesehatan.publicId}?dukung=0`);
    assert.match((await get(`/laporan/${kesehatan.publicId}`).expect(200)).text, /<p id="support-count">[^<]*1/);
  });

  it('shows the statistics page with each figure and how it is counted', async () => {
    const page = (await get('/statistik').expect(200)).text;
    for (const heading of ['7 dan 30 hari terakhir', 'Per dinas', 'Per kecamatan', 'Tren 12 minggu']) assert.ok(page.includes(heading), heading);
    assert.equal((page.match(/Cara menghitung/g) ?? []).length, 4);
    assert.match(page, /<tr data-days="7"><th scope="row">7 hari terakhir<\/th><td>26<\/td>/);
  });

  it('speaks English when the citizen chose it with the language switch, and says so to shared caches', async () => {
    const english = (path: string) => get(path).set('Cookie', 'lang=en').expect(200);
    const list = await english('/laporan?category=jalan');
    assert.match(list.text, /<html lang="en"/);
    assert.ok(list.text.includes('<h1>Citizen reports</h1>'));
    assert.ok(list.text.includes('<strong>Damaged road/bridge</strong>') && !list.text.includes('<strong>Jalan rusak</strong>'), 'categories in English');
    assert.ok(!list.text.includes('Terapkan saringan'), 'no Indonesian left on the filter form');
    assert.match(String(list.headers.vary), /Cookie/);
    const report = await english(`/laporan/${verified.publicId}`);
    assert.ok(report.text.includes('<dt>Reported</dt>') && report.text.includes('<h2>History</h2>'));
    const stats = await english('/statistik');
    for (const heading of ['The last 7 and 30 days', 'Per office', 'Per district', '12-week trend']) assert.ok(stats.text.includes(heading), heading);
    assert.equal((stats.text.match(/How it is counted/g) ?? []).length, 4);
    assert.match((await get('/laporan').expect(200)).text, /<html lang="id"[\s\S]*<h1>Laporan warga<\/h1>/, 'Bahasa Indonesia without the cookie');
  });

  it('never shows a tracking code on any public page, feed or API answer', async () => {
    const paths = ['/laporan', '/laporan?kecamatan=33.16.01', '/laporan.atom', '/statistik', '/api/public/reports', '/api/public/map', '/api/public/statistics',
      ...all.filter((s) => s !== confidential).slice(0, 6).map((s) => `/laporan/${s.publicId}`)];
    const codes = new Set(all.map((s) => s.code));
    for (const path of paths) {
      const body = (await get(path).expect(200)).text;
      for (const code of codes) assert.ok(!body.includes(code), `${path} shows a tracking code`);
      for (const seen of body.match(CODE_SHAPE) ?? []) assert.ok(!codes.has(seen), `${path}: ${seen}`);
    }
  });
});
