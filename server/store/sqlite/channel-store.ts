import type Database from 'better-sqlite3';
import type { GroupCommit } from './group-commit.ts';
import {
  ConversationConflictError, type ChannelId, type ChannelStore, type ConversationRecord, type InboundMessage, type OutgoingSms,
} from '../channel-port.ts';

/**
 * The channels' tables in the same SQLite file as the reports (migration 007-channels).
 * Writes are group-committed like reports: those of one tick of the event loop share one
 * transaction and one fsync, each in its own savepoint (one refused write does not undo its
 * neighbours). Every acknowledged write is on disk. A webhook burst would otherwise pay one
 * fsync per message, each blocking the event loop.
 */
export class SqliteChannelStore implements ChannelStore {
  /** `commits` is the store's one group commit (server/store/sqlite/group-commit.ts). */
  constructor(private readonly db: Database.Database, private readonly commits: GroupCommit) {}

  addInbound(message: InboundMessage): Promise<boolean> {
    return this.commits.run(() => this.db.prepare(`INSERT INTO channel_inbox (channel, message_id, sent_at, status, claimed_until, doc)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(channel, message_id) DO NOTHING`)
      .run(message.channel, message.messageId, message.sentAt, message.status, message.claimedUntil, JSON.stringify(message)).changes === 1);
  }

  async getInbound(channel: ChannelId, messageId: string): Promise<InboundMessage | null> {
    const doc = this.db.prepare('SELECT doc FROM channel_inbox WHERE channel = ? AND message_id = ?').pluck().get(channel, messageId);
    return typeof doc === 'string' ? (JSON.parse(doc) as InboundMessage) : null;
  }

  async claimInbound(now: string, until: string, limit: number): Promise<InboundMessage[]> {
    // One immediate transaction: another process claiming at the same time waits for the lock
    // and then sees these as held.
    return this.db.transaction(() => {
      const docs = this.db.prepare(`SELECT doc FROM channel_inbox WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until < ?)
        ORDER BY sent_at, message_id LIMIT ?`).pluck().all(now, limit) as string[];
      const claimed = docs.map((doc) => ({ ...(JSON.parse(doc) as InboundMessage), claimedUntil: until }));
      const update = this.db.prepare('UPDATE channel_inbox SET claimed_until = ?, doc = ? WHERE channel = ? AND message_id = ?');
      for (const m of claimed) update.run(until, JSON.stringify(m), m.channel, m.messageId);
      return claimed;
    }).immediate();
  }

  completeInbound(channel: ChannelId, messageId: string, reply: string | null, conversation?: { record: ConversationRecord; expectedVersion: number }): Promise<void> {
    return this.commits.run(() => {
      if (conversation) this.writeConversation(conversation.record, conversation.expectedVersion);
      const doc = this.db.prepare('SELECT doc FROM channel_inbox WHERE channel = ? AND message_id = ?').pluck().get(channel, messageId);
      if (typeof doc !== 'string') return;
      const done: InboundMessage = { ...(JSON.parse(doc) as InboundMessage), status: 'done', claimedUntil: null, reply };
      this.db.prepare("UPDATE channel_inbox SET status = 'done', claimed_until = NULL, doc = ? WHERE channel = ? AND message_id = ?")
        .run(JSON.stringify(done), channel, messageId);
    });
  }

  async getConversation(key: string): Promise<ConversationRecord | null> {
    const doc = this.db.prepare('SELECT doc FROM conversations WHERE key = ?').pluck().get(key);
    return typeof doc === 'string' ? (JSON.parse(doc) as ConversationRecord) : null;
  }

  putConversation(record: ConversationRecord, expectedVersion: number): Promise<void> {
    return this.commits.run(() => this.writeConversation(record, expectedVersion));
  }

  private writeConversation(record: ConversationRecord, expectedVersion: number): void {
    const doc = JSON.stringify(record);
    const result = expectedVersion === 0
      ? this.db.prepare('INSERT INTO conversations (key, version, doc) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING').run(record.key, record.version, doc)
      : this.db.prepare('UPDATE conversations SET version = ?, doc = ? WHERE key = ? AND version = ?').run(record.version, doc, record.key, expectedVersion);
    if (result.changes !== 1) throw new ConversationConflictError(record.key);
  }

  enqueueSms(sms: OutgoingSms): Promise<void> {
    return this.commits.run(() => void this.db.prepare('INSERT INTO sms_outgoing (uuid, created_at, doc) VALUES (?, ?, ?) ON CONFLICT(uuid) DO NOTHING')
      .run(sms.uuid, sms.createdAt, JSON.stringify(sms)));
  }

  async pendingSms(limit: number): Promise<OutgoingSms[]> {
    const docs = this.db.prepare('SELECT doc FROM sms_outgoing ORDER BY created_at, uuid LIMIT ?').pluck().all(limit) as string[];
    return docs.map((d) => JSON.parse(d) as OutgoingSms);
  }

  async confirmSms(uuids: string[]): Promise<string[]> {
    const remove = this.db.prepare('DELETE FROM sms_outgoing WHERE uuid = ?');
    return this.db.transaction(() => uuids.filter((uuid) => remove.run(uuid).changes === 1))();
  }
}
