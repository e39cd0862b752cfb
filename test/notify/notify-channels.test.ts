// The citizen hears back (issue 15): every event of the table, on each channel the reporter came
// from; nothing for internal events; WhatsApp's 24-hour window; BERHENTI and MULAI; a Graph
// API that times out, then recovers.
import assert from 'node:assert/strict';
import request from 'supertest';
import type { FakeGraphApi, SentMessage } from '../../server/channels/whatsapp/fake-graph-api.ts';
import { startWithChannels, textOf } from '../channels/whatsapp-helpers.ts';
import { addAndLogin, deskAction, type Person } from '../helpers/desk.ts';
import type { RunningApp } from '../helpers/start-app.ts';
import { confirmSms, pollSms, postSms, reporterOn, templateParamsOf, whatsappNotices, type Channel, type Reporter } from './helpers.ts';

const PUBLIC = 'https://lapor.example.go.id';
const HOUR = 3600_000;

interface Case {
  title: string;
  /** Brings the report to where the action applies (none: as submitted). */
  before?: Record<string, unknown>[];
  act: (t: Ctx, r: Reporter) => Promise<void>;
  /** What the free text (WhatsApp in the window, SMS) says beside the code. */
  says: (r: Reporter, t: Ctx) => string;
  /** {{2}} of the template. */
  status: string;
}

interface Ctx { app: RunningApp; fake: FakeGraphApi; officer: Person; head: Person; original: string }

const action = (body: Record<string, unknown>) => async (t: Ctx, r: Reporter) => {
  await deskAction(t.app, t.officer.cookie, r.publicId, body).expect(200);
};

const REPLY = `Terima kasih. Tim kami sudah meninjau lokasi.\nPenambalan dijadwalkan minggu depan; ${'mohon bersabar. '.repeat(20)}`;

const CASES: Case[] = [
  { title: 'verified', act: action({ type: 'verify' }), says: () => 'sudah diverifikasi dan ditangani Dinas Pekerjaan Umum', status: 'sudah diverifikasi' },
  { title: 'started', act: action({ type: 'start' }), says: () => 'sedang dikerjakan oleh Dinas Pekerjaan Umum', status: 'sedang dikerjakan' },
  { title: 'forwarded (to which agency, not the desk note)', act: action({ type: 'forward', agencyId: 'dinkes', note: 'catatan internal meja' }), says: () => 'diteruskan ke Dinas Kesehatan', status: 'diteruskan ke Dinas Kesehatan' },
  { title: "replied (the officer's reply in full)", act: action({ type: 'reply', message: REPLY }), says: () => REPLY.trim(), status: 'ada balasan petugas' },
  { title: 'resolved (with the note)', act: action({ type: 'resolve', note: 'Lubang sudah ditambal.' }), says: () => 'Catatan petugas: Lubang sudah ditambal.', status: 'selesai' },
  { title: 'rejected (with the reason)', act: action({ type: 'reject', reason: 'Jalan ini milik provinsi.' }), says: () => 'Alasan: Jalan ini milik provinsi.', status: 'ditolak' },
  { title: "duplicate (pointing to the original's public page)", act: async (t, r) => action({ type: 'duplicate', of: t.original })(t, r), says: (_r, t) => `${PUBLIC}/laporan/${t.original}`, status: 'digabung dengan laporan lain' },
  {
    title: 'reopened (by the citizen)', before: [{ type: 'resolve', note: 'Sudah.' }],
    act: async (t, r) => {
      await request(t.app.baseUrl).post(`/api/reports/${r.code}/feedback`).send({ reopen: true, reason: 'Masih berlubang di sisi timur.' }).expect(200);
    },
    says: () => 'dibuka kembali dan dikerjakan lagi oleh Dinas Pekerjaan Umum', status: 'dibuka kembali',
  },
];

