// Store contract cases for citizen notifications (store.notify): the outbox written with its
// change, claims with a lease, settling and delivery statuses, contacts and opt-outs.
import assert from 'node:assert/strict';
import type { Report } from '../../../shared/types.ts';
import { eventFor } from '../../../server/reports/events.ts';
import type { OutboxMessage, ReporterContact } from '../../../server/store/notify-port.ts';
import { VersionConflictError } from '../../../server/store/port.ts';
import { assertRejects, commitOne, insert, makeReport, OFFICER, type ContractContext } from './fixtures.ts';

const T0 = '2026-11-02T01:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

function message(report: Report, version: number, overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: `${report.publicId}.${version}`, reportId: report.publicId, event: 'report.verified', channel: 'whatsapp', data: { agencyId: 'dpupr' },
    status: 'pending', attempts: 0, nextAttemptAt: T0, claimedUntil: null, providerId: null, problem: null, createdAt: T0, updatedAt: T0, ...overrides,
  };
}

function contact(report: Report, overrides: Partial<ReporterContact> = {}): ReporterContact {
  return { reportId: report.publicId, channel: 'whatsapp', address: '6281234567890', userId: false, recipientKey: '+6281234567890', codeSeal: 'sealed', createdAt: T0, ...overrides };
}

export function notifyCases(t: ContractContext): void {
  /** A report, then its verification with one outbox message: the state the senders start from. */
  async function verified(overrides: Partial<OutboxMessage> = {}): Promise<{ report: Report; message: OutboxMessage }> {
    const report = makeReport();
    await insert(t.store, report);
    const next: Report = { ...report, status: 'verified', version: 2 };
    const m = message(report, 2, overrides);
    await commitOne(t.store, { report: next, event: eventFor(next, 'report.verified', OFFICER), expectedVersion: 1, derived: [{ kind: 'outbox', message: m }] });
    return { report: next, message: m };
  }

  describe('notify: the outbox is written with its change', () => {
    it('commits the message with the change, and a refused change writes none', async () => {
      const { report, message: m } = await verified();
      assert.deepEqual(await t.store.notify.getOutbox(m.id), m);
      const stale: Report = { ...report, status: 'in_progress', version: 3 };
      await assertRejects(commitOne(t.store, {
        report: stale, event: eventFor(stale, 'report.started', OFFICER), expectedVersion: 1, derived: [{ kind: 'outbox', message: message(report, 3) }],
      }), VersionConflictError);
      assert.equal(await t.store.notify.getOutbox(`${report.publicId}.3`), null, 'nothing for a change that rolled back');
      assert.deepEqual((await t.store.notify.outboxOfReport(report.publicId)).map((x) => x.id), [m.id]);
    });

    it('keeps the reporter contact written with a new report, and pending messages, across close and reopen', async () => {
      const report = makeReport();
      await commitOne(t.store, { report, event: eventFor(report, 'report.created', { kind: 'citizen' }), expectedVersion: 0, derived: [{ kind: 'contact', contact: contact(report) }] });
      const { message: m } = await verified();
      const reopened = await t.reopen();
      assert.deepEqual(await reopened.notify.getContact(report.publicId), contact(report));
      assert.deepEqual((await reopened.notify.claimOutbox('whatsapp', at(1), at(61), 10)).map((x) => x.id), [m.id]);
    });
  });

  describe('notify: senders claim with a lease', () => {
    it('hands a due message to one claimant until its lease ends, counting each try, and only on its channel', async () => {
      const { message: a } = await verified({ nextAttemptAt: at(0) });
      const { message: later } = await verified({ nextAttemptAt: at(100) });
      const { message: sms } = await verified({ channel: 'sms' });
      const first = await t.store.notify.claimOutbox('whatsapp', at(1), at(61), 10);
      assert.deepEqual(first.map((x) => [x.id, x.attempts, x.claimedUntil]), [[a.id, 1, at(61)]], 'not the one due later, not the SMS');
      assert.deepEqual(await t.store.notify.claimOutbox('whatsapp', at(30), at(90), 10), [], 'held by the first claim');
      const retaken = await t.store.notify.claimOutbox('whatsapp', at(120), at(180), 10);
      assert.deepEqual(retaken.map((x) => [x.id, x.attempts]), [[a.id, 2], [later.id, 1]], 'a lease that ran out is taken over');
      assert.deepEqual((await t.store.notify.claimOutbox('sms', at(1), at(61), 10)).map((x) => x.id), [sms.id]);
    });

    it('settles a try: sent keeps the provider id; postponed comes back when due; failed and skipped are never claimed', async () => {
      const { message: ok } = await verified();
      const { message: later } = await verified();
      const { message: bad } = await verified();
      const { message: skip } = await verified();
      await t.store.notify.claimOutbox('whatsapp', at(1), at(61), 10);
      await t.store.notify.settleOutbox(ok.id, { status: 'sent', providerId: 'wamid.OK' }, at(2));
      await t.store.notify.settleOutbox(later.id, { status: 'pending', nextAttemptAt: at(50), problem: 'timeout' }, at(2));
      await t.store.notify.settleOutbox(bad.id, { status: 'failed', problem: 'graph_400' }, at(2));
      await t.store.notify.settleOutbox(skip.id, { status: 'skipped', problem: 'opted_out' }, at(2));
      const sent = await t.store.notify.getOutbox(ok.id);
      assert.deepEqual([sent?.status, sent?.providerId, sent?.claimedUntil], ['sent', 'wamid.OK', null]);
      assert.deepEqual(await t.store.notify.claimOutbox('whatsapp', at(10), at(70), 10), [], 'the postponed one is not due yet, and its lease is released');
      assert.deepEqual((await t.store.notify.claimOutbox('whatsapp', at(50), at(110), 10)).map((x) => [x.id, x.attempts]), [[later.id, 2]]);
      assert.equal((await t.store.notify.getOutbox(skip.id))?.problem, 'opted_out');
    });

    it('lets an officer retry a failed message only: its tries start again', async () => {
      const { message: m } = await verified();
      await t.store.notify.claimOutbox('whatsapp', at(1), at(61), 10);
      assert.equal(await t.store.notify.retryOutbox(m.id, at(2)), false, 'not failed yet');
      await t.store.notify.settleOutbox(m.id, { status: 'failed', problem: 'graph_500' }, at(2));
      assert.equal(await t.store.notify.retryOutbox(m.id, at(3)), true);
      const again = await t.store.notify.claimOutbox('whatsapp', at(4), at(64), 10);
      assert.deepEqual(again.map((x) => [x.id, x.attempts, x.problem]), [[m.id, 1, null]]);
    });
  });

  describe('notify: delivery statuses', () => {
    it('matches by outbox id or provider id, never moves back, and takes failed only over sent', async () => {
      const { message: m } = await verified();
      await t.store.notify.claimOutbox('whatsapp', at(1), at(61), 10);
      await t.store.notify.settleOutbox(m.id, { status: 'sent', providerId: 'wamid.X' }, at(2));
      assert.equal(await t.store.notify.recordDelivery({ providerId: 'wamid.X' }, 'read', at(3)), true);
      assert.equal(await t.store.notify.recordDelivery({ id: m.id }, 'delivered', at(4)), true);
      assert.equal((await t.store.notify.getOutbox(m.id))?.status, 'read', 'a late delivered does not undo read');
      assert.equal(await t.store.notify.recordDelivery({ providerId: 'wamid.unknown' }, 'read', at(5)), false);

      const { message: f } = await verified();
      await t.store.notify.claimOutbox('whatsapp', at(6), at(66), 10);
      await t.store.notify.settleOutbox(f.id, { status: 'sent', providerId: 'wamid.F' }, at(7));
      await t.store.notify.recordDelivery({ providerId: 'wamid.F' }, 'failed', at(8), 'whatsapp_131026');
      const failed = await t.store.notify.getOutbox(f.id);
      assert.deepEqual([failed?.status, failed?.problem], ['failed', 'whatsapp_131026']);
    });

    it('keeps a status that came before the send was recorded (matched by outbox id)', async () => {
      const { message: m } = await verified();
      await t.store.notify.claimOutbox('whatsapp', at(1), at(61), 10);
      await t.store.notify.recordDelivery({ id: m.id, providerId: 'wamid.EARLY' }, 'delivered', at(2));
      await t.store.notify.settleOutbox(m.id, { status: 'sent', providerId: 'wamid.EARLY' }, at(3));
      const stored = await t.store.notify.getOutbox(m.id);
      assert.deepEqual([stored?.status, stored?.providerId, stored?.claimedUntil], ['delivered', 'wamid.EARLY', null]);
    });
  });

  describe('notify: recipients', () => {
    it('flags a report whose reporter said BERHENTI, and clears it with MULAI', async () => {
      const report = makeReport();
      await commitOne(t.store, { report, event: eventFor(report, 'report.created', { kind: 'citizen' }), expectedVersion: 0, derived: [{ kind: 'contact', contact: contact(report) }] });
      assert.equal(await t.store.notify.reporterOptedOut(report.publicId), false);
      await t.store.notify.setOptOut('+6281234567890', true, at(1));
      assert.equal(await t.store.notify.reporterOptedOut(report.publicId), true);
      await t.store.notify.setOptOut('+6281234567890', false, at(2));
      assert.equal(await t.store.notify.reporterOptedOut(report.publicId), false);
      assert.equal(await t.store.notify.reporterOptedOut('TIDAKADA'), false);
    });

    it('keeps the latest inbound time, whatever order messages are noted in', async () => {
      await t.store.notify.noteInbound('+6281234567890', at(20));
      await t.store.notify.noteInbound('+6281234567890', at(10));
      assert.deepEqual(await t.store.notify.getRecipient('+6281234567890'), { key: '+6281234567890', optedOut: false, lastInboundAt: at(20) });
      await t.store.notify.setOptOut('+6281234567890', true, at(30));
      assert.deepEqual(await t.store.notify.getRecipient('+6281234567890'), { key: '+6281234567890', optedOut: true, lastInboundAt: at(20) });
      assert.equal(await t.store.notify.getRecipient('+6289999999999'), null);
    });
  });
}
