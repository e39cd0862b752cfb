// An officer downloads their own agency's queue as CSV from the desk: the desk list's scope and
// filters, the reporter's contact only where the desk would show it, nothing of another agency,
// formula cells defused, and no tracking code.
import assert from 'node:assert/strict';
import request from 'supertest';
import { DEFAULT_FILTERS, exportUrl, toQuery } from '../../client/desk/filters.ts';
import { DESK_EXPORT_HEADER } from '../../server/desk/export.ts';
import { addAndLogin, deskAction, type Person } from '../helpers/desk.ts';
import { pupukReport, validReport } from '../helpers/fixtures.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { submitReport, type Submitted } from '../helpers/submit.ts';
import { csvRecords } from './csv.ts';

describe('desk: export the queue as CSV', () => {
  let app: RunningApp;
  let dpupr: Person;
  let satgas: Person;
  let camatCepu: Person;
  let named: Submitted;
  let anonymous: Submitted;
  let formula: Submitted;
  let pupuk: Submitted;
  let jati: Submitted;
  const exportCsv = (person: Person, query = '') => request(app.baseUrl).get(`/api/desk/reports/export.csv${query}`).set('Cookie', person.cookie);

  before(async () => {
    app = await startApp({ EXPORT_PAGE_SIZE: '2' });
    dpupr = await addAndLogin(app, 'pu1', 'officer', { agencyId: 'dpupr' });
    satgas = await addAndLogin(app, 'pupuk1', 'officer', { agencyId: 'satgas-pupuk' });
    camatCepu = await addAndLogin(app, 'camat-cepu', 'camat', { kecamatan: '33.16.05' });
    named = await submitReport(app.baseUrl, validReport({ name: 'Sutrisno', phone: '0812-3456-7890' }));
    anonymous = await submitReport(app.baseUrl, validReport({ anonymous: true, notifyConsent: true, name: 'Rahasia Sekali', phone: '0813-1111-2222', description: 'Jalan amblas di tikungan, tolong segera.' }));
    formula = await submitReport(app.baseUrl, validReport({ description: '@SUM(A1:A9) jalan rusak di depan pasar', name: '=cmd|calc', phone: '0812-0000-1111' }));
    jati = await submitReport(app.baseUrl, validReport({ kecamatan: '33.16.01', desa: '33.16.01.2001', description: 'Jalan rusak di Bangkleyan dekat sekolah.' }));
    pupuk = await submitReport(app.baseUrl, pupukReport({}, { description: 'Kios menimbun pupuk subsidi di gudang belakang.' }));
    await deskAction(app, dpupr.cookie, named.publicId, { type: 'verify' }).expect(200);
  });
  after(() => app.close());

  it('an officer gets their agency\'s reports only, every one across pages, with the contact the desk shows them', async () => {
    const res = await exportCsv(dpupr).expect(200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="antrean-/);
    const { header, records } = csvRecords(res.text);
    assert.deepEqual(header, DESK_EXPORT_HEADER);
    assert.deepEqual(records.map((r) => r.nomor_laporan).sort(), [named.publicId, anonymous.publicId, formula.publicId, jati.publicId].sort());
    const byId = new Map(records.map((r) => [r.nomor_laporan, r]));
    assert.equal(byId.get(named.publicId)?.nama_pelapor, 'Sutrisno');
    assert.match(byId.get(named.publicId)?.hp_pelapor ?? '', /3456/);
    assert.equal(byId.get(anonymous.publicId)?.nama_pelapor, '', 'an anonymous reporter kept for notifications is seen by no desk');
    assert.equal(byId.get(anonymous.publicId)?.hp_pelapor, '');
    assert.doesNotMatch(res.text, /Rahasia Sekali|1111-2222|menimbun/);
    for (const s of [named, anonymous, formula, jati, pupuk]) assert.ok(!res.text.includes(s.code), 'a tracking code in the export');
  });

  it('agency B\'s officer never gets agency A\'s reports, whatever the filters ask', async () => {
    for (const query of ['', '?category=jalan', '?kecamatan=33.16.05', `?q=${named.publicId}`, '?status=new,verified,in_progress,resolved,rejected,duplicate']) {
      const { records } = csvRecords((await exportCsv(satgas, query).expect(200)).text);
      assert.ok(records.every((r) => r.nomor_laporan === pupuk.publicId), `${query}: ${records.map((r) => r.nomor_laporan)}`);
    }
    const camat = csvRecords((await exportCsv(camatCepu).expect(200)).text).records;
    assert.ok(!camat.some((r) => r.nomor_laporan === jati.publicId), 'a camat gets their own kecamatan only');
    assert.equal(csvRecords((await exportCsv(camatCepu, '?kecamatan=33.16.01').expect(200)).text).records.length, 0);
  });

  it('applies the desk list\'s filters: status, kecamatan, search text', async () => {
    const verified = csvRecords((await exportCsv(dpupr, '?status=verified').expect(200)).text).records;
    assert.deepEqual(verified.map((r) => r.nomor_laporan), [named.publicId]);
    const inJati = csvRecords((await exportCsv(dpupr, '?kecamatan=33.16.01').expect(200)).text).records;
    assert.deepEqual(inJati.map((r) => [r.nomor_laporan, r.kecamatan_kode, r.desa_kode, r.desa]), [[jati.publicId, '33.16.01', '33.16.01.2001', 'Bangkleyan']]);
    const found = csvRecords((await exportCsv(dpupr, '?q=amblas').expect(200)).text).records;
    assert.deepEqual(found.map((r) => r.nomor_laporan), [anonymous.publicId]);
    await exportCsv(dpupr, '?status=hilang').expect(422);
  });

  it('defuses formula cells, the reporter\'s name included', async () => {
    const text = (await exportCsv(dpupr).expect(200)).text;
    assert.ok(text.includes(`"'@SUM(A1:A9) jalan rusak di depan pasar"`));
    assert.ok(text.includes(`"'=cmd|calc"`));
    assert.doesNotMatch(text, /(^|,)"[=@+-]/m);
  });

  it('the desk\'s download link, built from its filters, answers the reports the desk lists under them, in order', async () => {
    for (const filters of [DEFAULT_FILTERS, { ...DEFAULT_FILTERS, status: '', kecamatan: '33.16.05' }, { ...DEFAULT_FILTERS, q: 'jalan' }]) {
      const listed = (await request(app.baseUrl).get(`/api/desk/reports?${toQuery(filters)}`).set('Cookie', dpupr.cookie).expect(200)).body.items.map((i: { publicId: string }) => i.publicId);
      const exported = csvRecords((await request(app.baseUrl).get(exportUrl(filters)).set('Cookie', dpupr.cookie).expect(200)).text).records.map((r) => r.nomor_laporan);
      assert.ok(listed.length > 0);
      assert.deepEqual(exported, listed, JSON.stringify(filters));
    }
  });

  it('needs a signed-in desk user', async () => {
    await request(app.baseUrl).get('/api/desk/reports/export.csv').expect(401);
  });
});
