import type { mongo } from 'mongoose';
import {
  ConversationConflictError, type ChannelId, type ChannelStore, type ConversationRecord, type InboundMessage, type OutgoingSms,
} from '../channel-port.ts';

interface InboxDoc extends InboundMessage { _id: string }
interface ConversationDoc extends ConversationRecord { _id: string }
interface SmsDoc extends OutgoingSms { _id: string }

const DUPLICATE_KEY = 11000;
const HIDE_ID = { projection: { _id: 0 } } as const;

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === DUPLICATE_KEY;
}

/** `_id` is channel and message id together, so the unique primary key is the inbox's dedupe. */
function inboxId(channel: ChannelId, messageId: string): string {
  return `${channel}:${messageId}`;
}

/** Thin: the same documents as the SQLite adapter, in three collections of the same database. */
export class MongoChannelStore implements ChannelStore {
  private readonly inbox: mongo.Collection<InboxDoc>;
  private readonly conversations: mongo.Collection<ConversationDoc>;
  private readonly sms: mongo.Collection<SmsDoc>;

  constructor(db: mongo.Db) {
    this.inbox = db.collection<InboxDoc>('channel_inbox');
    this.conversations = db.collection<ConversationDoc>('conversations');
    this.sms = db.collection<SmsDoc>('sms_outgoing');
  }

  async prepare(): Promise<void> {
    await this.inbox.createIndex({ status: 1, sentAt: 1, messageId: 1 });
    await this.sms.createIndex({ createdAt: 1, uuid: 1 });
  }

  async addInbound(message: InboundMessage): Promise<boolean> {
    try {
      await this.inbox.insertOne({ _id: inboxId(message.channel, message.messageId), ...message });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async getInbound(channel: ChannelId, messageId: string): Promise<InboundMessage | null> {
    return this.inbox.findOne({ _id: inboxId(channel, messageId) }, HIDE_ID);
  }

  async claimInbound(now: string, until: string, limit: number): Promise<InboundMessage[]> {
    const claimed: InboundMessage[] = [];
    // One conditional update per message: of two processes, only one wins each.
    while (claimed.length < limit) {
      const doc = await this.inbox.findOneAndUpdate(
        { status: 'pending', $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
        { $set: { claimedUntil: until } },
        { sort: { sentAt: 1, messageId: 1 }, returnDocument: 'after', ...HIDE_ID },
      );
      if (!doc) break;
      claimed.push(doc);
    }
    return claimed;
  }

  /** The conversation first: a crash between the two leaves the message pending, and its retry finds the turn applied (ConversationRecord.applied). */
  async completeInbound(channel: ChannelId, messageId: string, reply: string | null, conversation?: { record: ConversationRecord; expectedVersion: number }): Promise<void> {
    if (conversation) await this.putConversation(conversation.record, conversation.expectedVersion);
    await this.inbox.updateOne({ _id: inboxId(channel, messageId) }, { $set: { status: 'done', claimedUntil: null, reply } });
  }

  async getConversation(key: string): Promise<ConversationRecord | null> {
    return this.conversations.findOne({ _id: key }, HIDE_ID);
  }

  async putConversation(record: ConversationRecord, expectedVersion: number): Promise<void> {
    if (expectedVersion === 0) {
      try {
        await this.conversations.insertOne({ _id: record.key, ...record });
        return;
      } catch (err) {
        if (isDuplicateKey(err)) throw new ConversationConflictError(record.key);
        throw err;
      }
    }
    const result = await this.conversations.replaceOne({ _id: record.key, version: expectedVersion }, record);
    if (result.matchedCount !== 1) throw new ConversationConflictError(record.key);
  }

  async enqueueSms(sms: OutgoingSms): Promise<void> {
    await this.sms.updateOne({ _id: sms.uuid }, { $setOnInsert: { _id: sms.uuid, ...sms } }, { upsert: true });
  }

  async pendingSms(limit: number): Promise<OutgoingSms[]> {
    return this.sms.find({}, HIDE_ID).sort({ createdAt: 1, uuid: 1 }).limit(limit).toArray();
  }

  async confirmSms(uuids: string[]): Promise<string[]> {
    const queued = await this.sms.find({ _id: { $in: uuids } }, { projection: { _id: 1 } }).toArray();
    await this.sms.deleteMany({ _id: { $in: queued.map((d) => d._id) } });
    return queued.map((d) => d._id);
  }
}
