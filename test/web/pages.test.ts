// The server-rendered citizen pages, without a browser: what a phone with JavaScript off gets.
import { hashTrackingCode } from '../../server/reports/tracking-code.ts';
import assert from 'node:assert/strict';
import request from 'supertest';
import { jpegWithGps } from '../helpers/fixtures.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { pupukDetailsOf } from '../../shared/details.ts';
import { SYSTEM } from '../../server/reports/actors.ts';
import { changeReport } from '../../server/reports/change-report.ts';
import { loadClientAssets } from '../../server/web/assets.ts';
import { html } from '../../server/web/html.ts';
import { renderPage } from '../../server/web/layout.ts';

describe('citizen web pages (no JavaScript)', () => {
  let app: RunningApp;
  before(async () => { app = await startApp(); });
  after(async () => { await app.close(); });

  it('when a citizen opens the home page, every category is a link to its form', async () => {
    const res = await request(app.app).get('/').expect(200);
    for (const id of ['pupuk', 'jalan', 'aspirasi', 'kesehatan', 'pendidikan', 'sosial', 'perizinan', 'peternakan', 'lainnya']) {
      assert.match(res.text, new RegExp(`href="/lapor/${id}"`));
    }
    assert.match(res.text, /Pupuk langka\/mahal/);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
  });

  it('the pupuk form names its fields as the shared schema reads them, confidential on by default', async () => {
    const res = await request(app.app).get('/lapor/pupuk').expect(200);
    for (const name of ['details[fertiliserType]', 'details[problems][]', 'details[kioskName]', 'details[price]', 'details[priceUnit]', 'kecamatan', 'desa', 'description', 'clientId', 'photos']) {
      assert.ok(res.text.includes(`name="${name}"`), name);
    }
    assert.match(res.text, /name="confidential" value="true" checked/);
    assert.doesNotMatch(res.text, /name="anonymous" value="true" checked/);
  });

  it('when a plain multipart form is posted with a photo, one report is created and the receipt page shows its code', async () => {
    const res = await request(app.app).post('/lapor/pupuk')
      .field('category', 'pupuk').field('clientId', '6f1c7a52-2f4e-4b43-9c55-1b6f4b1a9d01')
      .field('details[fertiliserType]', 'urea').field('details[problems][]', 'di_atas_het').field('details[problems][]', 'dipaketkan')
      .field('details[quantity]', '2').field('details[unit]', 'bag').field('details[price]', '250000').field('details[priceUnit]', 'total')
      .field('description', 'Urea dijual Rp 125.000 per sak di kios.').field('kecamatan', '33.16.05').field('desa', '33.16.05.2001')
      .field('anonymous', 'false').field('confidential', 'false').field('confidential', 'true')
      .attach('photos', await jpegWithGps(), { filename: 'a.jpg', contentType: 'image/jpeg' })
      .expect(303);
    const code = /\/terkirim\/([A-Z0-9-]+)/.exec(res.headers.location)?.[1];
    assert.ok(code);
    const report = await app.deps.store.getReportByCodeHash(hashTrackingCode(code));
    assert.equal(report?.photos.length, 1);
    assert.equal(report?.confidential, true);
    assert.equal(report?.category, 'pupuk');
    assert.deepEqual(pupukDetailsOf(report)?.problems, ['di_atas_het', 'dipaketkan']);
    const receipt = await request(app.app).get(`/terkirim/${code}`).expect(200);
    assert.ok(receipt.text.includes(code));
    assert.doesNotMatch(receipt.text, /di atas HET/, 'a confidential report shows none of its content to whoever holds the code');
    assert.match(receipt.text, /wa\.me\/\?text=/);
  });

  it('when the confidential switch is turned off, the report is public', async () => {
    const res = await request(app.app).post('/lapor/pupuk').type('form')
      .send('category=pupuk&details[fertiliserType]=urea&details[problems][]=di_atas_het&details[quantity]=2&details[unit]=bag&details[price]=250000&details[priceUnit]=total&description=Urea dijual di atas HET.&kecamatan=33.16.05&desa=33.16.05.2001&confidential=false')
      .expect(303);
    const code = /\/terkirim\/(.+)$/.exec(res.headers.location)![1];
    assert.equal((await app.deps.store.getReportByCodeHash(hashTrackingCode(code)))?.confidential, false);
    const receipt = await request(app.app).get(`/terkirim/${code}`).expect(200);
    assert.match(receipt.text, /Rp 2\.500\/kg — Rp 700 di atas HET \(Rp 1\.800\/kg\)/);
  });

  it('when a field is wrong, the form comes back with the error next to it and everything typed kept, escaped', async () => {
    const res = await request(app.app).post('/lapor/pupuk')
      .field('category', 'pupuk').field('details[kioskName]', 'Kios "Maju" <b>')
      .field('description', '<script>alert(1)</script> pupuk mahal sekali').field('kecamatan', '33.16.05').field('desa', '33.16.05.2001')
      .expect(422);
    assert.ok(res.text.includes('&lt;script&gt;alert(1)&lt;/script&gt; pupuk mahal sekali'));
    assert.ok(!res.text.includes('<script>alert(1)'));
    assert.ok(res.text.includes('value="Kios &quot;Maju&quot; &lt;b&gt;"'));
    assert.match(res.text, /id="err-details-fertiliserType"[^>]*>Wajib diisi\./);
    assert.match(res.text, /aria-invalid="true"/);
    // Without JavaScript, focus lands on the first bad field (the fertiliser type) by autofocus.
    assert.equal(res.text.match(/autofocus/g)?.length, 1);
    assert.match(res.text, /value="urea" autofocus/);
    assert.match(res.text, /<option value="33.16.05.2001" selected>/);
  });

  it('when a photo cannot be read, the form comes back with the message under the photo field and the text kept', async () => {
    const res = await request(app.app).post('/lapor/jalan')
      .field('category', 'jalan').field('description', 'Jembatan bambu di dusun hampir putus.').field('kecamatan', '33.16.05').field('desa', '33.16.05.2001')
      .field('details[damageType]', 'jembatan').field('details[severity]', '3')
      .attach('photos', Buffer.from('bukan foto'), { filename: 'x.jpg', contentType: 'image/jpeg' })
      .expect(415);
    assert.match(res.text, /id="err-photos"[^>]*>Berkas ini bukan foto JPEG, PNG, atau WebP\./);
    assert.match(res.text, /Foto perlu dipilih ulang/);
    assert.match(res.text, /Jembatan bambu di dusun hampir putus\./);
  });

  it('when the English switch is used, the cookie makes the pages English', async () => {
    const res = await request(app.app).get('/bahasa/en?next=/lapor/pupuk').expect(303);
    assert.equal(res.headers.location, '/lapor/pupuk');
    for (const evil of ['//evil.example', '/\\evil.example', 'https://evil.example']) {
      assert.equal((await request(app.app).get(`/bahasa/en?next=${encodeURIComponent(evil)}`).expect(303)).headers.location, '/');
    }
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    const page = await request(app.app).get('/lapor/pupuk').set('Cookie', cookie).expect(200);
    assert.match(page.text, /<html lang="en"/);
    assert.match(page.text, /Send report/);
  });

  it('when a code is typed on /lacak, it leads to the status page; a bad code says what to do', async () => {
    const bad = await request(app.app).get('/lacak?kode=abc').expect(422);
    assert.match(bad.text, /Periksa kembali kodenya/);
    await request(app.app).get('/lacak/ZZZZ-ZZZZ-ZZZZ').expect(404);
  });

  it('a description with markup is shown as text on the tracking page', async () => {
    const res = await request(app.app).post('/lapor/jalan').type('form')
      .send({ category: 'jalan', description: '<img src=x onerror=alert(1)> jalan rusak', kecamatan: '33.16.05', desa: '33.16.05.2001', 'details[damageType]': 'berlubang', 'details[severity]': '2' })
      .expect(303);
    const code = /\/terkirim\/(.+)$/.exec(res.headers.location)![1];
    const page = await request(app.app).get(`/lacak/${code}`).expect(200);
    assert.ok(page.text.includes('&lt;img src=x onerror=alert(1)&gt; jalan rusak'));
  });

  it('after resolution the tracking page offers rating and reopening as plain forms, and both work without JavaScript', async () => {
    const created = await request(app.app).post('/lapor/jalan').type('form')
      .send({ category: 'jalan', description: 'Jalan berlubang di depan SD.', kecamatan: '33.16.05', desa: '33.16.05.2001', 'details[damageType]': 'berlubang', 'details[severity]': '3' })
      .expect(303);
    const code = /\/terkirim\/(.+)$/.exec(created.headers.location)![1];
    const now = new Date().toISOString();
    await changeReport(app.deps, (await app.deps.store.getReportByCodeHash(hashTrackingCode(code)))!.publicId, SYSTEM, (report) => ({
      before: report, after: { ...report, status: 'resolved', resolvedAt: now, updatedAt: now, dueAt: null },
      type: 'report.resolved', data: { note: 'Sudah ditambal <b>aspal</b>.' },
    }));

    const page = await request(app.app).get(`/lacak/${code}`).expect(200);
    assert.match(page.text, /Sudah ditambal &lt;b&gt;aspal&lt;\/b&gt;\./);
    assert.match(page.text, new RegExp(`action="/lacak/${code}/nilai"`));
    assert.match(page.text, /Buka kembali laporan/);

    const missing = await request(app.app).post(`/lacak/${code}/nilai`).type('form').send({}).expect(422);
    assert.match(missing.text, /Beri nilai 1 sampai 5\./);
    await request(app.app).post(`/lacak/${code}/nilai`).type('form').send({ rating: '4', comment: 'Cepat' }).expect(303);
    const rated = await request(app.app).get(`/lacak/${code}?ok=1`).expect(200);
    assert.match(rated.text, /Nilai Anda: 4 dari 5\./);
    assert.match(rated.text, /tanggapan Anda tersimpan/);

    await request(app.app).post(`/lacak/${code}/nilai`).type('form').send({ reopen: 'true', reason: 'Lubang muncul lagi.' }).expect(303);
    assert.equal((await app.deps.store.getReportByCodeHash(hashTrackingCode(code)))?.status, 'in_progress');
  });
});

