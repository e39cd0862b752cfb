import type Database from 'better-sqlite3';
import type { GroupCommit } from './group-commit.ts';
import type { NotifyChannel } from '../../../shared/notifications.ts';
import { deliveryAfter } from '../../notify/delivery.ts';
import type { ContactWrite, NotifyStore, OutboxMessage, OutboxOutcome, OutboxWrite, RecipientState, ReporterContact } from '../notify-port.ts';

interface RecipientRow { key: string; opted_out: number; last_inbound_at: string | null }

/**
 * The notification tables in the same SQLite file (migration 017-notify). Outbox rows and
 * contacts are written by the report commit's transaction (writeDerived); the senders' claims
 * run in an immediate transaction, so a second process waits for the lock and then sees the
 * rows held. The document is the record; the columns are what the queries select on.
 */
export class SqliteNotifyStore implements NotifyStore {
  /** `commits` is the store's one group commit (server/store/sqlite/group-commit.ts). */
  constructor(private readonly db: Database.Database, private readonly commits: GroupCommit) {}

  /** Inside the report commit's transaction (SqliteStore.writeChange). */
  writeDerived(write: OutboxWrite | ContactWrite): void {
    if (write.kind === 'outbox') {
      // The same change committed twice cannot be (its version is taken); IGNORE keeps a rebuild harmless.
      this.db.prepare(`INSERT OR IGNORE INTO notify_outbox (id, report_id, channel, status, next_attempt_at, claimed_until, provider_id, created_at, doc)
        VALUES (@id, @reportId, @channel, @status, @nextAttemptAt, @claimedUntil, @providerId, @createdAt, @doc)`).run(this.row(write.message));
    } else {
      this.db.prepare('INSERT OR REPLACE INTO reporter_contacts (report_id, recipient_key, doc) VALUES (?, ?, ?)')
        .run(write.contact.reportId, write.contact.recipientKey, JSON.stringify(write.contact));
    }
  }

  private row(m: OutboxMessage): Record<string, unknown> {
    return { id: m.id, reportId: m.reportId, channel: m.channel, status: m.status, nextAttemptAt: m.nextAttemptAt, claimedUntil: m.claimedUntil, providerId: m.providerId, createdAt: m.createdAt, doc: JSON.stringify(m) };
  }

  private put(m: OutboxMessage): void {
    this.db.prepare(`UPDATE notify_outbox SET status = @status, next_attempt_at = @nextAttemptAt, claimed_until = @claimedUntil, provider_id = @providerId, doc = @doc
      WHERE id = @id`).run(this.row(m));
  }

  private read(id: string): OutboxMessage | null {
    const doc = this.db.prepare('SELECT doc FROM notify_outbox WHERE id = ?').pluck().get(id);
    return typeof doc === 'string' ? (JSON.parse(doc) as OutboxMessage) : null;
  }

  async claimOutbox(channel: NotifyChannel, now: string, until: string, limit: number): Promise<OutboxMessage[]> {
    // Nothing due (the usual answer to a poll): no write lock taken from the report commits.
    const due = this.db.prepare(`SELECT 1 FROM notify_outbox INDEXED BY notify_outbox_due
      WHERE status = 'pending' AND channel = ? AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) LIMIT 1`).pluck().get(channel, now, now);
    if (due === undefined) return [];
    return this.db.transaction(() => {
      const docs = this.db.prepare(`SELECT doc FROM notify_outbox INDEXED BY notify_outbox_due
        WHERE status = 'pending' AND channel = ? AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
        ORDER BY next_attempt_at, id LIMIT ?`).pluck().all(channel, now, now, limit) as string[];
      const claimed = docs.map((doc) => {
        const m = JSON.parse(doc) as OutboxMessage;
        return { ...m, claimedUntil: until, attempts: m.attempts + 1, updatedAt: now };
      });
      for (const m of claimed) this.put(m);
      return claimed;
    }).immediate();
  }

