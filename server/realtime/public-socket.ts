// The public live feed on /public: a Ngopi Bareng page joins its session's room and receives
// each aspiration as PublicAspiration (public text only). Never the desk namespace, never the
// desk summary; confidential aspirations are not sent at all.
import type { Namespace, Server } from 'socket.io';
import { ngopiRoom, PUBLIC_NAMESPACE, type PublicClientToServer, type PublicServerToClient } from '../../shared/ngopi.ts';
import { sessionOf } from '../../shared/reference/aspiration-topics.ts';
import type { Deps } from '../deps.ts';
import { toPublicAspiration } from '../ngopi/presenter.ts';
import { aspirationsOf, SESSION_ID } from '../ngopi/service.ts';
import { guardHandler, guardSocket } from './guard.ts';

type PublicNamespace = Namespace<PublicClientToServer, PublicServerToClient>;

export function attachPublicSocket(io: Server, deps: Deps): void {
  const nsp = io.of(PUBLIC_NAMESPACE) as unknown as PublicNamespace;

  nsp.on('connection', (socket) => {
    guardSocket(deps.logger, socket);
    socket.on('ngopi:join', guardHandler(deps.logger, socket, 'ngopi:join', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const sessionId = (request as { sessionId?: unknown } | null)?.sessionId;
      if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) return ack({ error: { code: 'session_not_found' } });
      try {
        if (!(await deps.store.getNgopiSession(sessionId))) return ack({ error: { code: 'session_not_found' } });
        // Join first, then read: an aspiration committed in between arrives twice, never not at all.
        await socket.join(ngopiRoom(sessionId));
        const items = (await aspirationsOf(deps, sessionId)).map(toPublicAspiration).filter((a) => a !== null);
        ack({ items });
      } catch (err) {
        deps.logger.error({ err }, 'public join failed');
        ack({ error: { code: 'internal_error' } });
      }
    }));
  });

  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.summary.category !== 'aspirasi' || event.summary.confidential) return;
    // The event's summary does not name the session; the report does.
    void deps.store.getReport(event.reportId).then((report) => {
      const session = report ? sessionOf(report) : undefined;
      const payload = report ? toPublicAspiration(report) : null;
      if (session && payload) nsp.to(ngopiRoom(session)).emit('ngopi:aspiration', payload);
    }).catch((err: unknown) => deps.logger.error({ err }, 'public aspiration broadcast failed'));
  });
  io.httpServer?.on('close', unsubscribe);
}
