// Moderation of what the public sees: an officer redacts a report's text and hides or
// publishes each photo, each an event in the report's timeline; the public photo route follows.
import assert from 'node:assert/strict';
import request from 'supertest';
import { addAndLogin, deskAction, type Person } from '../helpers/desk.ts';
import { validReport } from '../helpers/fixtures.ts';
import { submitReport } from '../helpers/submit.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

describe('moderation of a report’s public text and photos', () => {
  let app: RunningApp;
  let officer: Person;
  let camat: Person;

  const submitWithPhotos = async (body: Record<string, unknown>, photos = 2): Promise<string> => (await submitReport(app.baseUrl, body, photos)).publicId;
  const view = async (person: Person, id: string) => (await request(app.baseUrl).get(`/api/desk/reports/${id}`).set('Cookie', person.cookie).expect(200)).body;
  const photoStatus = async (photoId: string) => (await request(app.baseUrl).get(`/media/${photoId}.jpg`)).status;

  before(async () => {
    app = await startApp();
    officer = await addAndLogin(app, 'petugas.pu', 'officer', { agencyId: 'dpupr' });
    camat = await addAndLogin(app, 'camat.cepu', 'camat', { kecamatan: '33.16.05' });
  });
  after(() => app.close());

  it('keeps photos off the public route until the report is verified, then serves them', async () => {
    const id = await submitWithPhotos(validReport({ kecamatan: '33.16.05', desa: '33.16.05.2001' }));
    const [first] = (await view(officer, id)).photos;
    assert.equal(await photoStatus(first.id), 404, 'unverified');
    await deskAction(app, officer.cookie, id, { type: 'verify' }).expect(200);
    assert.equal(await photoStatus(first.id), 200, 'verified');
  });

  it('an officer hides one photo and publishes it again; each is a timeline event and the public route follows', async () => {
    const id = await submitWithPhotos(validReport({ kecamatan: '33.16.05', desa: '33.16.05.2001' }));
    await deskAction(app, officer.cookie, id, { type: 'verify' }).expect(200);
    const [first, second] = (await view(officer, id)).photos;

    const hidden = (await deskAction(app, officer.cookie, id, { type: 'hide_photo', photoId: first.id }).expect(200)).body.report;
    assert.deepEqual(hidden.photos.map((p: { hidden?: boolean }) => Boolean(p.hidden)), [true, false]);
    assert.equal(await photoStatus(first.id), 404, 'hidden photo');
    assert.equal((await request(app.baseUrl).get(`/media/${first.id}.thumb.jpg`)).status, 404, 'hidden thumbnail');
    assert.equal(await photoStatus(second.id), 200, 'the other photo stays public');
    assert.deepEqual(hidden.allowedActions.filter((a: string) => a.endsWith('_photo')), ['hide_photo', 'publish_photo']);
    await request(app.baseUrl).get(first.url).set('Cookie', officer.cookie).expect(200); // the desk still sees it

    await deskAction(app, officer.cookie, id, { type: 'hide_photo', photoId: first.id }).expect(422);
    const shown = (await deskAction(app, officer.cookie, id, { type: 'publish_photo', photoId: first.id }).expect(200)).body.report;
    assert.equal(await photoStatus(first.id), 200, 'published again');
    const types = shown.timeline.map((e: { type: string }) => e.type);
    assert.deepEqual(types.slice(-2), ['report.photo_hidden', 'report.photo_published']);
    assert.deepEqual(shown.timeline.at(-2).data, { photoId: first.id });
  });

  it('an officer redacts the text: the desk keeps the citizen’s words and sees the public version; the event carries neither', async () => {
    const id = (await request(app.baseUrl).post('/api/reports')
      .send(validReport({ kecamatan: '33.16.05', desa: '33.16.05.2001', description: 'Jalan berlubang depan rumah Pak Sutrisno, HP 081234567890.' })).expect(201)).body.publicId;
    const report = (await deskAction(app, officer.cookie, id, { type: 'redact', text: 'Jalan berlubang depan rumah warga.' }).expect(200)).body.report;
    assert.equal(report.description, 'Jalan berlubang depan rumah Pak Sutrisno, HP 081234567890.');
    assert.equal(report.publicDescription, 'Jalan berlubang depan rumah warga.');
    const event = report.timeline.at(-1);
    assert.equal(event.type, 'report.redacted');
    assert.doesNotMatch(JSON.stringify(event), /Sutrisno|0812|warga\./);
  });

  it('refuses an empty redaction with 422 in Indonesian, a camat with 403, and a photo of another report with 422; nothing changes', async () => {
    const id = await submitWithPhotos(validReport({ kecamatan: '33.16.05', desa: '33.16.05.2001' }), 1);
    const other = await submitWithPhotos(validReport({ kecamatan: '33.16.05', desa: '33.16.05.2001' }), 1);
    const otherPhoto = (await view(officer, other)).photos[0].id;
    const empty = await deskAction(app, officer.cookie, id, { type: 'redact', text: '  ' }).expect(422);
    assert.equal(empty.body.error.fieldCodes.text, 'redacted_text_required');
    assert.match(empty.body.error.fields.text, /publik/);
    await deskAction(app, camat.cookie, id, { type: 'redact', text: 'Jalan rusak.' }).expect(403);
    const foreign = await deskAction(app, officer.cookie, id, { type: 'hide_photo', photoId: otherPhoto }).expect(422);
    assert.equal(foreign.body.error.fieldCodes.photoId, 'invalid_photo');
    const after = await view(officer, id);
    assert.equal(after.publicDescription, null);
    assert.deepEqual(after.timeline.map((e: { type: string }) => e.type), ['report.created']);
  });

  it('offers no moderation on a confidential report, and refuses it with 409', async () => {
    const satgas = await addAndLogin(app, 'satgas.m', 'officer', { agencyId: 'satgas-pupuk' });
    const id = (await request(app.baseUrl).post('/api/reports').send({
      category: 'pupuk', description: 'Pupuk urea dijual di atas HET di kios desa.', kecamatan: '33.16.05', desa: '33.16.05.2001',
      details: { fertiliserType: 'urea', problems: ['stok_kosong'] },
    }).expect(201)).body.publicId;
    const desk = await view(satgas, id);
    assert.equal(desk.confidential, true);
    assert.deepEqual(desk.allowedActions.filter((a: string) => ['redact', 'hide_photo', 'publish_photo'].includes(a)), []);
    await deskAction(app, satgas.cookie, id, { type: 'redact', text: 'Pupuk mahal.' }).expect(409);
  });
});
