// Processes the inbound inbox. The webhook stores each message already held by this process (a
// lease) and hands it over here at once (`take`); what a crashed process left — pending
// messages whose lease ran out — is claimed at start and every INBOX_SWEEP_MS. Each sender's
// messages run one after another, in the order they were sent; senders run side by side.
import type { Deps } from '../deps.ts';
import type { InboundMessage } from '../store/channel-port.ts';
import { isTransientFailure as isTransient } from './whatsapp/graph-client.ts';

/** How long a process holds a message it is working on before another may take it over. */
export const LEASE_MS = 60_000;
const INBOX_SWEEP_MS = 30_000;
const BATCH = 50;

/** Handles one message and marks it done (store.channels.completeInbound), with its turn. */
export type InboundHandler = (message: InboundMessage) => Promise<void>;

export class InboxWorker {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private sweeping = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: Deps, private readonly handlers: Partial<Record<InboundMessage['channel'], InboundHandler>>) {}

  /** Resolves once everything handed over or claimed so far is processed (tests and shutdown wait on it). */
  get idle(): Promise<void> {
    return Promise.all([...this.inFlight]).then(() => undefined);
  }

  start(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), INBOX_SWEEP_MS);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  /** Messages this process has just stored and holds: processed now, in sentAt order per sender. */
  take(messages: InboundMessage[]): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const runs: Promise<void>[] = [];
    for (const m of [...messages].sort((a, b) => a.sentAt.localeCompare(b.sentAt))) {
      const key = `${m.channel}:${m.sender}`;
      const run = (this.tails.get(key) ?? Promise.resolve()).then(() => this.process(m));
      this.tails.set(key, run);
      this.inFlight.add(run);
      runs.push(run);
      void run.finally(() => {
        this.inFlight.delete(run);
        if (this.tails.get(key) === run) this.tails.delete(key);
      });
    }
    return Promise.all(runs).then(() => undefined);
  }

  /** Claims and processes what no live process holds (the timer runs it; tests call it after moving the clock). */
  async sweep(): Promise<void> {
    if (this.sweeping || this.stopped) return;
    this.sweeping = true;
    const done = (async () => {
      try {
        for (;;) {
          const now = this.deps.clock();
          const batch = await this.deps.store.channels.claimInbound(now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), BATCH);
          if (batch.length === 0 || this.stopped) return;
          await this.take(batch);
        }
      } catch (err) {
        this.deps.logger.error({ err }, 'inbox claim failed; retried at the next sweep');
      } finally {
        this.sweeping = false;
      }
    })();
    this.inFlight.add(done);
    await done;
    this.inFlight.delete(done);
  }

  private async process(message: InboundMessage): Promise<void> {
    const handler = this.handlers[message.channel];
    try {
      if (handler) return await handler(message);
    } catch (err) {
      if (isTransient(err)) {
        // The Graph API is down or slow: the message stays pending, and a sweep after the lease
        // takes it again (its report, if it made one, is not made twice).
        this.deps.logger.warn({ err, channel: message.channel, messageId: message.messageId }, 'inbound message postponed until the lease ends');
        return;
      }
      // A message that fails is logged and closed rather than retried forever; its sender can
      // write again. A store outage fails the completion too, and the lease brings it back.
      this.deps.logger.error({ err, channel: message.channel, messageId: message.messageId }, 'inbound message failed');
    }
    try {
      await this.deps.store.channels.completeInbound(message.channel, message.messageId, null);
    } catch (err) {
      this.deps.logger.error({ err, messageId: message.messageId }, 'inbox completion failed; retried after the lease');
    }
  }
}
