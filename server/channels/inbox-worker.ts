// Processes the inbound inbox: the webhook has already stored each message and answered 200;
// here messages are claimed (a lease, so another process takes over a crashed one's), handled
// in order per sender, and marked done. Kicked by each webhook, at start (what a crash left
// pending) and every INBOX_SWEEP_MS (leases that ran out).
import type { Deps } from '../deps.ts';
import type { InboundMessage } from '../store/channel-port.ts';

const LEASE_MS = 60_000;
const INBOX_SWEEP_MS = 30_000;
const BATCH = 50;

export type InboundHandler = (message: InboundMessage) => Promise<string | null>;

export class InboxWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Resolves after every message claimed so far is processed (tests and shutdown wait on it). */
  idle: Promise<void> = Promise.resolve();

  constructor(private readonly deps: Deps, private readonly handlers: Partial<Record<InboundMessage['channel'], InboundHandler>>) {}

  start(): void {
    this.kick();
    this.timer = setInterval(() => this.kick(), INBOX_SWEEP_MS);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  /** Runs a drain now, or once more after the one running. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => { this.running = null; });
    this.idle = this.running;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        const now = this.deps.clock();
        let batch: InboundMessage[];
        try {
          batch = await this.deps.store.channels.claimInbound(now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), BATCH);
        } catch (err) {
          this.deps.logger.error({ err }, 'inbox claim failed; retried at the next sweep');
          return;
        }
        if (batch.length === 0) break;
        // Senders in parallel, each sender's messages in the order they were sent.
        const bySender = new Map<string, InboundMessage[]>();
        for (const m of batch) bySender.set(`${m.channel}:${m.sender}`, [...(bySender.get(`${m.channel}:${m.sender}`) ?? []), m]);
        await Promise.all([...bySender.values()].map(async (messages) => {
          for (const m of messages) await this.process(m);
        }));
        if (this.stopped) return;
      }
    } while (this.again && !this.stopped);
  }

  private async process(message: InboundMessage): Promise<void> {
    const handler = this.handlers[message.channel];
    let reply: string | null = null;
    try {
      if (handler) reply = await handler(message);
    } catch (err) {
      // A message that fails is logged and closed rather than retried forever; its sender can
      // write again. A store outage fails completeInbound too, and the lease brings it back.
      this.deps.logger.error({ err, channel: message.channel, messageId: message.messageId }, 'inbound message failed');
    }
    try {
      await this.deps.store.channels.completeInbound(message.channel, message.messageId, reply);
    } catch (err) {
      this.deps.logger.error({ err, messageId: message.messageId }, 'inbox completion failed; retried after the lease');
    }
  }
}
