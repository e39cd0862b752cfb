// Blora Satu Data: what anyone downloads from /data. A confidential report and a tracking code
// appear in no export; names and phones never; text only once verified (redacted where the
// desk redacted it); the exact point only for road reports; small counts shown as "<3";
// formula cells defused; data.json valid DCAT-US 1.1; every column described once.
import assert from 'node:assert/strict';
import request from 'supertest';
import { DATASETS, headerOf } from '../../server/opendata/dictionary.ts';
import { publicReportsCsv } from '../../server/opendata/reports.ts';
import type { Store } from '../../server/store/port.ts';
import { addAndLogin, deskAction, type Person } from '../helpers/desk.ts';
import { pupukReport, validReport } from '../helpers/fixtures.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { submitReport, type Submitted } from '../helpers/submit.ts';
import { csvRecords } from './csv.ts';
import { dcatUsValidator } from './dcat.ts';

const BASE = 'https://lapor.blorakab.go.id';
const CODE_SHAPE = /\b[0-9A-Z]{4}-?[0-9A-Z]{4}-?[0-9A-Z]{4}\b/;
const DOWNLOADS = ['/data/laporan.csv', '/data/laporan.geojson', '/data/jumlah-bulanan.csv', '/data/kinerja-dinas.csv'];

describe('open data (/data): catalogue, data.json and the downloads', () => {
  let app: RunningApp;
  let officer: Person;
  const all: Submitted[] = [];
  let confidential: Submitted;
  let unverified: Submitted;
  let verified: Submitted;
  let kesehatan: Submitted;
  let formula: Submitted;
  const get = (path: string) => request(app.baseUrl).get(path);
  const submit = async (body: Record<string, unknown>): Promise<Submitted> => {
    const s = await submitReport(app.baseUrl, body);
    all.push(s);
    return s;
  };

  before(async () => {
    // A page of 2: every download below spans several store pages.
    app = await startApp({ PUBLIC_URL: BASE, EXPORT_PAGE_SIZE: '2' });
    officer = await addAndLogin(app, 'petugas.pu', 'officer', { agencyId: 'dpupr' });
    const dinkes = await addAndLogin(app, 'petugas.dinkes', 'officer', { agencyId: 'dinkes' });
    confidential = await submit(pupukReport({}, { description: 'Kios Makmur milik Pak Harjo menimbun pupuk subsidi.', kecamatan: '33.16.09', desa: '33.16.09.2001', name: 'Harjo Saksi', phone: '081299998888' }));
    unverified = await submit(validReport({ description: 'Jalan rusak depan rumah Bu Sumi nomor 12.', lat: -7.1628, lng: 111.5665 }));
    verified = await submit(validReport({ description: 'Jembatan kayu hampir putus, HP saya 081211112222.', lat: -7.16, lng: 111.57 }));
    kesehatan = await submit(validReport({ category: 'kesehatan', details: {}, description: 'Puskesmas pembantu tutup terus di desa kami.', lat: -7.15, lng: 111.55 }));
    formula = await submit(validReport({ description: '=HYPERLINK("http://evil.example","klik") jalan rusak parah', lat: -7.161, lng: 111.571 }));
    for (let i = 0; i < 3; i++) await submit(validReport({ kecamatan: '33.16.01', desa: '33.16.01.2001', description: `Jalan rusak di Bangkleyan, bagian ${i + 1}.` }));
    await deskAction(app, officer.cookie, verified.publicId, { type: 'verify' }).expect(200);
    await deskAction(app, officer.cookie, verified.publicId, { type: 'redact', text: 'Jembatan kayu hampir putus.' }).expect(200);
    await deskAction(app, officer.cookie, formula.publicId, { type: 'verify' }).expect(200);
    await deskAction(app, dinkes.cookie, kesehatan.publicId, { type: 'verify' }).expect(200);
  });
  after(() => app.close());

  it('data.json is a DCAT-US 1.1 catalogue (the schema CKAN harvests), licensed CC BY 4.0, with absolute links from PUBLIC_URL', async () => {
    const res = await get('/data/data.json').expect(200);
    assert.match(String(res.headers['content-type']), /application\/json/);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const validate = dcatUsValidator();
    assert.equal(validate(res.body), true, JSON.stringify(validate.errors, null, 1));
    assert.equal(res.body.dataset.length, DATASETS.length);
    for (const d of res.body.dataset) {
      assert.equal(d.license, 'https://creativecommons.org/licenses/by/4.0/');
      for (const dist of d.distribution) {
        assert.ok(dist.downloadURL.startsWith(`${BASE}/data/`), dist.downloadURL);
        await get(dist.downloadURL.slice(BASE.length)).expect(200);
      }
      assert.ok(d.describedBy.startsWith(`${BASE}/data/kamus/`));
    }
    assert.doesNotMatch(JSON.stringify(res.body), /127\.0\.0\.1|localhost/);
  });

  it('a data.json missing what DCAT-US requires is refused by the same validator (the test can fail)', async () => {
    const body = (await get('/data/data.json').expect(200)).body;
    const validate = dcatUsValidator();
    assert.equal(validate({ ...body, conformsTo: 'https://example.org/other' }), false);
    assert.equal(validate({ ...body, dataset: [{ ...body.dataset[0], accessLevel: 'secret' }] }), false);
  });

  it('every column of every file is described once, on the page and in its data dictionary, with type and unit', async () => {
    const page = (await get('/data').expect(200)).text;
    assert.match(page, /<html lang="id"/);
    assert.match(page, /CC BY 4\.0/);
    for (const d of DATASETS) {
      const names = d.columns.map((c) => c.name);
      assert.equal(new Set(names).size, names.length, `${d.id}: a column twice`);
      const kamus = (await get(`/data/kamus/${d.id}.json`).expect(200)).body;
      assert.deepEqual(kamus.fields.map((f: { name: string }) => f.name), names);
      for (const c of d.columns) {
        assert.ok(page.includes(`<code>${c.name}</code>`), `${c.name} not on the page`);
        assert.ok(c.definition && c.definitionEn && c.type);
      }
    }
    for (const [path, id] of [['/data/laporan.csv', 'laporan'], ['/data/jumlah-bulanan.csv', 'jumlah-bulanan'], ['/data/kinerja-dinas.csv', 'kinerja-dinas']] as const) {
      assert.deepEqual(csvRecords((await get(path).expect(200)).text).header, headerOf(id), path);
    }
    await get('/data/kamus/rahasia.json').expect(404);
  });

  it('a confidential report, a tracking code, a name and a phone appear in no download', async () => {
    for (const path of DOWNLOADS) {
      const text = (await get(path).expect(200)).text;
      assert.ok(!text.includes(confidential.publicId), `${path} lists the confidential report`);
      assert.doesNotMatch(text, /Harjo|menimbun|Sutrisno|0812|081211112222|3456/, path);
      for (const s of all) {
        assert.ok(!text.includes(s.code) && !text.includes(s.code.replace(/-/g, '')), `${path} carries a tracking code`);
      }
      assert.doesNotMatch(text, CODE_SHAPE, path);
    }
  });

  it('public reports: every listed report once, with Kemendagri codes; text only once verified and as redacted; the exact point only for a road report', async () => {
    const { records } = csvRecords((await get('/data/laporan.csv').expect(200)).text);
    const ids = records.map((r) => r.nomor_laporan);
    assert.equal(ids.length, all.length - 1, 'each listed report once, across pages of 2');
    assert.equal(new Set(ids).size, ids.length);
    const byId = new Map(records.map((r) => [r.nomor_laporan, r]));
    const v = byId.get(verified.publicId)!;
    assert.equal(v.isi, 'Jembatan kayu hampir putus.');
    assert.equal(v.kecamatan_kode, '33.16.05');
    assert.equal(v.desa_kode, '33.16.05.2001');
    assert.equal(v.desa, 'Gadon');
    assert.equal(v.tautan, `${BASE}/laporan/${verified.publicId}`);
    assert.deepEqual([v.lintang, v.bujur, v.titik_jenis], ['-7.16', '111.57', 'tepat']);
    assert.equal(byId.get(unverified.publicId)!.isi, '', 'text before verification');
    const k = byId.get(kesehatan.publicId)!;
    assert.equal(k.titik_jenis, 'pusat_desa');
    assert.notEqual(k.lintang, '-7.15');
    assert.ok(Number(k.lintang) < -6.8 && Number(k.bujur) > 111, 'the desa centroid, in Blora');
  });

  it('a cell that a spreadsheet would run as a formula is defused with an apostrophe', async () => {
    const text = (await get('/data/laporan.csv').expect(200)).text;
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""klik"") jalan rusak parah"`), 'guarded cell');
    assert.doesNotMatch(text, /(^|,)"=/m);
  });

  it('GeoJSON: a FeatureCollection of the same reports, a point as [lng, lat], the rest at the desa centroid', async () => {
    const res = await get('/data/laporan.geojson').expect(200);
    assert.match(String(res.headers['content-type']), /application\/geo\+json/);
    const fc = JSON.parse(res.text);
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(fc.features.length, all.length - 1);
    const v = fc.features.find((f: { id: string }) => f.id === verified.publicId);
    assert.deepEqual(v.geometry, { type: 'Point', coordinates: [111.57, -7.16] });
    assert.equal(v.properties.desa_kode, '33.16.05.2001');
    assert.equal(v.properties.lintang, undefined);
  });

  it('monthly counts: confidential reports counted, every count under 3 shown as "<3"', async () => {
    const { records } = csvRecords((await get('/data/jumlah-bulanan.csv').expect(200)).text);
    const pupuk = records.filter((r) => r.kategori_id === 'pupuk');
    assert.deepEqual(pupuk.map((r) => [r.kecamatan_kode, r.desa_kode, r.status_id, r.jumlah]), [['33.16.09', '33.16.09.2001', 'new', '<3']]);
    const bangkleyan = records.find((r) => r.desa_kode === '33.16.01.2001');
    assert.equal(bangkleyan?.jumlah, '3');
    assert.equal(bangkleyan?.kecamatan, 'Jati');
    assert.ok(records.every((r) => r.jumlah === '<3' || Number(r.jumlah) >= 3), 'no 1 or 2 anywhere');
    assert.ok(records.every((r) => /^\d{4}-\d{2}$/.test(r.bulan)));
  });

  it('monthly agency performance: reports, judged, answered on time and medians per agency, as /statistik counts them', async () => {
    const { records } = csvRecords((await get('/data/kinerja-dinas.csv').expect(200)).text);
    const dpupr = records.find((r) => r.dinas_id === 'dpupr')!;
    assert.equal(dpupr.laporan, '6');
    assert.equal(dpupr.dijawab_tepat_waktu, '2');
    assert.equal(dpupr.dinilai, '2');
    assert.equal(dpupr.persen_tepat_waktu, '100');
    assert.ok(Number(dpupr.median_jam_verifikasi) >= 0);
    assert.equal(records.find((r) => r.dinas_id === 'satgas-pupuk')?.laporan, '1', 'the confidential report is counted');
  });

  it('streams: the first bytes are written after one store page was read, not after the whole set', async () => {
    let pagesRead = 0;
    // The real store, each page read counted.
    const store: Pick<Store, 'listReports'> = { listReports: (q) => { pagesRead++; return app.deps.store.listReports(q); } };
    const chunks = publicReportsCsv({ ...app.deps, store });
    const header = await chunks.next();
    assert.match(String(header.value), /nomor_laporan/);
    assert.equal(pagesRead, 0, 'the header before any read');
    await chunks.next();
    assert.equal(pagesRead, 1, 'one page of EXPORT_PAGE_SIZE, then its rows');
    let rest = 0;
    for await (const _ of chunks) rest++;
    assert.equal(pagesRead, Math.ceil((all.length - 1) / 2));
    assert.equal(rest, pagesRead - 1);
  });

  it('a HEAD of a download answers its headers and no body', async () => {
    const res = await request(app.baseUrl).head('/data/laporan.csv').expect(200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    assert.equal(res.text, undefined);
  });

  it('refuses nothing it should not: unknown files are 404 in JSON, never a 5xx', async () => {
    await get('/data/rahasia.csv').expect(404);
    await get('/data/laporan.csv?x=%ZZ').expect(200);
  });
});
