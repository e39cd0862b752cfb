// The desk's view of the messages to a reporter: delivery status and why one failed, the
// BERHENTI flag, never the number or the code; a failed one sent again by those allowed.
import assert from 'node:assert/strict';
import request from 'supertest';
import type { DeskNotifications } from '../../shared/notifications.ts';
import type { FakeGraphApi } from '../../server/channels/whatsapp/fake-graph-api.ts';
import { startWithChannels } from '../channels/whatsapp-helpers.ts';
import { addAndLogin, deskAction, type Person } from '../helpers/desk.ts';
import type { RunningApp } from '../helpers/start-app.ts';
import { reporterOn, whatsappNotices, type Reporter } from './helpers.ts';

describe('the desk sees what the reporter was told', function () {
  this.timeout(60_000);
  let app: RunningApp;
  let fake: FakeGraphApi;
  let officer: Person;
  let reporter: Reporter & { citizen?: { send: (s: { type: 'text'; text: string }) => Promise<unknown> } };

  const list = (who: Person, publicId = reporter.publicId) => request(app.baseUrl)
    .get(`/api/desk/reports/${publicId}/notifications`).set('Cookie', who.cookie).set('Origin', app.baseUrl);
  const retry = (who: Person, id: string, publicId = reporter.publicId) => request(app.baseUrl)
    .post(`/api/desk/reports/${publicId}/notifications/${encodeURIComponent(id)}/retry`).set('Cookie', who.cookie).set('Origin', app.baseUrl).send({});

  before(async () => {
    ({ app, fake } = await startWithChannels({ env: { NOTIFY_BACKOFF_SECONDS: '0', NOTIFY_MAX_ATTEMPTS: '2' } }));
    officer = await addAndLogin(app, 'petugas-meja-kabar', 'officer', { agencyId: 'dpupr' });
    reporter = await reporterOn(app, fake, 'whatsapp', new Date());
    fake.failNext = 2;
    await deskAction(app, officer.cookie, reporter.publicId, { type: 'verify' }).expect(200);
    await app.channels.notifier!.drained();
  });
  after(async () => {
    await app.close();
    await fake.close();
  });

  it('shows a failed message with its reason in Indonesian, and neither the number nor the tracking code', async () => {
    const res = await list(officer).expect(200);
    const body = res.body as DeskNotifications;
    assert.equal(body.optedOut, false);
    assert.equal(body.canRetry, true);
    assert.deepEqual(body.messages.map((m) => [m.event, m.channel, m.status, m.attempts]), [['report.verified', 'whatsapp', 'failed', 2]]);
    assert.match(body.messages[0].problem ?? '', /WhatsApp menolak pesan \(HTTP 503\)/);
    const raw = JSON.stringify(res.body);
    assert.ok(!raw.includes(reporter.phone.slice(2)), 'no number');
    assert.ok(!raw.includes(reporter.code), 'no tracking code');
  });

  it('refuses the retry to a camat and an executive (403) and hides the report from another agency (404)', async () => {
    const [failed] = (await list(officer).expect(200)).body.messages as DeskNotifications['messages'];
    const camat = await addAndLogin(app, 'camat-cepu-kabar', 'camat', { kecamatan: '33.16.05' });
    const executive = await addAndLogin(app, 'sekda-kabar', 'executive');
    const other = await addAndLogin(app, 'petugas-dinkes-kabar', 'officer', { agencyId: 'dinkes' });
    assert.equal((await list(camat).expect(200)).body.canRetry, false);
    await retry(camat, failed.id).expect(403);
    await retry(executive, failed.id).expect(403);
    await list(other).expect(404);
    await retry(other, failed.id).expect(404);
    assert.equal((await app.deps.store.notify.getOutbox(failed.id))?.status, 'failed', 'nothing changed');
  });

  it('sends a failed message again when the officer retries it, once', async () => {
    const [failed] = (await list(officer).expect(200)).body.messages as DeskNotifications['messages'];
    const res = await retry(officer, failed.id).expect(200);
    assert.equal((res.body as DeskNotifications).messages[0].status, 'pending');
    assert.equal((await whatsappNotices(app, fake, reporter.publicId)).length, 1);
    assert.equal((await list(officer).expect(200)).body.messages[0].status, 'sent');
    const again = await retry(officer, failed.id).expect(409);
    assert.match(again.body.error.message, /Hanya kabar yang gagal/);
    await retry(officer, 'TIDAKADA.9').expect(404);
  });

  it('shows that the reporter said BERHENTI, as a flag', async () => {
    await reporter.citizen!.send({ type: 'text', text: 'BERHENTI' });
    assert.equal((await list(officer).expect(200)).body.optedOut, true);
  });
});
