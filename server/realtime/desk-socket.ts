import type { Namespace, Server, Socket } from 'socket.io';
import type { DeskUser } from '../../shared/desk.ts';
import { message } from '../../shared/messages.ts';
import {
  DESK_NAMESPACE, type DeskClientToServer, type DeskEventPayload, type DeskServerToClient, type SyncError, type SyncResponse,
} from '../../shared/realtime.ts';
import type { ReportEvent } from '../../shared/types.ts';
import { isSameOrigin } from '../auth/csrf.ts';
import { authenticate, isSessionValid } from '../auth/service.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { readCookie } from '../http/cookies.ts';
import type { Deps } from '../deps.ts';
import { roomsOf } from '../desk/policy.ts';
import { guardHandler, guardMiddleware, guardSocket } from './guard.ts';

interface SocketData { user: DeskUser; sessionId: string }
type DeskNamespace = Namespace<DeskClientToServer, DeskServerToClient, Record<string, never>, SocketData>;
type DeskSocket = Socket<DeskClientToServer, DeskServerToClient, Record<string, never>, SocketData>;

// A sync answers at most SYNC_CAP events (read from the store in SYNC_BATCH pages); a desk
// further behind asks again with `more`. Keeps one slow client from holding megabytes.
const SYNC_BATCH = 500;
const SYNC_CAP = 5000;
// Sessions can also end where no SessionHub announces it (the CLI is another process, or the
// idle/absolute limit passes): open sockets are re-checked this often.
const SESSION_RECHECK_MS = 60_000;

/** Every socket of a session is in this room, so the session can be closed from any process. */
function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

export function toPayload(event: ReportEvent): DeskEventPayload {
  return { seq: event.seq, type: event.type, report: event.summary, previous: event.previous ?? null };
}

function refusal(code: 'unauthenticated' | 'csrf_rejected' | 'password_change_required'): Error {
  return Object.assign(new Error(code), { data: { code, message: message(code) } });
}

async function eventsSince(deps: Deps, user: DeskUser, afterSeq: number): Promise<SyncResponse> {
  const rooms = roomsOf(user);
  const events: DeskEventPayload[] = [];
  let cursor = afterSeq;
  while (events.length < SYNC_CAP) {
    const batch = await deps.store.eventsAfter(cursor, Math.min(SYNC_BATCH, SYNC_CAP - events.length), rooms);
    events.push(...batch.map(toPayload));
    if (batch.length === 0) return { events, lastSeq: cursor, more: false };
    cursor = batch[batch.length - 1].seq;
  }
  return { events, lastSeq: cursor, more: true };
}

/**
 * The desks' live feed on /desk. The handshake needs a live session cookie; each socket joins
 * only the rooms its role may see; every committed event goes to its rooms; `sync` replays
 * what a desk missed from the event log (so it survives restarts); an ended session closes
 * its sockets at once.
 */
export function attachDeskSocket(io: Server, deps: Deps): void {
  const desk = io.of(DESK_NAMESPACE) as unknown as DeskNamespace;
  // Sessions with a socket on this process, re-checked periodically (see SESSION_RECHECK_MS).
  const socketsBySession = new Map<string, Set<DeskSocket>>();

  // Through the adapter, like events: with Redis this reaches the session's sockets on every
  // process, so a logout on one process closes the desk tabs connected to another.
  const closeSessions = (sessionIds: string[]) => {
    if (sessionIds.length > 0) desk.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
  };

  desk.use(guardMiddleware(deps.logger, async (socket: DeskSocket, next) => {
    const { headers } = socket.request;
    if (!isSameOrigin(headers.origin, headers.host, deps.config.publicUrl)) return next(refusal('csrf_rejected'));
    const token = readCookie(headers.cookie, SESSION_COOKIE);
    if (!token) return next(refusal('unauthenticated'));
    await deps.catalog.ensureFresh();
    const found = await authenticate(deps, token);
    if (!found) return next(refusal('unauthenticated'));
    if (found.user.mustChangePassword) return next(refusal('password_change_required'));
    socket.data = { user: found.user, sessionId: found.session.id };
    next();
  }));

  desk.on('connection', (socket) => {
    guardSocket(deps.logger, socket);
    const { user, sessionId } = socket.data;
    let sockets = socketsBySession.get(sessionId);
    if (!sockets) socketsBySession.set(sessionId, (sockets = new Set()));
    sockets.add(socket);
    socket.on('disconnect', guardHandler(deps.logger, socket, 'disconnect', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && socketsBySession.get(sessionId) === sockets) socketsBySession.delete(sessionId);
    }));
    void socket.join([...roomsOf(user), sessionRoom(sessionId)]);

    socket.on('sync', guardHandler(deps.logger, socket, 'sync', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const afterSeq = Number((request as { afterSeq?: unknown } | null)?.afterSeq ?? 0);
      const fail = (code: 'validation_failed' | 'unauthenticated' | 'internal_error'): void => ack({ error: { code, message: message(code) } } satisfies SyncError);
      if (!Number.isInteger(afterSeq) || afterSeq < 0) return fail('validation_failed');
      try {
        if (!(await isSessionValid(deps, sessionId))) {
          fail('unauthenticated');
          socket.disconnect(true);
          return;
        }
        ack(await eventsSince(deps, socket.data.user, afterSeq));
      } catch (err) {
        deps.logger.error({ err }, 'desk sync failed');
        fail('internal_error');
      }
    }));
  });

  // Each process publishes only the events it committed itself, once; the adapter (Redis with
  // several processes) carries the emit to the rooms' sockets on every process.
  const unsubscribe = deps.bus.subscribe((event) => {
    desk.to(event.rooms).emit(event.type === 'report.created' ? 'report:created' : 'report:updated', toPayload(event));
  });
  const stopListening = deps.sessionHub.onEnded(closeSessions);
  // An agency that gained or lost a unit: its open desks join or leave the unit's room at once
  // (on this process when the catalog reloads, i.e. at its next request or the recheck below).
  const stopRescoping = deps.catalog.onChange(() => {
    for (const sockets of socketsBySession.values()) {
      for (const socket of sockets) rescope(socket);
    }
  });
  const rescope = (socket: DeskSocket) => {
    const { user } = socket.data;
    if (!user.agencyId || user.agencyIds.length === 0) return;
    const next = deps.catalog.agencyScope(user.agencyId);
    const before = new Set(roomsOf(user));
    socket.data.user = { ...user, agencyIds: next };
    const after = roomsOf(socket.data.user);
    for (const room of before) if (!after.includes(room)) void socket.leave(room);
    void socket.join(after.filter((room) => !before.has(room)));
  };

  const recheck = setInterval(() => {
    void (async () => {
      await deps.catalog.ensureFresh();
      for (const sessionId of [...socketsBySession.keys()]) {
        if (!(await isSessionValid(deps, sessionId))) closeSessions([sessionId]);
      }
    })().catch((err: unknown) => deps.logger.error({ err }, 'desk session recheck failed'));
  }, SESSION_RECHECK_MS);
  recheck.unref();

  io.httpServer?.on('close', () => {
    clearInterval(recheck);
    unsubscribe();
    stopListening();
    stopRescoping();
  });
}
