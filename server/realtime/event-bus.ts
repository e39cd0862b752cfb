import type { ReportEvent } from '../../shared/types.ts';

type Listener = (event: ReportEvent) => void;

/**
 * Committed events go out through here, after their transaction. The Socket.IO layer listens
 * and emits to each event's rooms; services never touch sockets.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: ReportEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
