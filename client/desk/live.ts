// The desk's live feed. On every (re)connect it asks `sync` for everything after the highest
// seq it has applied; live events that arrive meanwhile wait until the sync is done. Every
// event is applied at most once, by seq, so nothing is missed or doubled.
import { io, type Socket } from 'socket.io-client';
import {
  DESK_NAMESPACE, type DeskClientToServer, type DeskEventPayload, type DeskServerToClient, type SyncError, type SyncResponse,
} from '../../shared/realtime.ts';

export type LiveStatus = 'connecting' | 'connected' | 'disconnected';

export interface LiveHandlers {
  /** Fresh events, ascending by seq, each delivered once. */
  onEvents(events: DeskEventPayload[]): void;
  onStatus(status: LiveStatus): void;
  /** The session is gone: the desk should ask for a login again. */
  onSignedOut(): void;
}

export interface Live { stop(): void; lastSeq(): number }

const SYNC_TIMEOUT_MS = 10_000;
const RETRY_REFUSED_MS = 5_000;

export function startLive(afterSeq: number, handlers: LiveHandlers): Live {
  const socket: Socket<DeskServerToClient, DeskClientToServer> = io(DESK_NAMESPACE, { withCredentials: true });
  let applied = afterSeq;
  let syncing = false;
  let held: DeskEventPayload[] = [];
  let stopped = false;

  const accept = (events: DeskEventPayload[]): void => {
    const fresh: DeskEventPayload[] = [];
    for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
      if (event.seq <= applied) continue; // already applied (live and sync may both carry it)
      applied = event.seq;
      fresh.push(event);
    }
    if (fresh.length) handlers.onEvents(fresh);
  };

  const onLive = (event: DeskEventPayload): void => {
    if (syncing) held.push(event);
    else accept([event]);
  };

  const sync = async (): Promise<void> => {
    syncing = true;
    try {
      let cursor = applied;
      for (;;) {
        const answer = (await socket.timeout(SYNC_TIMEOUT_MS).emitWithAck('sync', { afterSeq: cursor })) as SyncResponse | SyncError;
        if ('error' in answer) {
          if (answer.error.code === 'unauthenticated') handlers.onSignedOut();
          return;
        }
        accept(answer.events);
        cursor = answer.lastSeq;
        if (!answer.more) return;
      }
    } catch {
      // No answer in time: the connection is failing; the next connect syncs again from `applied`.
    } finally {
      syncing = false;
      const waiting = held;
      held = [];
      accept(waiting);
    }
  };

  socket.on('report:created', onLive);
  socket.on('report:updated', onLive);
  socket.on('connect', () => {
    handlers.onStatus('connected');
    void sync();
  });
  socket.on('disconnect', (reason) => {
    if (stopped) return;
    handlers.onStatus('disconnected');
    // The server hung up on purpose (session ended, or a restart): the client will not retry
    // by itself. Try again; a dead session then fails the handshake and signs out below.
    if (reason === 'io server disconnect') setTimeout(() => { if (!stopped) socket.connect(); }, RETRY_REFUSED_MS / 5);
  });
  socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    if (stopped) return;
    if (err.data?.code === 'unauthenticated') {
      handlers.onSignedOut();
      return;
    }
    handlers.onStatus('disconnected');
    // A refusal by the server's middleware is not retried automatically; transport errors are.
    if (!socket.active) setTimeout(() => { if (!stopped) socket.connect(); }, RETRY_REFUSED_MS);
  });
  handlers.onStatus('connecting');

  return {
    stop() {
      stopped = true;
      socket.disconnect();
    },
    lastSeq: () => applied,
  };
}
