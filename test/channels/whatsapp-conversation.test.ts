import { hashTrackingCode } from '../../server/reports/tracking-code.ts';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { LEASE_MS } from '../../server/channels/inbox-worker.ts';
import type { FakeGraphApi, SentMessage } from '../../server/channels/whatsapp/fake-graph-api.ts';
import { placeOfPoint } from '../../server/places/places.ts';
import { addAndLogin, openDesk, waitFor } from '../helpers/desk.ts';
import type { RunningApp } from '../helpers/start-app.ts';
import { Citizen, codeIn, withChannelsApp, messageObject, optionIds, postWebhook, startWithChannels, textOf, wamid, webhookBody } from './whatsapp-helpers.ts';

function last(messages: SentMessage[]): SentMessage {
  const m = messages.at(-1);
  assert.ok(m, 'the hotline answered');
  return m;
}

async function jpeg(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 120, b: 60 } } }).jpeg().toBuffer();
}

/** A point that the shipped boundaries place in a desa (its centroid, where that lies inside it). */
function pointInDesa(app: RunningApp): { lat: number; lng: number; desa: string; kecamatan: string } {
  for (const d of app.deps.catalog.places.boundaries.desa ?? []) {
    const found = placeOfPoint(app.deps.catalog.places, d.centroid.lat, d.centroid.lng);
    if (found?.desa?.code === d.code) return { ...d.centroid, desa: d.code, kecamatan: found.kecamatan.code };
  }
  throw new Error('no desa contains its centroid');
}

