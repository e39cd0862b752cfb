// The store capabilities of citizen notifications (issue 15): the outbox of messages to
// reporters, the reporter's contact (read by the sender only) and what each recipient said
// (BERHENTI/MULAI) and when they last wrote (WhatsApp's 24-hour window). Reached as
// `store.notify`. Outbox rows and contacts are written only as DerivedWrites, in the
// transaction of the change that causes them.
import type { NotifiedEvent, NotifyChannel, OutboxStatus } from '../../shared/notifications.ts';

/** One message to a reporter. */
export interface OutboxMessage {
  /** `<publicId>.<version>` of the change that caused it: the deduplication key, sent along (biz_opaque_callback_data). */
  id: string;
  reportId: string;
  event: NotifiedEvent;
  channel: NotifyChannel;
  /** What the message says beside the code, taken from the event when it was written. */
  data: { agencyId?: string; text?: string; duplicateOf?: string };
  status: OutboxStatus;
  /** Sends tried so far (a claim counts one: a crash mid-send is a try). */
  attempts: number;
  /** Not sent before this instant (backoff after a failed try). */
  nextAttemptAt: string;
  /** Held by a sender until this instant; another may take it after. */
  claimedUntil: string | null;
  /** The Graph API's message id (wamid) once sent; delivery statuses are matched by it. */
  providerId: string | null;
  /** A machine code of why it failed or was skipped (server/notify/problems.ts). */
  problem: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Where a reporter hears back: written when the report is made, the one place that knows its
 * tracking code, which is sealed here (server/notify/seal.ts). Only the sender reads it.
 */
export interface ReporterContact {
  reportId: string;
  channel: NotifyChannel;
  /** The WhatsApp id (digits or business-scoped user id) or the SMS number, as the channel gave it. */
  address: string;
  /** Whether `address` is a WhatsApp business-scoped user id rather than a phone number. */
  userId: boolean;
  /** The recipient's key (server/notify/recipient.ts), so opt-outs are found from the report. */
  recipientKey: string;
  codeSeal: string;
  createdAt: string;
}

/** What a recipient said and did, keyed by recipientKey (the number in E.164, else the channel's id). */
export interface RecipientState {
  key: string;
  /** Said BERHENTI (and not MULAI since). */
  optedOut: boolean;
  /** When they last wrote on WhatsApp; null if never. */
  lastInboundAt: string | null;
}

/** How a claimed message ended (or is postponed). */
export type OutboxOutcome =
  | { status: 'sent'; providerId: string | null }
  | { status: 'pending'; nextAttemptAt: string; problem: string }
  | { status: 'failed' | 'skipped'; problem: string };

export interface NotifyStore {
  /**
   * Takes up to `limit` pending messages of the channel due by `now` that nobody holds
   * (unclaimed, or held until before `now`), holds them until `until` and counts a try; oldest
   * first. Two processes never get the same message while its lease runs.
   */
  claimOutbox(channel: NotifyChannel, now: string, until: string, limit: number): Promise<OutboxMessage[]>;
  /** Ends a claimed message's try; the lease is released. */
  settleOutbox(id: string, outcome: OutboxOutcome, at: string): Promise<void>;
  /**
   * A delivery status the channel reported (WhatsApp statuses[], SMSSync's task=sent), matched
   * by outbox id or provider id. Never moves back (read stays read when a late `delivered`
   * comes); `failed` only replaces `sent`. Returns whether a message matched.
   */
  recordDelivery(match: { id?: string; providerId?: string }, status: 'sent' | 'delivered' | 'read' | 'failed', at: string, problem?: string): Promise<boolean>;
  /** A failed message back to pending with its tries reset (an officer's retry); false when it was not failed. */
  retryOutbox(id: string, at: string): Promise<boolean>;
  getOutbox(id: string): Promise<OutboxMessage | null>;
  /** The messages to one report's reporter, oldest first. */
  outboxOfReport(reportId: string): Promise<OutboxMessage[]>;

  /** For the sender only. */
  getContact(reportId: string): Promise<ReporterContact | null>;
  /** Whether the reporter of this report said BERHENTI: the desk's flag, without the number. */
  reporterOptedOut(reportId: string): Promise<boolean>;

  getRecipient(key: string): Promise<RecipientState | null>;
  /** BERHENTI (true) or MULAI (false). */
  setOptOut(key: string, optedOut: boolean, at: string): Promise<void>;
  /** A message came in from this recipient at `at` (kept when later than the one stored). */
  noteInbound(key: string, at: string): Promise<void>;
}

/** A DerivedWrite kind: one message into the outbox, with the change that causes it. */
export interface OutboxWrite { kind: 'outbox'; message: OutboxMessage }
/** A DerivedWrite kind: the reporter's contact, with the report's creation. */
export interface ContactWrite { kind: 'contact'; contact: ReporterContact }
