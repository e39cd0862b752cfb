// The server-rendered citizen pages, without a browser: what a phone with JavaScript off gets.
import assert from 'node:assert/strict';
import request from 'supertest';
import { jpegWithGps } from '../helpers/fixtures.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import type { PupukDetails } from '../../shared/types.ts';

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
    const report = await app.deps.store.getReport(code);
    assert.equal(report?.photos.length, 1);
    assert.equal(report?.confidential, true);
    assert.deepEqual((report?.details as PupukDetails).problems, ['di_atas_het', 'dipaketkan']);
    const receipt = await request(app.app).get(`/terkirim/${code}`).expect(200);
    assert.ok(receipt.text.includes(code));
    assert.match(receipt.text, /Rp 2\.500\/kg — Rp 700 di atas HET/);
    assert.match(receipt.text, /wa\.me\/\?text=/);
  });

  it('when the confidential switch is turned off, the report is public', async () => {
    const res = await request(app.app).post('/lapor/pupuk').type('form')
      .send('category=pupuk&details[fertiliserType]=urea&details[problems][]=stok_kosong&description=Stok urea kosong dua minggu.&kecamatan=33.16.05&desa=33.16.05.2001&confidential=false')
      .expect(303);
    const code = /\/terkirim\/(.+)$/.exec(res.headers.location)![1];
    assert.equal((await app.deps.store.getReport(code))?.confidential, false);
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
    assert.match(res.text, /<option value="33.16.05.2001" selected>/);
  });

  it('when the English switch is used, the cookie makes the pages English', async () => {
    const res = await request(app.app).get('/bahasa/en?next=/lapor/pupuk').expect(303);
    assert.equal(res.headers.location, '/lapor/pupuk');
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
});