describe('WhatsApp conversation: a citizen reports without leaving the app', () => {
  const t = withChannelsApp();

  it('a farmer reports overpriced urea: typed village, fertiliser fields, HET said at once, a photo, confidential by default; Satgas Pupuk gets it live', async () => {
    const officer = await addAndLogin(t.app, 'petugas-pupuk-wa', 'officer', { agencyId: 'satgas-pupuk' });
    const desk = openDesk(t.app, officer.cookie);
    await desk.connected;
    const farmer = new Citizen(t.app, t.fake, { phone: '6281234560001', name: 'Pak Karto' });

    await farmer.send({ type: 'text', text: 'assalamualaikum' });
    let r = await farmer.tap('cat:pupuk');
    assert.equal((last(r).body.interactive as { type: string }).type, 'location_request_message');

    r = await farmer.send({ type: 'text', text: 'balun cepu' }, { contextId: 'last' });
    assert.match(textOf(last(r)), /Desa Balun, Kec\. Cepu/);
    r = await farmer.tap('yes');
    assert.deepEqual(optionIds(last(r)).slice(0, 2), ['ft:urea', 'ft:npk']);
    r = await farmer.tap('ft:urea');
    r = await farmer.tap('pp:di_atas_het');
    assert.match(textOf(last(r)), /kios/i);
    r = await farmer.send({ type: 'text', text: 'Kios Tani Makmur' });
    r = await farmer.send({ type: 'text', text: '2 sak' });
    r = await farmer.send({ type: 'text', text: 'Rp 150.000 per sak' });
    // 150,000 per 50 kg bag = Rp 3,000/kg against the urea HET of Rp 1,800/kg (Kepmentan 1117/2025).
    assert.match(textOf(r[0]), /Rp 3\.000\/kg, \*di atas HET\* Rp 1\.800\/kg/);
    assert.match(textOf(last(r)), /Ceritakan/);
    r = await farmer.send({ type: 'text', text: 'Kios menjual urea bersubsidi jauh di atas HET dan memaksa beli paket.' });
    assert.deepEqual(optionIds(last(r)), ['photos:done', 'photos:none']);

    const mediaId = t.fake.addMedia(await jpeg(), 'image/jpeg');
    r = await farmer.send({ type: 'image', mediaId, caption: 'nota' });
    assert.match(textOf(r[0]), /Foto 1 diterima/);
    r = await farmer.tap('photos:done');
    assert.match(textOf(last(r)), /Disarankan/);
    r = await farmer.tap('conf:yes');
    r = await farmer.tap('anon:no');
    const summary = textOf(last(r));
    assert.match(summary, /Pupuk langka\/mahal/);
    assert.match(summary, /Kios Tani Makmur/);
    assert.match(summary, /Foto: 1/);
    r = await farmer.tap('sum:send');

    const receipt = textOf(last(r));
    const code = codeIn(receipt);
    assert.match(receipt, new RegExp(`https://lapor\\.example\\.go\\.id/lacak/${code}`));
    const report = await t.app.deps.store.getReportByCodeHash(hashTrackingCode(code));
    assert.ok(report);
    assert.equal(report.channel, 'whatsapp');
    assert.equal(report.agencyId, 'satgas-pupuk');
    assert.equal(report.desa, '33.16.05.1013');
    assert.equal(report.confidential, true);
    assert.equal(report.reporterPhone, '+6281234560001');
    assert.equal(report.reporterName, 'Pak Karto');
    assert.equal(report.photos.length, 1);
    assert.deepEqual(
      { ...report.details },
      { fertiliserType: 'urea', problems: ['di_atas_het'], kioskName: 'Kios Tani Makmur', quantity: 2, unit: 'bag', price: 150000, priceUnit: 'bag', pricePerKg: 3000, hetPerKg: 1800, overHetPerKg: 1200, overHetPercent: 66.7 },
    );
    await waitFor(() => desk.received.some((e) => e.type === 'report.created' && e.report.publicId === report.publicId));
    desk.socket.close();
  });

  it('a villager reports a road by sharing a location: confirmed with buttons, damage and severity, anonymous; DPUPR gets it live', async () => {
    const officer = await addAndLogin(t.app, 'petugas-dpupr-wa', 'officer', { agencyId: 'dpupr' });
    const desk = openDesk(t.app, officer.cookie);
    await desk.connected;
    const point = pointInDesa(t.app);
    const villager = new Citizen(t.app, t.fake, { phone: '6281234560002', name: 'Bu Sri' });

    await villager.send({ type: 'text', text: 'halo' });
    await villager.tap('cat:jalan');
    let r = await villager.send({ type: 'location', lat: point.lat, lng: point.lng }, { contextId: 'last' });
    assert.match(textOf(last(r)), new RegExp(`Desa ${t.app.deps.catalog.desaName(point.desa)}, Kec\\. ${t.app.deps.catalog.kecamatanName(point.kecamatan)}\\. Benar\\?`));
    assert.deepEqual(optionIds(last(r)), ['yes', 'no']);
    r = await villager.tap('yes');
    assert.ok(optionIds(last(r)).includes('dm:berlubang'));
    r = await villager.tap('dm:berlubang');
    assert.deepEqual(optionIds(last(r)), ['sv:1', 'sv:2', 'sv:3']);
    await villager.tap('sv:3');
    await villager.send({ type: 'text', text: 'Lubang besar di depan SD, motor sering jatuh.' });
    r = await villager.tap('photos:none');
    assert.doesNotMatch(textOf(last(r)), /Disarankan/);
    await villager.tap('conf:no');
    await villager.tap('anon:yes');
    r = await villager.tap('sum:send');

    const code = codeIn(textOf(last(r)));
    const report = await t.app.deps.store.getReportByCodeHash(hashTrackingCode(code));
    assert.ok(report);
    assert.equal(report.channel, 'whatsapp');
    assert.equal(report.agencyId, 'dpupr');
    assert.deepEqual([report.kecamatan, report.desa, report.lat, report.lng], [point.kecamatan, point.desa, point.lat, point.lng]);
    assert.deepEqual(report.details, { damageType: 'berlubang', severity: 3 });
    assert.equal(report.anonymous, true);
    assert.equal(report.confidential, false);
    await waitFor(() => desk.received.some((e) => e.type === 'report.created' && e.report.publicId === report.publicId));
    desk.socket.close();

    // CEK with the code answers its status; CEK alone lists what this number sent.
    r = await villager.send({ type: 'text', text: `cek ${code.toLowerCase()}` });
    assert.match(textOf(last(r)), new RegExp(`${report!.publicId}: \\*Baru\\*`));
    r = await villager.send({ type: 'text', text: 'CEK' });
    assert.match(textOf(last(r)), new RegExp(`Laporan dari nomor ini:\\n• Laporan ${report!.publicId}`));
  });

  it('answers a tap on an older question with the current question, changing nothing', async () => {
    const citizen = new Citizen(t.app, t.fake, { phone: '6281234560003' });
    await citizen.send({ type: 'text', text: 'halo' });
    const menuId = citizen.lastId();
    await citizen.tap('cat:jalan');
    const before = await t.app.deps.store.channels.getConversation('6281234560003');

    const r = await citizen.send({ type: 'choice', id: 'cat:pupuk', title: 'Pupuk', list: true }, { contextId: menuId });
    assert.match(textOf(r[0]), /pertanyaan sebelumnya/);
    assert.equal((last(r).body.interactive as { type: string }).type, 'location_request_message');
    const after = await t.app.deps.store.channels.getConversation('6281234560003');
    assert.deepEqual((after?.state as { draft: unknown }).draft, (before?.state as { draft: unknown }).draft);
  });

  it('processes messages delivered out of order in one batch in the order they were sent', async () => {
    const from = { phone: '6281234560004' };
    const citizen = new Citizen(t.app, t.fake, from);
    await citizen.send({ type: 'text', text: 'halo' });
    const now = Math.floor(Date.now() / 1000);
    const chooseJalan = messageObject(from, { type: 'choice', id: 'cat:jalan', title: 'Jalan rusak', list: true }, { timestamp: now + 1 });
    const typePlace = messageObject(from, { type: 'text', text: 'Balun, Cepu' }, { timestamp: now + 2 });
    const res = await postWebhook(t.app, webhookBody(from, [typePlace, chooseJalan]));
    assert.equal(res.status, 200);
    const r = await citizen.replies();
    assert.match(textOf(last(r)), /Desa Balun, Kec\. Cepu\. Benar\?/);
  });

  it('BATAL cancels and MENU starts again', async () => {
    const citizen = new Citizen(t.app, t.fake, { phone: '6281234560005' });
    await citizen.send({ type: 'text', text: 'halo' });
    await citizen.tap('cat:kesehatan');
    let r = await citizen.send({ type: 'text', text: 'batal' });
    assert.match(textOf(last(r)), /dibatalkan/);
    assert.equal((await t.app.deps.store.channels.getConversation('6281234560005'))?.state, null);
    r = await citizen.send({ type: 'text', text: 'MENU' });
    assert.ok(optionIds(last(r)).includes('cat:pupuk'));
  });

  it('refuses a photo larger than MAX_PHOTO_SIZE when it arrives, by asking the media endpoint, and keeps the conversation where it was', async () => {
    const citizen = new Citizen(t.app, t.fake, { phone: '6281234560006' });
    await citizen.send({ type: 'text', text: 'halo' });
    await citizen.tap('cat:lainnya');
    const big = t.fake.addMedia(Buffer.alloc(t.app.deps.config.maxPhotoBytes + 1, 1), 'image/jpeg');
    const r = await citizen.send({ type: 'image', mediaId: big });
    assert.match(textOf(r[0]), /Foto terlalu besar \(maksimal 10 MB\)/);
    const state = (await t.app.deps.store.channels.getConversation('6281234560006'))?.state as { draft: { photos: string[] } };
    assert.deepEqual(state.draft.photos, []);
  });
});

