import { hashTrackingCode } from '../../server/reports/tracking-code.ts';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { queueSms } from '../../server/channels/sender.ts';
import { addAndLogin, deskAction } from '../helpers/desk.ts';
import { getJson } from '../helpers/http.ts';
import type { RunningApp } from '../helpers/start-app.ts';
import { Citizen, codeIn, withChannelsApp, SMS_SECRET, textOf } from './whatsapp-helpers.ts';

function smsForm(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams({ secret: SMS_SECRET, sent_to: '+6281100000000', sent_timestamp: String(Date.now()), device_id: '1', ...fields });
}

async function postSms(app: RunningApp, fields: Record<string, string>, query = ''): Promise<{ status: number; body: any }> {
  const res = await fetch(`${app.baseUrl}/webhooks/sms${query}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: smsForm(fields) });
  return { status: res.status, body: await res.json() };
}

describe('SMS through SMSSync, and the one-message format', () => {
  const t = withChannelsApp();

  it('creates a report from LAPOR#JALAN#CEPU#BALUN#… at once, answers inline with the code in one SMS, details recorded as not given', async () => {
    const id = randomUUID();
    const { status, body } = await postSms(t.app, { from: '+6281234570001', message: 'lapor#jalan#cepu#balun#Jalan berlubang besar di depan SD', message_id: id });
    assert.equal(status, 200);
    assert.equal(body.payload.success, true);
    assert.equal(body.payload.task, 'send');
    const [reply] = body.payload.messages;
    assert.equal(reply.to, '+6281234570001');
    assert.ok(reply.message.length <= 160, reply.message);
    const code = codeIn(reply.message);
    const report = await t.app.deps.store.getReportByCodeHash(hashTrackingCode(code));
    assert.ok(report);
    assert.deepEqual([report.channel, report.category, report.agencyId, report.kecamatan, report.desa], ['sms', 'jalan', 'dpupr', '33.16.05', '33.16.05.1013']);
    assert.deepEqual(report.details, { notGiven: true });
    assert.equal(report.reporterPhone, '+6281234570001');
    // The desk sees where it came in and that the details were not given (shown as "rincian belum diisi").
    const officer = await addAndLogin(t.app, 'petugas-dpupr-sms', 'officer', { agencyId: 'dpupr' });
    const view = await getJson(t.app, `/api/desk/reports/${report.publicId}`, { Cookie: officer.cookie });
    assert.equal(view.status, 200);
    assert.equal(view.body.channel, 'sms');
    assert.deepEqual(view.body.details, { notGiven: true });

    // SMSSync delivers the same SMS again (it did not see our answer): the same reply, no second report.
    const again = await postSms(t.app, { from: '+6281234570001', message: 'lapor#jalan#cepu#balun#Jalan berlubang besar di depan SD', message_id: id });
    assert.equal(again.body.payload.messages[0].message, reply.message);
    assert.equal((await t.app.deps.store.scanReports({ limit: 100 })).filter((r) => r.publicId !== report.publicId && r.desa === '33.16.05.1013' && r.category === 'jalan').length, 0);

    // CEK#kode answers the status; CEK alone the reports from this number.
    const check = await postSms(t.app, { from: '+6281234570001', message: `CEK#${code}`, message_id: randomUUID() });
    assert.match(check.body.payload.messages[0].message, new RegExp(`Laporan ${report.publicId}: Baru`));
    const mine = await postSms(t.app, { from: '+6281234570001', message: 'cek', message_id: randomUUID() });
    assert.match(mine.body.payload.messages[0].message, new RegExp(`${report.publicId}: Baru`));
  });

  for (const c of [
    { title: 'an unknown category', message: 'LAPOR#SAMPAH#CEPU#BALUN#Sampah menumpuk di pasar', reply: /Kategori "SAMPAH" tidak dikenal\. Pilih: PUPUK, JALAN/ },
    { title: 'an unknown kecamatan', message: 'LAPOR#JALAN#SURABAYA#BALUN#Jalan berlubang besar', reply: /Kecamatan "SURABAYA" tidak dikenal\. Pilih: .*CEPU/ },
    { title: 'a desa not in that kecamatan', message: 'LAPOR#JALAN#CEPU#KUNDURAN#Jalan berlubang besar', reply: /Desa "KUNDURAN" tidak jelas di Kec\. Cepu\. Pilih: .*BALUN/ },
    { title: 'a description too short', message: 'LAPOR#JALAN#CEPU#BALUN#rusak', reply: /isi terlalu pendek/ },
    { title: 'missing parts', message: 'LAPOR#JALAN#CEPU', reply: /Bagian kurang \(2 dari 4\)/ },
  ]) {
    it(`answers ${c.title} with a reply naming the part and the choices, within 160 characters, and creates nothing`, async () => {
      const before = (await t.app.deps.store.scanReports({ limit: 1000 })).length;
      const { body } = await postSms(t.app, { from: '+6281234570002', message: c.message, message_id: randomUUID() });
      const reply: string = body.payload.messages[0].message;
      assert.match(reply, c.reply);
      assert.ok(reply.length <= 160, `${reply.length}: ${reply}`);
      assert.equal((await t.app.deps.store.scanReports({ limit: 1000 })).length, before);
    });
  }

  it('answers anything else with the format, in one SMS', async () => {
    const { body } = await postSms(t.app, { from: '+6281234570003', message: 'tolong jalan rusak', message_id: randomUUID() });
    assert.match(body.payload.messages[0].message, /LAPOR#kategori#kecamatan#desa#isi/);
    assert.ok(body.payload.messages[0].message.length <= 160);
  });

  it('refuses an incoming SMS with a wrong or missing secret: 403, success false, nothing stored or created', async () => {
    const id = randomUUID();
    for (const secret of ['tebakan-rahasia-salah', '']) {
      const res = await fetch(`${t.app.baseUrl}/webhooks/sms`, {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ from: '+6281234570004', message: 'LAPOR#JALAN#CEPU#BALUN#Jalan berlubang besar', message_id: id, ...(secret ? { secret } : {}) }),
      });
      assert.equal(res.status, 403);
      const body = await res.json();
      assert.equal(body.payload.success, false);
      assert.equal(body.error.code, 'invalid_secret');
    }
    assert.equal(await t.app.deps.store.channels.getInbound('sms', id), null);
  });

  it('hands queued SMS to the gateway on task=send and forgets them on task=sent, only with the secret', async () => {
    const uuid = await queueSms(t.app.deps, '+6281234570005', 'Laporan ABCD-EFGH-JKMN sudah *selesai*.');
    const wrong = await fetch(`${t.app.baseUrl}/webhooks/sms?task=send&secret=salah`);
    assert.equal(wrong.status, 403);
    const none = await fetch(`${t.app.baseUrl}/webhooks/sms?task=send`);
    assert.equal(none.status, 403);
    assert.doesNotMatch(await none.text(), /ABCD/);

    const polled = await (await fetch(`${t.app.baseUrl}/webhooks/sms?task=send&secret=${SMS_SECRET}`)).json();
    assert.deepEqual(polled.payload.messages, [{ to: '+6281234570005', message: 'Laporan ABCD-EFGH-JKMN sudah selesai.', uuid }]);

    const wrongAck = await fetch(`${t.app.baseUrl}/webhooks/sms?task=sent&secret=salah`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ queued_messages: [uuid] }) });
    assert.equal(wrongAck.status, 403);
    const ack = await (await fetch(`${t.app.baseUrl}/webhooks/sms?task=sent&secret=${SMS_SECRET}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ queued_messages: [uuid, 'tidak-dikenal'] }) })).json();
    assert.deepEqual(ack, { message_uuids: [uuid] });
    const after = await (await fetch(`${t.app.baseUrl}/webhooks/sms?task=send&secret=${SMS_SECRET}`)).json();
    assert.deepEqual(after.payload.messages, []);
  });

  it('refuses an SMS without its fields with 400, in Indonesian', async () => {
    const { status, body } = await postSms(t.app, { from: '+6281234570006' });
    assert.equal(status, 400);
    assert.equal(body.error.code, 'invalid_webhook');
    assert.match(body.error.message, /format/);
  });

  it('lets the agency complete the details a one-line report lacked, checked against the category, and only then', async () => {
    const { body } = await postSms(t.app, { from: '+6281234570008', message: 'LAPOR#PUPUK#CEPU#BALUN#Urea dijual Rp 150.000 per sak di kios desa', message_id: randomUUID() });
    const report = await t.app.deps.store.getReportByCodeHash(hashTrackingCode(codeIn(body.payload.messages[0].message)));
    assert.ok(report);
    const id = report.publicId;
    const officer = await addAndLogin(t.app, 'petugas-pupuk-lengkap', 'officer', { agencyId: 'satgas-pupuk' });
    const camat = await addAndLogin(t.app, 'camat-cepu-lengkap', 'camat', { kecamatan: '33.16.05' });
    const before = await getJson(t.app, `/api/desk/reports/${id}`, { Cookie: officer.cookie });
    assert.ok(before.body.allowedActions.includes('complete_details'));

    await deskAction(t.app, camat.cookie, id, { type: 'complete_details', details: { fertiliserType: 'urea', problems: ['di_atas_het'] } }).expect(403);
    const bad = await deskAction(t.app, officer.cookie, id, { type: 'complete_details', details: { fertiliserType: 'emas', problems: ['di_atas_het'] } }).expect(422);
    assert.ok('details.fertiliserType' in bad.body.error.fields, JSON.stringify(bad.body));

    // As the desk form sends it: every value a string.
    await deskAction(t.app, officer.cookie, id, { type: 'complete_details', details: { fertiliserType: 'urea', problems: 'di_atas_het', quantity: '1', unit: 'bag', price: '150000', priceUnit: 'bag' } }).expect(200);
    const after = await getJson(t.app, `/api/desk/reports/${id}`, { Cookie: officer.cookie });
    assert.equal(after.body.details.fertiliserType, 'urea');
    assert.equal(after.body.details.overHetPerKg, 1200, 'the HET check runs on completed details too');
    assert.ok(!after.body.allowedActions.includes('complete_details'), 'given details are not completed again');
    assert.equal(after.body.timeline.at(-1).data.detailsCompleted, true);
  });

  it('takes the one-message format on WhatsApp too, with the full receipt', async () => {
    const citizen = new Citizen(t.app, t.fake, { phone: '6281234570007', name: 'Mbah Wiryo' });
    const r = await citizen.send({ type: 'text', text: 'LAPOR#PUPUK#Cepu#Balun#Stok urea kosong di semua kios sejak dua minggu' });
    const code = codeIn(textOf(r.at(-1)!));
    const report = await t.app.deps.store.getReportByCodeHash(hashTrackingCode(code));
    assert.deepEqual([report?.channel, report?.category, report?.confidential], ['whatsapp', 'pupuk', true]);
    assert.deepEqual(report?.details, { notGiven: true });
    const check = await citizen.send({ type: 'text', text: `CEK#${code}` });
    assert.match(textOf(check.at(-1)!), /\*Baru\*/);
  });
});
