import assert from 'node:assert/strict';
import { signatureOf } from '../../server/channels/whatsapp/signature.ts';
import { Citizen, withChannelsApp, messageObject, postWebhook, textOf, WA, wamid, webhookBody } from './whatsapp-helpers.ts';

describe('WhatsApp webhook: verification, signatures, the inbox', () => {
  const t = withChannelsApp();

  it("answers Meta's verification GET with the challenge for the right token, and 403 in Indonesian for a wrong one", async () => {
    const ok = await fetch(`${t.app.baseUrl}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${WA.verifyToken}&hub.challenge=1158201444`);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), '1158201444');

    const wrong = await fetch(`${t.app.baseUrl}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=tebakan&hub.challenge=1158201444`);
    assert.equal(wrong.status, 403);
    const body = await wrong.json();
    assert.equal(body.error.code, 'verify_token_mismatch');
    assert.match(body.error.message, /Token verifikasi/);
  });

  for (const c of [
    { title: 'without a signature', signature: null },
    { title: 'with a signature made with another secret', signature: signatureOf('bukan-rahasianya', '{}') },
    { title: 'with a malformed signature', signature: 'sha256=xyz' },
  ]) {
    it(`refuses a POST ${c.title} with 401 naming invalid_signature, and stores and answers nothing`, async () => {
      const before = t.fake.sent.length;
      const id = wamid();
      const res = await postWebhook(t.app, webhookBody({ phone: '6281234500001' }, [messageObject({ phone: '6281234500001' }, { type: 'text', text: 'halo' }, { id })]), c.signature);
      assert.equal(res.status, 401);
      assert.equal((await res.json()).error.code, 'invalid_signature');
      await t.app.channels.worker.idle;
      assert.equal(await t.app.deps.store.channels.getInbound('whatsapp', id), null);
      assert.equal(t.fake.sent.length, before);
    });
  }

  it('refuses a body signed correctly but altered on the way (the signature is over the raw bytes)', async () => {
    const raw = JSON.stringify(webhookBody({ phone: '6281234500002' }, [messageObject({ phone: '6281234500002' }, { type: 'text', text: 'halo' })]));
    const res = await fetch(`${t.app.baseUrl}/webhooks/whatsapp`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signatureOf(WA.appSecret, raw) }, body: raw.replace('halo', 'hali'),
    });
    assert.equal(res.status, 401);
  });

  it('answers a greeting with the category menu as an interactive list of at most 10 rows, sent with recipient_type and the bearer token', async () => {
    const citizen = new Citizen(t.app, t.fake, { phone: '6281234500003', name: 'Pak Darmo' });
    const replies = await citizen.send({ type: 'text', text: 'Halo' });
    const menu = replies.find((m) => (m.body.interactive as { type?: string } | undefined)?.type === 'list');
    assert.ok(menu, 'a list was sent');
    assert.equal(menu.phoneNumberId, WA.phoneNumberId);
    assert.equal(menu.body.messaging_product, 'whatsapp');
    assert.equal(menu.body.recipient_type, 'individual');
    assert.equal(menu.body.to, '6281234500003');
    const rows = (menu.body.interactive as { action: { sections: { rows: { id: string; title: string }[] }[] } }).action.sections.flatMap((s) => s.rows);
    assert.ok(rows.length <= 10);
    assert.ok(rows.every((r) => r.title.length <= 24));
    assert.ok(rows.some((r) => r.id === 'cat:pupuk') && rows.some((r) => r.id === 'cat:jalan'));
    assert.match(textOf(replies[0]), /Selamat datang/);
  });

  it('takes a redelivered message once: the second delivery stores nothing and is not answered again', async () => {
    const from = { phone: '6281234500004' };
    const id = wamid();
    const body = webhookBody(from, [messageObject(from, { type: 'text', text: 'Halo' }, { id })]);
    const citizen = new Citizen(t.app, t.fake, from);
    const first = await postWebhook(t.app, body);
    assert.deepEqual(await first.json(), { received: 1, stored: 1 });
    const answered = await citizen.replies();
    assert.ok(answered.length >= 1);

    const again = await postWebhook(t.app, body);
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), { received: 1, stored: 0 });
    assert.deepEqual(await citizen.replies(), []);
  });

  it('keys a citizen without a phone number on the business-scoped user id and answers through `recipient`', async () => {
    const citizen = new Citizen(t.app, t.fake, { userId: 'ID.13491208655302741918', name: 'Tanpa Nomor' });
    const replies = await citizen.send({ type: 'text', text: 'halo' });
    assert.ok(replies.length >= 1);
    assert.ok(replies.every((m) => m.body.recipient === 'ID.13491208655302741918' && m.body.to === undefined));
    assert.ok(await t.app.deps.store.channels.getConversation('ID.13491208655302741918'));
  });

  it('ignores webhooks for another phone number id and status updates, answering 200 so Meta does not retry', async () => {
    const body = webhookBody({ phone: '6281234500005' }, [messageObject({ phone: '6281234500005' }, { type: 'text', text: 'halo' })]);
    const change = (body.entry as { changes: { value: { metadata: { phone_number_id: string } } }[] }[])[0].changes[0];
    change.value.metadata.phone_number_id = '999';
    const res = await postWebhook(t.app, body);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { received: 0, stored: 0 });

    const statuses = await postWebhook(t.app, {
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: WA.displayPhone, phone_number_id: WA.phoneNumberId }, statuses: [{ id: wamid(), status: 'delivered', timestamp: '1749416383', recipient_id: '6281234500005' }] } }] }],
    });
    assert.equal(statuses.status, 200);
  });

  it('answers a sticker with what it can read, and a reaction with nothing', async () => {
    const from = { phone: '6281234500006' };
    const citizen = new Citizen(t.app, t.fake, from);
    await citizen.send({ type: 'text', text: 'halo' });
    const sticker = { ...messageObject(from, { type: 'text', text: 'x' }), type: 'sticker', text: undefined, sticker: { id: '123', mime_type: 'image/webp', animated: false } };
    await postWebhook(t.app, webhookBody(from, [sticker]));
    assert.match(textOf((await citizen.replies())[0]), /teks, foto, atau lokasi/);
    const reaction = { ...messageObject(from, { type: 'text', text: 'x' }), type: 'reaction', text: undefined, reaction: { message_id: citizen.lastId(), emoji: '👍' } };
    const res = await postWebhook(t.app, webhookBody(from, [reaction]));
    assert.deepEqual(await res.json(), { received: 0, stored: 0 });
    assert.deepEqual(await citizen.replies(), []);
  });

  it('refuses a signed body that is not JSON, or not a webhook, with a 400 naming the problem', async () => {
    const raw = 'bukan json';
    const notJson = await fetch(`${t.app.baseUrl}/webhooks/whatsapp`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signatureOf(WA.appSecret, raw) }, body: raw });
    assert.equal(notJson.status, 400);
    assert.equal((await notJson.json()).error.code, 'invalid_json');
    const shapeless = await postWebhook(t.app, { entry: 'x' });
    assert.equal(shapeless.status, 400);
    assert.equal((await shapeless.json()).error.code, 'invalid_webhook');
  });
});
