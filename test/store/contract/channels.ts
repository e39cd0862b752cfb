// Store contract cases for the messaging channels (store.channels): inbox, conversations, SMS queue.
// Called from runStoreContract, so every adapter is held to them.
import assert from 'node:assert/strict';
import { ConversationConflictError, type ConversationRecord, type InboundMessage } from '../../../server/store/channel-port.ts';
import type { ContractContext } from './fixtures.ts';

function inbound(messageId: string, overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    channel: 'whatsapp', messageId, sender: '6281234567890', sentAt: '2026-11-02T01:00:00.000Z', receivedAt: '2026-11-02T01:00:01.000Z',
    payload: { type: 'text', text: 'halo' }, status: 'pending', claimedUntil: null, reply: null, ...overrides,
  };
}

function conversation(overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  return { key: '6281234567890', channel: 'whatsapp', state: { step: 'menu' }, reports: [], applied: ['wamid.A'], updatedAt: '2026-11-02T01:00:00.000Z', version: 1, ...overrides };
}

export function channelContractCases(t: ContractContext): void {
  describe('channels: inbound inbox', () => {
    it('stores a message once: a redelivery with the same channel and id is refused and changes nothing', async () => {
      assert.equal(await t.store.channels.addInbound(inbound('wamid.A')), true);
      assert.equal(await t.store.channels.addInbound(inbound('wamid.A', { payload: { type: 'text', text: 'lain' } })), false);
      assert.deepEqual((await t.store.channels.getInbound('whatsapp', 'wamid.A'))?.payload, { type: 'text', text: 'halo' });
      // The same id on another channel is another message.
      assert.equal(await t.store.channels.addInbound(inbound('wamid.A', { channel: 'sms' })), true);
    });

    it('claims pending messages oldest first, holds them until the lease ends, and never hands out a done one', async () => {
      await t.store.channels.addInbound(inbound('b', { sentAt: '2026-11-02T01:00:02.000Z' }));
      await t.store.channels.addInbound(inbound('a', { sentAt: '2026-11-02T01:00:01.000Z' }));
      const first = await t.store.channels.claimInbound('2026-11-02T02:00:00.000Z', '2026-11-02T02:01:00.000Z', 10);
      assert.deepEqual(first.map((m) => m.messageId), ['a', 'b']);
      assert.deepEqual(await t.store.channels.claimInbound('2026-11-02T02:00:30.000Z', '2026-11-02T02:01:30.000Z', 10), [], 'held by the first claim');

      await t.store.channels.completeInbound('whatsapp', 'a', 'balasan');
      const retaken = await t.store.channels.claimInbound('2026-11-02T02:02:00.000Z', '2026-11-02T02:03:00.000Z', 10);
      assert.deepEqual(retaken.map((m) => m.messageId), ['b'], 'a lease that ran out is taken over; a done message is not');
      const done = await t.store.channels.getInbound('whatsapp', 'a');
      assert.equal(done?.status, 'done');
      assert.equal(done?.reply, 'balasan');
    });

    it('keeps pending messages and conversations across close and reopen', async () => {
      await t.store.channels.addInbound(inbound('wamid.crash'));
      await t.store.channels.putConversation(conversation(), 0);
      const reopened = await t.reopen();
      assert.deepEqual((await reopened.channels.claimInbound('2026-11-02T02:00:00.000Z', '2026-11-02T02:01:00.000Z', 10)).map((m) => m.messageId), ['wamid.crash']);
      assert.deepEqual(await reopened.channels.getConversation('6281234567890'), conversation());
    });
  });

  describe('channels: a turn and its message complete together', () => {
    it('writes the conversation and marks the message done in one step; a stale version does neither', async () => {
      await t.store.channels.addInbound(inbound('turn-1'));
      await t.store.channels.completeInbound('whatsapp', 'turn-1', null, { record: conversation(), expectedVersion: 0 });
      assert.equal((await t.store.channels.getInbound('whatsapp', 'turn-1'))?.status, 'done');
      assert.deepEqual(await t.store.channels.getConversation('6281234567890'), conversation());

      await t.store.channels.addInbound(inbound('turn-2'));
      await assert.rejects(t.store.channels.completeInbound('whatsapp', 'turn-2', null, { record: conversation({ version: 2 }), expectedVersion: 0 }), ConversationConflictError);
      assert.equal((await t.store.channels.getInbound('whatsapp', 'turn-2'))?.status, 'pending');
      assert.deepEqual(await t.store.channels.getConversation('6281234567890'), conversation());
    });
  });

  describe('channels: conversations', () => {
    it('creates, replaces over the version read, and refuses a stale version or a second create', async () => {
      assert.equal(await t.store.channels.getConversation('6281234567890'), null);
      await t.store.channels.putConversation(conversation(), 0);
      await assert.rejects(t.store.channels.putConversation(conversation({ state: { step: 'x' } }), 0), ConversationConflictError);

      const next = conversation({ state: { step: 'place' }, reports: ['ABCD-EFGH'], version: 2 });
      await t.store.channels.putConversation(next, 1);
      await assert.rejects(t.store.channels.putConversation(conversation({ version: 2 }), 1), ConversationConflictError);
      assert.deepEqual(await t.store.channels.getConversation('6281234567890'), next);
    });
  });

  describe('channels: outgoing SMS queue', () => {
    it('hands out queued messages oldest first until confirmed, and confirms only what was queued', async () => {
      await t.store.channels.enqueueSms({ uuid: 'u2', to: '+6281200000002', message: 'dua', createdAt: '2026-11-02T01:00:02.000Z' });
      await t.store.channels.enqueueSms({ uuid: 'u1', to: '+6281200000001', message: 'satu', createdAt: '2026-11-02T01:00:01.000Z' });
      assert.deepEqual((await t.store.channels.pendingSms(10)).map((m) => m.uuid), ['u1', 'u2']);
      assert.deepEqual(await t.store.channels.pendingSms(1), [{ uuid: 'u1', to: '+6281200000001', message: 'satu', createdAt: '2026-11-02T01:00:01.000Z' }]);

      assert.deepEqual((await t.store.channels.confirmSms(['u1', 'unknown'])).sort(), ['u1']);
      assert.deepEqual((await t.store.channels.pendingSms(10)).map((m) => m.uuid), ['u2']);
    });
  });
}