  settleOutbox(id: string, outcome: OutboxOutcome, at: string): Promise<void> {
    return this.commits.run(() => {
      const m = this.read(id);
      if (!m) return;
      // A delivery status may have arrived before the send's answer was recorded: keep the better one.
      if (outcome.status === 'sent' && m.status !== 'pending') return this.put({ ...m, providerId: outcome.providerId ?? m.providerId, claimedUntil: null, updatedAt: at });
      const next: OutboxMessage = outcome.status === 'sent'
        ? { ...m, status: 'sent', providerId: outcome.providerId, problem: null }
        : outcome.status === 'pending'
          ? { ...m, status: 'pending', nextAttemptAt: outcome.nextAttemptAt, problem: outcome.problem }
          : { ...m, status: outcome.status, problem: outcome.problem };
      this.put({ ...next, claimedUntil: null, updatedAt: at });
    });
  }

  recordDelivery(match: { id?: string; providerId?: string }, status: 'sent' | 'delivered' | 'read' | 'failed', at: string, problem?: string): Promise<boolean> {
    return this.commits.run(() => {
      const byId = match.id ? this.read(match.id) : null;
      const doc = byId ? null : match.providerId ? this.db.prepare('SELECT doc FROM notify_outbox WHERE provider_id = ?').pluck().get(match.providerId) : null;
      const m = byId ?? (typeof doc === 'string' ? (JSON.parse(doc) as OutboxMessage) : null);
      if (!m) return false;
      const next = deliveryAfter(m.status, status);
      const providerId = m.providerId ?? match.providerId ?? null;
      if (next) this.put({ ...m, status: next, providerId, problem: next === 'failed' ? problem ?? 'delivery_failed' : m.problem, updatedAt: at });
      else if (providerId !== m.providerId) this.put({ ...m, providerId });
      return true;
    });
  }

  async retryOutbox(id: string, at: string): Promise<boolean> {
    return this.db.transaction(() => {
      const m = this.read(id);
      if (!m || m.status !== 'failed') return false;
      this.put({ ...m, status: 'pending', attempts: 0, nextAttemptAt: at, claimedUntil: null, problem: null, updatedAt: at });
      return true;
    }).immediate();
  }

  async getOutbox(id: string): Promise<OutboxMessage | null> {
    return this.read(id);
  }

  async outboxOfReport(reportId: string): Promise<OutboxMessage[]> {
    const docs = this.db.prepare('SELECT doc FROM notify_outbox WHERE report_id = ? ORDER BY created_at, id').pluck().all(reportId) as string[];
    return docs.map((d) => JSON.parse(d) as OutboxMessage);
  }

  async getContact(reportId: string): Promise<ReporterContact | null> {
    const doc = this.db.prepare('SELECT doc FROM reporter_contacts WHERE report_id = ?').pluck().get(reportId);
    return typeof doc === 'string' ? (JSON.parse(doc) as ReporterContact) : null;
  }

  async reporterOptedOut(reportId: string): Promise<boolean> {
    return this.db.prepare(`SELECT 1 FROM reporter_contacts c JOIN notify_recipients r ON r.key = c.recipient_key
      WHERE c.report_id = ? AND r.opted_out = 1`).pluck().get(reportId) !== undefined;
  }

  async getRecipient(key: string): Promise<RecipientState | null> {
    const row = this.db.prepare('SELECT key, opted_out, last_inbound_at FROM notify_recipients WHERE key = ?').get(key) as RecipientRow | undefined;
    return row ? { key: row.key, optedOut: row.opted_out === 1, lastInboundAt: row.last_inbound_at } : null;
  }

  async setOptOut(key: string, optedOut: boolean, at: string): Promise<void> {
    this.db.prepare(`INSERT INTO notify_recipients (key, opted_out, last_inbound_at, updated_at) VALUES (?, ?, NULL, ?)
      ON CONFLICT(key) DO UPDATE SET opted_out = excluded.opted_out, updated_at = excluded.updated_at`).run(key, optedOut ? 1 : 0, at);
  }

  async noteInbound(key: string, at: string): Promise<void> {
    this.db.prepare(`INSERT INTO notify_recipients (key, opted_out, last_inbound_at, updated_at) VALUES (?, 0, ?, ?)
      ON CONFLICT(key) DO UPDATE SET last_inbound_at = max(coalesce(last_inbound_at, ''), excluded.last_inbound_at), updated_at = excluded.updated_at`).run(key, at, at);
  }
}