describe('WhatsApp conversation across time and restarts', () => {
  let fake: FakeGraphApi;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-wa-'));
  });
  afterEach(async () => {
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a conversation survives a restart of the server in the middle, and the next process finishes it', async () => {
    let started = await startWithChannels({ dataDir });
    fake = started.fake;
    let citizen = new Citizen(started.app, fake, { phone: '6281234560010' });
    await citizen.send({ type: 'text', text: 'halo' });
    await citizen.tap('cat:lainnya');
    await citizen.send({ type: 'text', text: 'Balun, Cepu' }, { contextId: 'last' });
    await citizen.tap('yes');
    await started.app.close();

    started = await startWithChannels({ dataDir, fake });
    citizen = new Citizen(started.app, fake, { phone: '6281234560010' });
    await citizen.send({ type: 'text', text: 'Lampu penerangan jalan desa mati sebulan.' });
    await citizen.tap('photos:none');
    await citizen.tap('conf:no');
    await citizen.tap('anon:no');
    const r = await citizen.tap('sum:send');
    const code = codeIn(textOf(last(r)));
    assert.equal((await started.app.deps.store.getReportByCodeHash(hashTrackingCode(code)))?.desa, '33.16.05.1013');
    await started.app.close();
  });

  it('a message stored but not yet processed when the process died is answered by the next process once its lease ran out, once', async () => {
    let started = await startWithChannels({ dataDir });
    fake = started.fake;
    started.app.channels.worker.stop(); // the process dies right after answering 200
    const from = { phone: '6281234560011' };
    const id = wamid();
    const res = await postWebhook(started.app, webhookBody(from, [messageObject(from, { type: 'text', text: 'halo' }, { id })]));
    assert.equal(res.status, 200);
    assert.equal(fake.sent.filter((m) => m.body.to === from.phone).length, 0);
    await started.app.close();

    // The dead process held the message for LEASE_MS; the next one starts after that.
    started = await startWithChannels({ dataDir, fake, clock: () => new Date(Date.now() + LEASE_MS + 1000) });
    const citizen = new Citizen(started.app, fake, from);
    const r = await citizen.replies();
    assert.ok(optionIds(last(r)).includes('cat:pupuk'));
    assert.equal((await started.app.deps.store.channels.getInbound('whatsapp', id))?.status, 'done');
    // Meta redelivers the same message later: nothing new.
    await postWebhook(started.app, webhookBody(from, [messageObject(from, { type: 'text', text: 'halo' }, { id })]));
    assert.deepEqual(await citizen.replies(), []);
    await started.app.close();
  });

  it('a conversation left for 24 hours expires: the next message says so and starts again', async () => {
    let now = Date.parse('2026-11-02T02:00:00Z');
    const started = await startWithChannels({ dataDir, clock: () => new Date(now) });
    fake = started.fake;
    const citizen = new Citizen(started.app, fake, { phone: '6281234560012' });
    await citizen.send({ type: 'text', text: 'halo' });
    await citizen.tap('cat:jalan');
    now += 24 * 60 * 60 * 1000;
    const r = await citizen.send({ type: 'text', text: 'Balun, Cepu' });
    assert.match(textOf(r[0]), /lebih dari 24 jam/);
    assert.ok(optionIds(last(r)).includes('cat:jalan'));
    await started.app.close();
  });
});

describe('WhatsApp while the Graph API is down', () => {
  it('keeps the message pending when the replies cannot be sent, and answers it once the API is back and the lease has run out', async () => {
    let now = Date.now();
    const { app, fake } = await startWithChannels({ clock: () => new Date(now) });
    try {
      const from = { phone: '6281234560020' };
      const citizen = new Citizen(app, fake, from);
      fake.failSendsWith = 503;
      const id = wamid();
      await postWebhook(app, webhookBody(from, [messageObject(from, { type: 'text', text: 'halo' }, { id })]));
      assert.deepEqual(await citizen.replies(), []);
      assert.equal((await app.deps.store.channels.getInbound('whatsapp', id))?.status, 'pending');

      fake.failSendsWith = null;
      now += LEASE_MS + 1000;
      await app.channels.worker.sweep();
      const r = await citizen.replies();
      assert.ok(optionIds(last(r)).includes('cat:pupuk'));
      assert.equal((await app.deps.store.channels.getInbound('whatsapp', id))?.status, 'done');
    } finally {
      await app.close();
      await fake.close();
    }
  });
});
