// Socket.IO contract of the desk namespace: event names, directions and payloads.
import type { EventType, ReportStatus, ReportSummary } from './types.ts';

export const DESK_NAMESPACE = '/desk';

/**
 * Desk clients connect with `io('/desk', { transports: DESK_TRANSPORTS })`: WebSocket only, no
 * long-polling. With several server processes (WORKERS>1 or several machines, REDIS_URL set)
 * the server accepts only WebSocket: a WebSocket stays on the process that accepted it, while
 * long-polling's separate HTTP requests could reach a process that does not know the session
 * (that would need sticky sessions at every balancer). One process still allows polling too.
 */
export const DESK_TRANSPORTS = ['websocket'] as const;

/**
 * One committed change, as the desk receives it. `seq` is the event log's position: strictly
 * increasing, never reused, stable across restarts. A desk keeps the highest seq it has
 * applied and ignores any payload whose seq it has already seen — the server may deliver an
 * event twice (live and in a `sync` answer) but never skips one.
 */
export interface DeskEventPayload {
  seq: number;
  type: EventType;
  report: ReportSummary;
  /** Status and agency before the change (null when created, or for events from before it was kept). */
  previous: { status: ReportStatus; agencyId: string } | null;
}

/** Client → server: "send me everything after this seq". */
export interface SyncRequest { afterSeq: number }

/**
 * Server → client (the ack of `sync`): events after `afterSeq` this user may see, ascending.
 * When `more` is true the answer was capped; ask again with `afterSeq = lastSeq`.
 */
export interface SyncResponse { events: DeskEventPayload[]; lastSeq: number; more: boolean }

export interface SyncError { error: { code: string; message: string } }

/**
 * Server → client, on every namespace: the server failed to handle what this socket sent (a
 * handler threw). The socket stays connected and the server goes on; an ack, if one was asked
 * for, carries `{ error: SocketErrorPayload }` too.
 */
export interface SocketErrorPayload { code: string; message: string }

/** Server → client events. */
export interface DeskServerToClient {
  'report:created': (payload: DeskEventPayload) => void;
  'report:updated': (payload: DeskEventPayload) => void;
  error: (payload: SocketErrorPayload) => void;
}

/** Client → server events. */
export interface DeskClientToServer {
  sync: (request: SyncRequest, ack: (response: SyncResponse | SyncError) => void) => void;
}
