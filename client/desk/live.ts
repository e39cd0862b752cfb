// The desk's live feed. On every (re)connect it asks `sync` for everything after the highest
// seq it has applied; SeqGate holds live events during the sync and applies each seq once.
import { io, type Socket } from 'socket.io-client';
import {
  DESK_NAMESPACE, DESK_TRANSPORTS, type DeskClientToServer, type DeskEventPayload, type DeskServerToClient, type SyncError, type SyncResponse,
} from '../../shared/realtime.ts';
import { SeqGate } from './seq-gate.ts';

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
  const socket: Socket<DeskServerToClient, DeskClientToServer> = io(DESK_NAMESPACE, { transports: [...DESK_TRANSPORTS], withCredentials: true });
  const gate = new SeqGate(afterSeq, handlers.onEvents);
  let stopped = false;

  const sync = async (): Promise<void> => {
    gate.beginSync();
    try {
      let cursor = gate.lastSeq();
      for (;;) {
        const answer = (await socket.timeout(SYNC_TIMEOUT_MS).emitWithAck('sync', { afterSeq: cursor })) as SyncResponse | SyncError;
        if ('error' in answer) {
          if (answer.error.code === 'unauthenticated') handlers.onSignedOut();
          return;
        }
        gate.synced(answer.events);
        cursor = answer.lastSeq;
        if (!answer.more) return;
      }
    } catch {
      // No answer in time: the connection is failing; the next connect syncs again from lastSeq.
    } finally {
      gate.endSync();
    }
  };

  socket.on('report:created', (event) => gate.live(event));
  socket.on('report:updated', (event) => gate.live(event));
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
    lastSeq: () => gate.lastSeq(),
  };
}
