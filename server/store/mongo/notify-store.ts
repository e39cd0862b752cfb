import type { ClientSession, mongo } from 'mongoose';
import type { NotifyChannel } from '../../../shared/notifications.ts';
import { deliveryAfter } from '../../notify/delivery.ts';
import type { ContactWrite, NotifyStore, OutboxMessage, OutboxOutcome, OutboxWrite, RecipientState, ReporterContact } from '../notify-port.ts';

interface OutboxDoc extends OutboxMessage { _id: string }
interface ContactDoc extends ReporterContact { _id: string }
interface RecipientDoc extends RecipientState { _id: string; updatedAt: string }

const HIDE_ID = { projection: { _id: 0 } } as const;

/**
 * Thin: the same documents as the SQLite adapter, in three collections. A claim is one
 * conditional findOneAndUpdate per message, so of two processes only one wins each; a status
 * change is a compare-and-set on the status read, tried again when another got in between.
 */
export class MongoNotifyStore implements NotifyStore {
  private readonly outbox: mongo.Collection<OutboxDoc>;
  private readonly contacts: mongo.Collection<ContactDoc>;
  private readonly recipients: mongo.Collection<RecipientDoc>;

  constructor(db: mongo.Db) {
    this.outbox = db.collection<OutboxDoc>('notify_outbox');
    this.contacts = db.collection<ContactDoc>('reporter_contacts');
    this.recipients = db.collection<RecipientDoc>('notify_recipients');
  }

  async prepare(): Promise<void> {
    await this.outbox.createIndex({ status: 1, channel: 1, nextAttemptAt: 1, id: 1 });
    await this.outbox.createIndex({ reportId: 1, createdAt: 1 });
    await this.outbox.createIndex({ providerId: 1 }, { sparse: true });
    await this.contacts.createIndex({ recipientKey: 1 });
  }

  /** In the report commit's session (MongoStore.writeChange), or without one (MONGODB_TRANSACTIONS=off). */
  async writeDerived(write: OutboxWrite | ContactWrite, session: ClientSession | undefined): Promise<void> {
    if (write.kind === 'outbox') {
      await this.outbox.updateOne({ _id: write.message.id }, { $setOnInsert: { _id: write.message.id, ...write.message } }, { upsert: true, session });
    } else {
      await this.contacts.replaceOne({ _id: write.contact.reportId }, write.contact, { upsert: true, session });
    }
  }

  async claimOutbox(channel: NotifyChannel, now: string, until: string, limit: number): Promise<OutboxMessage[]> {
    const claimed: OutboxMessage[] = [];
    while (claimed.length < limit) {
      const doc = await this.outbox.findOneAndUpdate(
        { status: 'pending', channel, nextAttemptAt: { $lte: now }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
        { $set: { claimedUntil: until, updatedAt: now }, $inc: { attempts: 1 } },
        { sort: { nextAttemptAt: 1, id: 1 }, returnDocument: 'after', ...HIDE_ID },
      );
      if (!doc) break;
      claimed.push(doc);
    }
    return claimed;
  }

  /** Read, decide, write if the status is still the one read. */
  private async update(filter: { _id?: string; providerId?: string }, decide: (m: OutboxMessage) => Partial<OutboxMessage> | null): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const m = await this.outbox.findOne(filter, HIDE_ID);
      if (!m) return false;
      const change = decide(m);
      if (!change) return true;
      const result = await this.outbox.updateOne({ _id: m.id, status: m.status, attempts: m.attempts }, { $set: change });
      if (result.matchedCount === 1) return true;
    }
    return false;
  }

  async settleOutbox(id: string, outcome: OutboxOutcome, at: string): Promise<void> {
    await this.update({ _id: id }, (m) => {
      if (outcome.status === 'sent' && m.status !== 'pending') return { providerId: outcome.providerId ?? m.providerId, claimedUntil: null, updatedAt: at };
      if (outcome.status === 'sent') return { status: 'sent', providerId: outcome.providerId, problem: null, claimedUntil: null, updatedAt: at };
      if (outcome.status === 'pending') return { status: 'pending', nextAttemptAt: outcome.nextAttemptAt, problem: outcome.problem, claimedUntil: null, updatedAt: at };
      return { status: outcome.status, problem: outcome.problem, claimedUntil: null, updatedAt: at };
    });
  }

  async recordDelivery(match: { id?: string; providerId?: string }, status: 'sent' | 'delivered' | 'read' | 'failed', at: string, problem?: string): Promise<boolean> {
    const byId = match.id ? await this.outbox.findOne({ _id: match.id }, HIDE_ID) : null;
    const filter = byId ? { _id: byId.id } : match.providerId ? { providerId: match.providerId } : null;
    if (!filter) return false;
    return this.update(filter, (m) => {
      const next = deliveryAfter(m.status, status);
      const providerId = m.providerId ?? match.providerId ?? null;
      if (next) return { status: next, providerId, problem: next === 'failed' ? problem ?? 'delivery_failed' : m.problem, updatedAt: at };
      return providerId !== m.providerId ? { providerId } : null;
    });
  }

  async retryOutbox(id: string, at: string): Promise<boolean> {
    const result = await this.outbox.updateOne({ _id: id, status: 'failed' },
      { $set: { status: 'pending', attempts: 0, nextAttemptAt: at, claimedUntil: null, problem: null, updatedAt: at } });
    return result.modifiedCount === 1;
  }

  async getOutbox(id: string): Promise<OutboxMessage | null> {
    return this.outbox.findOne({ _id: id }, HIDE_ID);
  }

  async outboxOfReport(reportId: string): Promise<OutboxMessage[]> {
    return this.outbox.find({ reportId }, HIDE_ID).sort({ createdAt: 1, id: 1 }).toArray();
  }

  async getContact(reportId: string): Promise<ReporterContact | null> {
    return this.contacts.findOne({ _id: reportId }, HIDE_ID);
  }

  async reporterOptedOut(reportId: string): Promise<boolean> {
    const contact = await this.contacts.findOne({ _id: reportId }, { projection: { recipientKey: 1 } });
    if (!contact) return false;
    return (await this.recipients.countDocuments({ _id: contact.recipientKey, optedOut: true }, { limit: 1 })) === 1;
  }

  async getRecipient(key: string): Promise<RecipientState | null> {
    const doc = await this.recipients.findOne({ _id: key });
    return doc ? { key: doc.key, optedOut: doc.optedOut, lastInboundAt: doc.lastInboundAt } : null;
  }

  async setOptOut(key: string, optedOut: boolean, at: string): Promise<void> {
    await this.recipients.updateOne({ _id: key }, { $set: { optedOut, updatedAt: at }, $setOnInsert: { key, lastInboundAt: null } }, { upsert: true });
  }

  async noteInbound(key: string, at: string): Promise<void> {
    // $max keeps the later instant (ISO strings compare in time order); null counts as earliest.
    await this.recipients.updateOne({ _id: key }, { $max: { lastInboundAt: at }, $set: { updatedAt: at }, $setOnInsert: { key, optedOut: false } }, { upsert: true });
  }
}