describe('citizen web without a client build', () => {
  it('pages render without script or stylesheet tags when client/dist is missing', () => {
    const assets = loadClientAssets('/nonexistent-dist');
    assert.deepEqual(assets, { script: null, styles: [], shell: [] });
    const page = renderPage({ lang: 'id', title: 'x', page: 'home', path: '/', assets, body: html`<p>ok</p>` });
    assert.doesNotMatch(page, /<script|<link rel="stylesheet"/);
  });
});

describe('citizen web under the submission rate limit', () => {
  let app: RunningApp;
  before(async () => { app = await startApp({ RATE_LIMIT_SUBMIT: '1/1m' }); });
  after(async () => { await app.close(); });

  it('a refused post shows the form again with the wait time and keeps what was typed', async () => {
    const post = () => request(app.app).post('/lapor/lainnya').type('form')
      .send({ category: 'lainnya', description: 'Lampu jalan mati sebulan.', kecamatan: '33.16.05', desa: '33.16.05.2001' });
    await post().expect(303);
    const res = await post().expect(429);
    assert.match(res.text, /Terlalu banyak permintaan\. Coba lagi dalam \d+ detik\./);
    assert.match(res.text, /Lampu jalan mati sebulan\./);
    assert.ok(res.headers['retry-after']);
  });

  it('the form and the JSON API draw on one budget: a post to one uses up the other', async () => {
    const fresh = await startApp({ RATE_LIMIT_SUBMIT: '1/1m' });
    try {
      await request(fresh.app).post('/lapor/lainnya').type('form')
        .send({ category: 'lainnya', description: 'Lampu jalan mati sebulan.', kecamatan: '33.16.05', desa: '33.16.05.2001' }).expect(303);
      const api = await request(fresh.app).post('/api/reports')
        .send({ category: 'lainnya', description: 'Lampu jalan mati sebulan.', kecamatan: '33.16.05', desa: '33.16.05.2001' }).expect(429);
      assert.equal(api.body.error.code, 'rate_limited');
    } finally {
      await fresh.close();
    }
  });
});
