// The outbox's sender: claims due WhatsApp messages with a lease (NOTIFY_LEASE_SECONDS), sends
// up to NOTIFY_CONCURRENCY at once, and settles each: sent, skipped, postponed with backoff
// after a timeout or a 5xx, failed after NOTIFY_MAX_ATTEMPTS. Woken by every committed event
// and every NOTIFY_POLL_SECONDS (retries that came due, other processes' commits, a crashed
// process's leases). SMS are not pushed: the gateway phone fetches them (server/notify/sms.ts).
import { isNotified } from '../../shared/notifications.ts';
import type { Deps } from '../deps.ts';
import type { OutboxMessage, OutboxOutcome } from '../store/notify-port.ts';
import type { TryResult } from './whatsapp-sender.ts';

/** The longest wait between tries, however many failed. */
const BACKOFF_MAX_MS = 60 * 60 * 1000;

export type SendOne = (message: OutboxMessage) => Promise<TryResult>;

/** A try's result as stored: an error postponed with backoff while tries remain, else failed. */
export function settled(deps: Pick<Deps, 'config' | 'clock'>, message: OutboxMessage, result: TryResult): OutboxOutcome {
  if (result.status !== 'error') return result;
  const { maxAttempts, backoffMs } = deps.config.notify;
  if (!result.transient || message.attempts >= maxAttempts) return { status: 'failed', problem: result.problem };
  const wait = Math.min(BACKOFF_MAX_MS, backoffMs * 2 ** (message.attempts - 1));
  return { status: 'pending', nextAttemptAt: new Date(deps.clock().getTime() + wait).toISOString(), problem: result.problem };
}

export class NotifyWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: Deps, private readonly sendOne: SendOne) {}

  start(): void {
    // Only a change the reporter hears of can have put a message in the outbox.
    this.unsubscribe = this.deps.bus.subscribe((event) => { if (isNotified(event.type)) this.wake(); });
    this.timer = setInterval(() => this.wake(), this.deps.config.notify.pollMs);
    this.timer.unref();
    this.wake();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
  }

  /** Starts a drain, or asks the running one to look again before it ends. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => { this.running = null; });
  }

  /** Resolves once nothing due is left (tests and the benchmark wait on it). */
  async drained(): Promise<void> {
    this.wake();
    while (this.running) await this.running;
  }

  /** Resolves when the drain in progress, if any, ends (shutdown). */
  get idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    const { concurrency, leaseMs } = this.deps.config.notify;
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      if (this.stopped && inFlight.size === 0) return;
      const free = concurrency - inFlight.size;
      // Claimed in groups (a quarter of the slots or more): each claim is a write.
      if (!this.stopped && (inFlight.size === 0 || free >= Math.max(1, concurrency / 4))) {
        this.again = false;
        let batch: OutboxMessage[] = [];
        try {
          const now = this.deps.clock();
          batch = await this.deps.store.notify.claimOutbox('whatsapp', now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), free);
        } catch (err) {
          this.deps.logger.error({ err }, 'outbox claim failed; tried again at the next poll');
        }
        for (const message of batch) {
          const run = this.process(message).finally(() => inFlight.delete(run));
          inFlight.add(run);
        }
        if (batch.length > 0) continue;
        if (inFlight.size === 0) {
          if (this.again && !this.stopped) continue;
          return;
        }
      }
      await Promise.race(inFlight);
    }
  }

  private async process(message: OutboxMessage): Promise<void> {
    let result: TryResult;
    try {
      result = await this.sendOne(message);
    } catch (err) {
      // Our own failure (the store unreadable): the lease brings the message back.
      this.deps.logger.error({ err, outboxId: message.id }, 'notification not sent; retried after the lease');
      return;
    }
    const outcome = settled(this.deps, message, result);
    if (outcome.status === 'failed') this.deps.logger.warn({ outboxId: message.id, problem: outcome.problem }, 'notification failed');
    try {
      await this.deps.store.notify.settleOutbox(message.id, outcome, this.deps.clock().toISOString());
    } catch (err) {
      // Sent but not marked: after the lease it is sent again (at least once; README).
      this.deps.logger.error({ err, outboxId: message.id }, 'outbox settle failed; sent again after the lease');
    }
  }
}
