// Exactly-once delivery of desk events on top of a feed that may repeat (live + sync) but
// never skips: apply only seqs above the highest applied; while a sync is running, hold live
// events back so an older synced event is never judged "already seen" by a newer live one.
import type { DeskEventPayload } from '../../shared/realtime.ts';

export class SeqGate {
  private held: DeskEventPayload[] = [];
  private syncs = 0; // a reconnect may start a sync before the last one gave up

  constructor(private applied: number, private readonly deliver: (events: DeskEventPayload[]) => void) {}

  lastSeq(): number {
    return this.applied;
  }

  live(event: DeskEventPayload): void {
    if (this.syncs > 0) this.held.push(event);
    else this.accept([event]);
  }

  beginSync(): void {
    this.syncs += 1;
  }

  synced(events: DeskEventPayload[]): void {
    this.accept(events);
  }

  /** The sync is over (answered or failed): what arrived live meanwhile is applied now. */
  endSync(): void {
    this.syncs = Math.max(0, this.syncs - 1);
    if (this.syncs > 0) return;
    const waiting = this.held;
    this.held = [];
    this.accept(waiting);
  }

  private accept(events: DeskEventPayload[]): void {
    const fresh: DeskEventPayload[] = [];
    for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
      if (event.seq <= this.applied) continue;
      this.applied = event.seq;
      fresh.push(event);
    }
    if (fresh.length) this.deliver(fresh);
  }
}
