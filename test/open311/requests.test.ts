// Open311 requests as a partner (and an attacker) sees them: a POST enters the same flow as the
// web form and reaches the right desk marked as the partner's; GETs show what the public rules
// allow and nothing else — never a confidential request's content, never a tracking code.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { cliActor } from '../../server/audit/entry.ts';
import { revokeApiKey } from '../../server/open311/keys.ts';
import { addAndLogin, deskAction, type Person } from '../helpers/desk.ts';
import { pngImage, validReport } from '../helpers/fixtures.ts';
import { postForm as postMultipart, toFormData } from '../helpers/http.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { GADON, get, json, makeKey, postForm, readXml, roadRequest, V2 } from './helpers.ts';

const DAY = 86_400_000;
// Tuesday 1 December 2026, 10:00 WIB.
const T0 = Date.parse('2026-12-01T03:00:00Z');

describe('Open311 requests', function () {
  this.timeout(120_000);
  let app: RunningApp;
  let now = T0;
  let key: string;
  let keyId: string;
  let otherKey: string;
  let dpupr: Person;
  let dinkes: Person;
  let satgas: Person;

  const created = async (form: Record<string, string | string[] | undefined>, format = 'json') => {
    const answer = await postForm(app, `${V2}/requests.${format}`, form);
    assert.equal(answer.status, 200, answer.text);
    const [item] = json(answer);
    return { publicId: String(item.service_request_id), code: String(item.tracking_code) };
  };
  const deskView = (person: Person, publicId: string) => request(app.baseUrl).get(`/api/desk/reports/${publicId}`).set('Cookie', person.cookie);

  before(async () => {
    app = await startApp({ OVERDUE_SWEEP_SECONDS: '0' }, { clock: () => new Date(now) });
    ({ key, id: keyId } = await makeKey(app, 'Aplikasi Blora Satu'));
    ({ key: otherKey } = await makeKey(app, 'Dasbor Kecamatan'));
    dpupr = await addAndLogin(app, 'pu.open311', 'officer', { agencyId: 'dpupr' });
    dinkes = await addAndLogin(app, 'dinkes.open311', 'officer', { agencyId: 'dinkes' });
    satgas = await addAndLogin(app, 'pupuk.open311', 'officer', { agencyId: 'satgas-pupuk' });
  });
  after(() => app.close());

  describe('POST requests', () => {
    it('creates a report through intake: the DPUPR desk sees it as Open311 from the partner, placed by its point; Dinkes does not see it', async () => {
      const { publicId, code } = await created(roadRequest(key));
      assert.match(publicId, /^[A-Z0-9]{8}$/);
      assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const view = (await deskView(dpupr, publicId).expect(200)).body;
      assert.equal(view.channel, 'open311');
      assert.deepEqual(view.origin, { partner: 'Aplikasi Blora Satu', apiKeyId: keyId, place: 'point' });
      assert.equal(view.desa, '33.16.05.2001');
      assert.equal(view.kecamatan, '33.16.05');
      assert.deepEqual(view.details, { damageType: 'berlubang', severity: 2 });
      const queue = (await request(app.baseUrl).get('/api/desk/reports').set('Cookie', dpupr.cookie).expect(200)).body.items.map((r: { publicId: string }) => r.publicId);
      assert.ok(queue.includes(publicId));
      const other = (await request(app.baseUrl).get('/api/desk/reports').set('Cookie', dinkes.cookie).expect(200)).body.items.map((r: { publicId: string }) => r.publicId);
      assert.ok(!other.includes(publicId), 'agency scoping holds for Open311 reports');
      assert.notEqual((await deskView(dinkes, publicId)).status, 200);
      // The tracking code is the reporter's: it opens the tracking view like any other.
      const tracked = await request(app.baseUrl).get(`/api/reports/${code}`).expect(200);
      assert.equal(tracked.body.publicId, publicId);
    });

    it('finds the desa of an address_string naming desa and kecamatan, or of an address_id, and says so on the desk', async () => {
      const typed = await created(roadRequest(key, { lat: undefined, long: undefined, address_string: 'Jl. Diponegoro, Ds. Balun, Kec. Cepu' }));
      const view = (await deskView(dpupr, typed.publicId).expect(200)).body;
      assert.equal(view.desa, '33.16.05.1013');
      assert.deepEqual(view.origin, { partner: 'Aplikasi Blora Satu', apiKeyId: keyId, place: 'address_string', address: 'Jl. Diponegoro, Ds. Balun, Kec. Cepu' });
      assert.equal(view.lat, null);
      const coded = await created(roadRequest(key, { lat: undefined, long: undefined, address_id: '33.16.05.1013' }));
      assert.equal((await deskView(dpupr, coded.publicId).expect(200)).body.origin.place, 'address_id');
    });

    const refusals: { title: string; form: () => Record<string, string | string[] | undefined>; status: number; says: RegExp }[] = [
      { title: 'no key', form: () => roadRequest(''), status: 403, says: /api_key wajib/ },
      { title: 'a wrong key', form: () => roadRequest('sw311_bukan-kunci-kami'), status: 403, says: /tidak dikenal atau sudah dicabut/ },
      { title: 'an unknown service_code', form: () => roadRequest(key, { service_code: 'sampah' }), status: 404, says: /service_code tidak dikenal/ },
      { title: 'another jurisdiction_id', form: () => roadRequest(key, { jurisdiction_id: 'kudus.go.id' }), status: 404, says: /jurisdiction_id tidak dilayani.*blorakab\.go\.id/ },
      { title: 'no location', form: () => roadRequest(key, { lat: undefined, long: undefined }), status: 400, says: /Lokasi wajib/ },
      { title: 'lat without long', form: () => roadRequest(key, { long: undefined }), status: 400, says: /^long: Lintang dan bujur/ },
      { title: 'a point outside the regency', form: () => roadRequest(key, { lat: '-6.2', long: '106.8' }), status: 400, says: /^lat: Titik lokasi berada di luar/ },
      { title: 'a desa name without its kecamatan', form: () => roadRequest(key, { lat: undefined, long: undefined, address_string: 'Sumberejo' }), status: 400, says: /address_string tidak menyebut/ },
      { title: 'an unknown address_id', form: () => roadRequest(key, { lat: undefined, long: undefined, address_id: '33.16.99.9999' }), status: 400, says: /^address_id: Pilih desa/ },
      { title: 'an attribute the service does not define', form: () => roadRequest(key, { 'attribute[warna]': 'merah' }), status: 400, says: /^attribute\[warna\]: Atribut ini tidak dikenal/ },
      { title: 'a required attribute missing', form: () => roadRequest(key, { 'attribute[damageType]': undefined }), status: 400, says: /^attribute\[damageType\]: Wajib diisi/ },
      { title: 'a value not in the list', form: () => roadRequest(key, { 'attribute[severity]': '9' }), status: 400, says: /^attribute\[severity\]: / },
      { title: 'a description too short', form: () => roadRequest(key, { description: 'Rusak' }), status: 400, says: /^description: Ceritakan masalahnya minimal 10 huruf/ },
      { title: 'a media_url that is not http(s)', form: () => roadRequest(key, { media_url: 'javascript:alert(1)' }), status: 400, says: /^media_url: Tautan harus diawali/ },
      { title: 'a bad email', form: () => roadRequest(key, { email: 'bukan email' }), status: 400, says: /^email: Alamat email tidak valid/ },
    ];
    for (const c of refusals) {
      it(`refuses ${c.title} with ${c.status} in the spec's error list, in Indonesian, and stores nothing`, async () => {
        const before = await app.deps.store.lastSeq();
        for (const format of ['json', 'xml'] as const) {
          const answer = await postForm(app, `${V2}/requests.${format}`, c.form());
          assert.equal(answer.status, c.status, answer.text);
          if (format === 'json') {
            const errors = json(answer);
            assert.ok(Array.isArray(errors) && errors.length > 0);
            assert.equal(errors[0].code, c.status);
            assert.match(errors[0].description, c.says);
          } else {
            const doc = readXml(answer.text) as { errors: { error: { code: string; description: string } | { code: string; description: string }[] } };
            const [first] = [doc.errors.error].flat();
            assert.equal(first.code, String(c.status));
            assert.match(first.description, c.says);
          }
        }
        assert.equal(await app.deps.store.lastSeq(), before);
      });
    }

    it('refuses a JSON body: the spec posts a form', async () => {
      const res = await fetch(`${app.baseUrl}${V2}/requests.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(roadRequest(key)) });
      assert.equal(res.status, 400);
      assert.match((await res.json())[0].description, /x-www-form-urlencoded/);
    });

    it('answers a retry with the same Idempotency-Key with the first request and its code, and makes no second report', async () => {
      const send = (idempotencyKey: string, apiKey = key) => fetch(`${app.baseUrl}${V2}/requests.json`, {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': idempotencyKey },
        body: new URLSearchParams(Object.entries(roadRequest(apiKey)).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []))).toString(),
      }).then(async (res) => ({ status: res.status, item: (await res.json())[0] }));
      const first = await send('kirim-ulang-1');
      const seq = await app.deps.store.lastSeq();
      const again = await send('kirim-ulang-1');
      assert.deepEqual([again.status, again.item.service_request_id, again.item.tracking_code], [200, first.item.service_request_id, first.item.tracking_code]);
      assert.equal(await app.deps.store.lastSeq(), seq);
      // The same words from another partner's key are another request.
      assert.notEqual((await send('kirim-ulang-1', otherKey)).item.service_request_id, first.item.service_request_id);
    });

    it('accepts its own jurisdiction_id, in any letter case, and a blank one', async () => {
      await created(roadRequest(key, { jurisdiction_id: 'BloraKab.go.id' }));
      await created(roadRequest(key, { jurisdiction_id: '' }));
    });

    it('refuses a key once it is revoked', async () => {
      const { key: doomed, id } = await makeKey(app, 'Mitra Lama');
      await created(roadRequest(doomed));
      assert.equal(await revokeApiKey(app.deps, id, cliActor()), true);
      const answer = await postForm(app, `${V2}/requests.json`, roadRequest(doomed));
      assert.equal(answer.status, 403);
      assert.match(json(answer)[0].description, /sudah dicabut/);
      assert.equal((await get(app, `${V2}/requests.json?api_key=${doomed}`)).status, 403);
    });

    it('keeps the contact for the handling desk under the anonymity rule: given, it shows; anonymous, it is not stored', async () => {
      const contact = { first_name: 'Budi', last_name: 'Santoso', phone: '0812-3456-7890', email: 'budi@contoh.id' };
      const named = await created(roadRequest(key, contact));
      assert.deepEqual((await deskView(dpupr, named.publicId).expect(200)).body.reporter, { name: 'Budi Santoso', phone: '+6281234567890', email: 'budi@contoh.id' });
      const hidden = await created(roadRequest(key, { ...contact, anonymous: 'true' }));
      assert.equal((await deskView(dpupr, hidden.publicId).expect(200)).body.reporter, null);
      const stored = await app.deps.store.getReport(hidden.publicId);
      assert.deepEqual([stored?.reporterName, stored?.reporterPhone, stored?.reporterEmail, stored?.anonymous], [null, null, undefined, true]);
      const none = await created(roadRequest(key));
      assert.equal((await app.deps.store.getReport(none.publicId))?.anonymous, true, 'no contact at all is anonymous');
    });

    it('keeps media_url as a link for the desk and never fetches it', async () => {
      let hits = 0;
      const listener: Server = createServer((_req, res) => { hits += 1; res.end('x'); });
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/foto-jalan.jpg`;
        const { publicId } = await created(roadRequest(key, { media_url: url }));
        assert.equal((await deskView(dpupr, publicId).expect(200)).body.origin.mediaUrl, url);
        const shown = json(await get(app, `${V2}/requests/${publicId}.json`))[0];
        assert.equal(shown.media_url, null, 'the partner’s link is not republished as ours');
        await deskAction(app, dpupr.cookie, publicId, { type: 'verify' }).expect(200);
        await get(app, `${V2}/requests/${publicId}.xml`);
        assert.equal(hits, 0, 'the server made no request to the media_url');
      } finally {
        await new Promise<void>((resolve) => listener.close(() => resolve()));
      }
    });

    it('takes a pupuk request with its attributes, multivaluelist included, and keeps it confidential by default', async () => {
      const { publicId } = await created({
        api_key: key, service_code: 'pupuk', address_string: 'Gadon, Cepu',
        description: 'Urea di kios dijual di atas HET dan harus beli paket.',
        'attribute[fertiliserType]': 'urea', 'attribute[problems][]': ['di_atas_het', 'dipaketkan'],
        'attribute[price]': '250000', 'attribute[priceUnit]': 'total', 'attribute[quantity]': '2', 'attribute[unit]': 'bag',
        'attribute[purchaseDate]': '2026-11-30T09:00:00+07:00',
      });
      const view = (await deskView(satgas, publicId).expect(200)).body;
      assert.equal(view.confidential, true);
      assert.deepEqual(view.details.problems, ['di_atas_het', 'dipaketkan']);
      assert.equal(view.details.purchaseDate, '2026-11-30');
      assert.equal(view.details.pricePerKg, 2500);
    });
  });

  describe('GET requests and requests/{id}', () => {
    let old: string;
    let road: string;
    let clinic: string;
    let secret: { publicId: string; code: string };
    const codes: string[] = [];

    before(async () => {
      now = T0 - 100 * DAY;
      const oldOne = await created(roadRequest(key, { description: 'Jembatan kayu lapuk sejak tahun lalu, hampir putus.' }));
      old = oldOne.publicId;
      now = T0;
      const roadOne = await created(roadRequest(key, { description: 'Aspal mengelupas sepanjang dua ratus meter dekat pasar.' }));
      road = roadOne.publicId;
      const clinicOne = await created({ api_key: key, service_code: 'kesehatan', ...GADON, description: 'Puskesmas pembantu tutup tiga hari tanpa pengumuman.' });
      clinic = clinicOne.publicId;
      secret = await created({
        api_key: key, service_code: 'pupuk', ...GADON, description: 'Kios menolak menjual pupuk kepada petani yang bukan langganannya.',
        'attribute[fertiliserType]': 'npk', 'attribute[problems]': 'stok_kosong',
      });
      codes.push(oldOne.code, roadOne.code, clinicOne.code, secret.code);
      await deskAction(app, dpupr.cookie, road, { type: 'verify' }).expect(200);
      await deskAction(app, dpupr.cookie, road, { type: 'redact', text: 'Aspal mengelupas sepanjang dua ratus meter (disunting).' }).expect(200);
      await deskAction(app, dpupr.cookie, road, { type: 'reply', message: 'Tim UPT akan meninjau minggu ini.' }).expect(200);
      await deskAction(app, dinkes.cookie, clinic, { type: 'verify' }).expect(200);
      await deskAction(app, dinkes.cookie, clinic, { type: 'resolve', note: 'Jadwal buka sudah diumumkan di balai desa.' }).expect(200);
    });

    const ids = (answer: { text: string }) => json(answer).map((r: { service_request_id: string }) => r.service_request_id);

    it('lists the last 90 days by default, newest first, without the confidential request and without the older one', async () => {
      const list = ids(await get(app, `${V2}/requests.json`));
      assert.ok(list.includes(road) && list.includes(clinic));
      assert.ok(!list.includes(secret.publicId), 'a confidential request is listed to nobody');
      assert.ok(!list.includes(old), 'older than 90 days is outside the default window');
      const withKey = ids(await get(app, `${V2}/requests.json?api_key=${key}`));
      assert.ok(!withKey.includes(secret.publicId), 'not even to the key that sent it');
      assert.ok(ids(await get(app, `${V2}/requests.json?start_date=${new Date(T0 - 120 * DAY).toISOString()}&end_date=${new Date(T0 - 40 * DAY).toISOString()}`)).includes(old));
    });

    it('shows what the public rules allow: text once verified (as redacted), the last public reply, the agency, a point for roads only', async () => {
      const [item] = json(await get(app, `${V2}/requests/${road}.json`));
      assert.equal(item.status, 'open');
      assert.equal(item.description, 'Aspal mengelupas sepanjang dua ratus meter (disunting).');
      assert.equal(item.status_notes, 'Tim UPT akan meninjau minggu ini.');
      assert.equal(item.agency_responsible, 'Dinas Pekerjaan Umum dan Penataan Ruang');
      assert.equal(item.service_code, 'jalan');
      assert.equal(item.address_id, '33.16.05.2001');
      // The point as every public answer gives it: 5 decimals (about 1 m).
      assert.deepEqual([item.lat, item.long], [Number(Number(GADON.lat).toFixed(5)), Number(Number(GADON.long).toFixed(5))]);
      const [health] = json(await get(app, `${V2}/requests/${clinic}.json`));
      assert.equal(health.status, 'closed');
      assert.equal(health.status_notes, 'Jadwal buka sudah diumumkan di balai desa.');
      assert.deepEqual([health.lat, health.long], [null, null], 'only a road report shows its exact point');
      const [fresh] = json(await get(app, `${V2}/requests/${old}.json`));
      assert.equal(fresh.description, null, 'not verified: no text');
    });

    it('answers a confidential request with 404 to everyone but the key that sent it, which reads its status only', async () => {
      assert.equal((await get(app, `${V2}/requests/${secret.publicId}.json`)).status, 404);
      assert.equal((await get(app, `${V2}/requests/${secret.publicId}.json?api_key=${otherKey}`)).status, 404);
      assert.equal((await get(app, `${V2}/tokens/${secret.publicId}.json`)).status, 404);
      assert.deepEqual(ids(await get(app, `${V2}/requests.json?service_request_id=${secret.publicId},${road}`)), [road]);
      const mine = await get(app, `${V2}/requests/${secret.publicId}.json?api_key=${key}`);
      assert.equal(mine.status, 200);
      assert.equal(mine.headers.get('cache-control'), 'no-store');
      const [item] = json(mine);
      assert.equal(item.status, 'open');
      for (const field of ['description', 'status_notes', 'address', 'address_id', 'lat', 'long', 'media_url', 'agency_responsible']) assert.equal(item[field], null, field);
      assert.ok(!mine.text.includes('langganannya'));
    });

    it('never shows a tracking code in any GET answer, in either format', async () => {
      const paths = [
        `${V2}/requests`, `${V2}/requests?api_key=${key}`, `${V2}/requests?service_request_id=${[old, road, clinic, secret.publicId].join(',')}`,
        ...[old, road, clinic].flatMap((id) => [`${V2}/requests/${id}`, `${V2}/tokens/${id}`]), `${V2}/requests/${secret.publicId}?api_key=${key}`,
        `${V2}/requests?start_date=${new Date(T0 - 120 * DAY).toISOString()}&end_date=${new Date(T0 - 40 * DAY).toISOString()}`,
      ];
      for (const path of paths) {
        for (const format of ['json', 'xml']) {
          const [base, query] = path.split('?');
          const answer = await get(app, `${base}.${format}${query ? `?${query}` : ''}`);
          assert.equal(answer.status, 200, `${path}.${format}: ${answer.text}`);
          for (const code of codes) {
            assert.ok(!answer.text.includes(code) && !answer.text.includes(code.replaceAll('-', '')), `${path}.${format} shows a tracking code`);
          }
          assert.ok(!answer.text.includes('tracking_code'));
        }
      }
    });

    it('filters by service_code and status, and answers a range longer than 90 days or reversed with 400', async () => {
      assert.deepEqual(ids(await get(app, `${V2}/requests.json?service_code=kesehatan`)), [clinic]);
      assert.deepEqual(ids(await get(app, `${V2}/requests.json?status=closed`)), [clinic]);
      assert.ok(!ids(await get(app, `${V2}/requests.json?status=open`)).includes(clinic));
      assert.ok(ids(await get(app, `${V2}/requests.json?status=open,closed`)).includes(clinic));
      const tooLong = await get(app, `${V2}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z`);
      assert.equal(tooLong.status, 400);
      assert.match(json(tooLong)[0].description, /paling lama 90 hari/);
      assert.equal((await get(app, `${V2}/requests.json?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z`)).status, 400);
      assert.equal((await get(app, `${V2}/requests.json?start_date=kemarin`)).status, 400);
      assert.equal((await get(app, `${V2}/requests.json?status=pending`)).status, 400);
      assert.equal((await get(app, `${V2}/requests.json?service_code=sampah`)).status, 404);
    });

    it('pages with page and page_size (the pagination extension), newest first', async () => {
      const all = ids(await get(app, `${V2}/requests.json`));
      assert.ok(all.length >= 3);
      const pages = [];
      for (let page = 1; page <= all.length + 1; page += 1) pages.push(...ids(await get(app, `${V2}/requests.json?page_size=2&page=${page}`)));
      assert.deepEqual(pages, all);
      assert.equal((await get(app, `${V2}/requests.json?page_size=1001`)).status, 400);
      assert.equal((await get(app, `${V2}/requests.json?page=0`)).status, 400);
    });

    it('answers the token of a request with its own id (we create at once), and an unknown token with 404', async () => {
      assert.deepEqual(json(await get(app, `${V2}/tokens/${road}.json`)), [{ service_request_id: road, token: road }]);
      assert.equal(json(await get(app, `${V2}/requests/${road.toLowerCase()}.json`))[0].service_request_id, road, 'an id in any letter case');
      assert.equal((await get(app, `${V2}/tokens/TIDAKADA.json`)).status, 404);
    });

    it('shows photos as their moderation says: none before verification, the published ones after, not a hidden one', async () => {
      const form = toFormData(validReport({ clientId: undefined }), [{ bytes: await pngImage(), filename: 'a.png', type: 'image/png' }]);
      const web = await postMultipart(app, '/api/reports', form);
      assert.equal(web.status, 201, JSON.stringify(web.body));
      const id = web.body.publicId as string;
      assert.equal(json(await get(app, `${V2}/requests/${id}.json`))[0].media_url, null);
      const verified = (await deskAction(app, dpupr.cookie, id, { type: 'verify' }).expect(200)).body.report;
      const photoId = verified.photos[0].id as string;
      assert.match(json(await get(app, `${V2}/requests/${id}.json`))[0].media_url, new RegExp(`/media/${photoId}\\.jpg$`));
      await deskAction(app, dpupr.cookie, id, { type: 'hide_photo', photoId }).expect(200);
      assert.equal(json(await get(app, `${V2}/requests/${id}.json`))[0].media_url, null);
    });

    it('sends Access-Control-Allow-Origin: * on GETs (answers and errors alike), not on POST', async () => {
      assert.equal((await get(app, `${V2}/requests.json`)).headers.get('access-control-allow-origin'), '*');
      assert.equal((await get(app, `${V2}/requests.json`)).headers.get('cross-origin-resource-policy'), 'cross-origin');
      assert.equal((await get(app, `${V2}/requests/TIDAKADA.xml`)).headers.get('access-control-allow-origin'), '*');
      assert.equal((await get(app, `${V2}/services.xml`)).headers.get('access-control-allow-origin'), '*');
      assert.equal((await postForm(app, `${V2}/requests.json`, roadRequest(key))).headers.get('access-control-allow-origin'), null);
    });
  });
});
