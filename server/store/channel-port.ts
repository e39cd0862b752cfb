// The store capabilities of the messaging channels (WhatsApp, SMS): the inbound inbox, the
// conversation state and the outgoing SMS queue. Reached as `store.channels`, so the port of
// reports stays about reports.

export type ChannelId = 'whatsapp' | 'sms';

/**
 * One message as a channel delivered it, stored before it is answered or processed, so a crash
 * after the webhook's 200 loses nothing and a redelivery (same channel and id) creates nothing.
 */
export interface InboundMessage {
  channel: ChannelId;
  /** The channel's own id: WhatsApp's `wamid.…`, SMSSync's `message_id`. */
  messageId: string;
  /** The conversation key: the phone number where the channel gave one, else WhatsApp's business-scoped user id. */
  sender: string;
  /** When the sender sent it, as the channel says (ISO). */
  sentAt: string;
  receivedAt: string;
  /** The message as the channel's parser normalised it (JSON). */
  payload: unknown;
  status: 'pending' | 'done';
  /** While a process works on it; another process takes it over after this instant. */
  claimedUntil: string | null;
  /** What was answered (SMS answers inline, so a redelivery gets the same answer). */
  reply: string | null;
}

/** A citizen's conversation with the hotline: its state machine's state, versioned so any process can continue it. */
export interface ConversationRecord {
  key: string;
  channel: ChannelId;
  /** The state machine's state (JSON), or null when none is running. */
  state: unknown;
  /** Public ids of the reports sent from this sender, newest last (the sender is the credential for `CEK`). */
  reports: string[];
  /** Ids of the latest inbound messages already applied, so a message processed again after a crash changes nothing. */
  applied: string[];
  updatedAt: string;
  version: number;
}

/** One SMS waiting for the gateway phone to fetch it (`task=send`) and confirm it (`task=sent`). */
export interface OutgoingSms {
  uuid: string;
  to: string;
  message: string;
  createdAt: string;
}

/** Thrown when the conversation changed since it was read; the caller reads again and retries. */
export class ConversationConflictError extends Error {
  constructor(readonly key: string) { super(`conversation ${key} changed`); }
}

export interface ChannelStore {
  /** Stores the message unless one with its channel and id exists; true when it was new. */
  addInbound(message: InboundMessage): Promise<boolean>;
  getInbound(channel: ChannelId, messageId: string): Promise<InboundMessage | null>;
  /**
   * Takes up to `limit` pending messages nobody holds (unclaimed, or claimed before `now`) and
   * holds them until `until`; oldest sentAt first.
   */
  claimInbound(now: string, until: string, limit: number): Promise<InboundMessage[]>;
  /**
   * Marks the message done, with the reply given, and writes the conversation it moved in the
   * same transaction (expectedVersion 0 creates it): the turn is applied exactly when the
   * message is done. A stale version throws ConversationConflictError and changes nothing.
   */
  completeInbound(channel: ChannelId, messageId: string, reply: string | null, conversation?: { record: ConversationRecord; expectedVersion: number }): Promise<void>;

  getConversation(key: string): Promise<ConversationRecord | null>;
  /** Writes the conversation; expectedVersion 0 creates it. A stale version throws ConversationConflictError. */
  putConversation(record: ConversationRecord, expectedVersion: number): Promise<void>;

  enqueueSms(sms: OutgoingSms): Promise<void>;
  /** Queued messages not yet confirmed, oldest first. */
  pendingSms(limit: number): Promise<OutgoingSms[]>;
  /** Removes the confirmed messages; returns the uuids that were queued. */
  confirmSms(uuids: string[]): Promise<string[]>;
}