describe('the reporter hears back on their own channel', function () {
  this.timeout(60_000);
  let now = Date.now();
  let app: RunningApp;
  let fake: FakeGraphApi;
  let ctx: Ctx;

  before(async () => {
    ({ app, fake } = await startWithChannels({
      clock: () => new Date(now),
      env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000', WHATSAPP_TEMPLATE_STATUS: 'status_laporan', NOTIFY_BACKOFF_SECONDS: '0', NOTIFY_SEND_TIMEOUT_SECONDS: '1', NOTIFY_MAX_ATTEMPTS: '3' },
    }));
    const officer = await addAndLogin(app, 'petugas-kabar', 'officer', { agencyId: 'dpupr' });
    const head = await addAndLogin(app, 'kepala-kabar', 'agency_admin', { agencyId: 'dpupr' });
    const original = await reporterOn(app, fake, 'web', new Date(now));
    ctx = { app, fake, officer, head, original: original.publicId };
  });
  after(async () => {
    await app.close();
    await fake.close();
  });

  /** What this reporter received since `from` (WhatsApp messages or SMS handed to the gateway). */
  async function received(r: Reporter, from: number): Promise<{ whatsapp: SentMessage[]; sms: { message: string; uuid: string }[] }> {
    const whatsapp = (await whatsappNotices(app, fake, r.publicId)).filter((m) => fake.sent.indexOf(m) >= from);
    const sms = (await pollSms(app)).filter((m) => m.uuid.startsWith(`${r.publicId}.`));
    if (sms.length) await confirmSms(app, sms.map((m) => m.uuid));
    return { whatsapp, sms };
  }

  for (const channel of ['whatsapp', 'sms', 'web'] as Channel[]) {
    describe(`a report that came by ${channel}`, () => {
      for (const c of CASES) {
        it(`when it is ${c.title}, the reporter gets one message naming it by its tracking code`, async () => {
          const r = await reporterOn(app, fake, channel, new Date(now));
          for (const body of c.before ?? []) await action(body)(ctx, r);
          const earlier = await received(r, 0);
          const from = fake.sent.length;
          await c.act(ctx, r);
          const got = await received(r, from);
          const expected = c.says(r, ctx);
          if (channel === 'sms') {
            assert.equal(got.whatsapp.length, 0);
            assert.equal(got.sms.length, 1, `one SMS (had ${earlier.sms.length} before)`);
            assert.ok(got.sms[0].message.includes(r.code), got.sms[0].message);
            assert.ok(got.sms[0].message.includes(expected), got.sms[0].message);
            assert.ok(!got.sms[0].message.includes('*'), 'no WhatsApp markup in an SMS');
          } else if (channel === 'whatsapp') {
            assert.equal(got.whatsapp.length, 1);
            const [m] = got.whatsapp;
            assert.equal(m.body.to, r.phone);
            assert.equal(m.body.type, 'text', 'the citizen wrote just now: free text');
            assert.ok(textOf(m).includes(r.code) && textOf(m).includes(expected), textOf(m));
            assert.ok(!textOf(m).includes('catatan internal meja'));
          } else {
            // From the web form, the citizen never wrote on WhatsApp: only the approved template.
            assert.equal(got.whatsapp.length, 1);
            const [m] = got.whatsapp;
            assert.equal(m.body.to, r.phone);
            assert.equal(m.body.type, 'template');
            const params = templateParamsOf(m);
            assert.equal(params[0], r.code);
            assert.equal(params[1], c.status);
            assert.ok(!params.some((p) => /[\n\t]| {5}/.test(p)), 'template parameters hold no newline, tab or five spaces');
          }
        });
      }

      it('sends nothing for a note, an assignment or a redaction', async () => {
        const r = await reporterOn(app, fake, channel, new Date(now));
        const from = fake.sent.length;
        await action({ type: 'note', text: 'Cek lokasi besok.' })(ctx, r);
        await deskAction(app, ctx.head.cookie, r.publicId, { type: 'assign', userId: ctx.officer.user.id }).expect(200);
        await action({ type: 'redact', text: 'Jalan berlubang.' })(ctx, r);
        const got = await received(r, from);
        assert.deepEqual([got.whatsapp.length, got.sms.length], [0, 0]);
        assert.deepEqual(await app.deps.store.notify.outboxOfReport(r.publicId), []);
      });
    });
  }

  it('sends free text within 24 hours of the citizen\'s last message, and the template after', async () => {
    const r = await reporterOn(app, fake, 'whatsapp', new Date(now));
    now += 23 * HOUR;
    await action({ type: 'verify' })(ctx, r);
    const inside = await whatsappNotices(app, fake, r.publicId);
    assert.deepEqual(inside.map((m) => m.body.type), ['text']);
    now += 2 * HOUR;
    await action({ type: 'start' })(ctx, r);
    const outside = await whatsappNotices(app, fake, r.publicId);
    assert.deepEqual(outside.map((m) => m.body.type), ['text', 'template']);
    const template = outside[1].body.template as { name: string; language: { code: string } };
    assert.deepEqual([template.name, template.language.code], ['status_laporan', 'id']);
    // The citizen writes again: the window opens again.
    await r.citizen!.send({ type: 'text', text: 'cek' }, { timestamp: Math.floor(now / 1000) });
    await action({ type: 'resolve', note: 'Selesai ditambal.' })(ctx, r);
    assert.deepEqual((await whatsappNotices(app, fake, r.publicId)).map((m) => m.body.type), ['text', 'template', 'text']);
  });

  it('stops after BERHENTI (the desk sees the flag, not the number) and starts again after MULAI', async () => {
    const r = await reporterOn(app, fake, 'whatsapp', new Date(now));
    const stopped = await r.citizen!.send({ type: 'text', text: 'BERHENTI' }, { timestamp: Math.floor(now / 1000) });
    assert.match(textOf(stopped[0]), /tidak akan kami kirim lagi/);
    await action({ type: 'verify' })(ctx, r);
    assert.equal((await whatsappNotices(app, fake, r.publicId)).length, 0);
    const [skipped] = await app.deps.store.notify.outboxOfReport(r.publicId);
    assert.deepEqual([skipped.status, skipped.problem], ['skipped', 'opted_out']);
    assert.equal(await app.deps.store.notify.reporterOptedOut(r.publicId), true);

    await r.citizen!.send({ type: 'text', text: 'mulai' }, { timestamp: Math.floor(now / 1000) });
    await action({ type: 'start' })(ctx, r);
    assert.equal((await whatsappNotices(app, fake, r.publicId)).length, 1);
    assert.equal(await app.deps.store.notify.reporterOptedOut(r.publicId), false);
  });

  it('BERHENTI by SMS stops the SMS to that number too, and MULAI starts them', async () => {
    const r = await reporterOn(app, fake, 'sms', new Date(now));
    assert.match(await postSms(app, `+${r.phone}`, 'berhenti'), /tidak akan kami kirim lagi/);
    await action({ type: 'verify' })(ctx, r);
    assert.deepEqual((await pollSms(app)).filter((m) => m.uuid.startsWith(r.publicId)), []);
    assert.match(await postSms(app, `0${r.phone.slice(2)}`, 'MULAI'), /akan kami kirim lagi/);
    await action({ type: 'start' })(ctx, r);
    const sms = (await pollSms(app)).filter((m) => m.uuid.startsWith(r.publicId));
    assert.equal(sms.length, 1, JSON.stringify(await app.deps.store.notify.outboxOfReport(r.publicId)));
    assert.deepEqual(await confirmSms(app, sms.map((m) => m.uuid)), [sms[0].uuid]);
    assert.deepEqual((await app.deps.store.notify.outboxOfReport(r.publicId)).map((m) => m.status), ['skipped', 'sent']);
  });

  it('sends once through a Graph API that times out, then answers 503, then recovers', async () => {
    const r = await reporterOn(app, fake, 'whatsapp', new Date(now));
    fake.hangNext = 1;
    fake.failNext = 1;
    const received = fake.received;
    await action({ type: 'verify' })(ctx, r);
    const sent = await whatsappNotices(app, fake, r.publicId);
    assert.equal(sent.length, 1, 'sent once');
    assert.equal(fake.received - received, 3, 'tried three times: timeout, 503, sent');
    const [m] = await app.deps.store.notify.outboxOfReport(r.publicId);
    assert.deepEqual([m.status, m.attempts, m.providerId], ['sent', 3, sent[0].id]);
  });

  it('marks a message failed after the last try, and records WhatsApp\'s delivery statuses by the id sent along', async () => {
    const r = await reporterOn(app, fake, 'whatsapp', new Date(now));
    fake.failNext = 3;
    await action({ type: 'verify' })(ctx, r);
    await app.channels.notifier!.drained();
    const [failed] = await app.deps.store.notify.outboxOfReport(r.publicId);
    assert.deepEqual([failed.status, failed.attempts, failed.problem], ['failed', 3, 'graph_503']);

    await action({ type: 'start' })(ctx, r);
    const [sent] = await whatsappNotices(app, fake, r.publicId);
    const { postWebhook } = await import('../channels/whatsapp-helpers.ts');
    const status = (s: string, extra: Record<string, unknown> = {}) => ({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', statuses: [{ id: sent.id, status: s, timestamp: String(Math.floor(now / 1000)), recipient_id: r.phone, ...extra }] } }] }],
    });
    const outboxId = sent.body.biz_opaque_callback_data;
    await postWebhook(app, status('delivered', { biz_opaque_callback_data: outboxId }));
    await postWebhook(app, status('read'));
    await postWebhook(app, status('delivered'));
    const stored = await app.deps.store.notify.getOutbox(String(outboxId));
    assert.equal(stored?.status, 'read');
  });
});
