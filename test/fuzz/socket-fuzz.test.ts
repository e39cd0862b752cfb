// Every Socket.IO namespace of the app and every event its sockets listen to (read from the
// server's own sockets, not a hand list) receives handshakes with malformed cookies and events
// with payloads of any shape. The process goes on, each socket keeps being served (a later
// request is still answered), /healthz answers, and no event writes anything.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { io as connect, type Socket } from 'socket.io-client';
import { addAndLogin, type Person } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { cookieJunk } from './arbitraries.ts';
import { FUZZ_RUNS, FUZZ_SEED, shortReport, UNLIMITED } from './settings.ts';

/** A request each namespace always answers, sent after the fuzzed one: proof the socket is still served. */
const BARRIERS: Record<string, { event: string; payload: unknown }> = {
  '/desk': { event: 'sync', payload: { afterSeq: 0 } },
  '/public': { event: 'ngopi:join', payload: { sessionId: 'tidak-ada' } },
};
// Events the client cannot send (Socket.IO reserves them on its side).
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

describe('fuzz: every socket namespace and event', function () {
  // A bound for a shared machine, not a measure (see http-fuzz).
  this.timeout(600_000);
  let app: RunningApp;
  let admin: Person;
  before(async () => {
    app = await startApp({ ...UNLIMITED, OVERDUE_SWEEP_SECONDS: '0' });
    admin = await addAndLogin(app, 'admin.socket', 'admin');
  });
  after(() => app?.close());

  const open = (nsp: string, headers: Record<string, string>): Socket =>
    connect(`${app.baseUrl}${nsp}`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });

  /** Resolves with how the handshake ended; never hangs on a refused one. */
  const handshake = (socket: Socket) => new Promise<'connected' | 'refused'>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', () => resolve('refused'));
  });

  it('handshakes with malformed cookies, with and without a session and an origin, are answered and survived', async () => {
    const namespaces = [...app.io._nsps.keys()];
    assert.ok(namespaces.includes('/desk') && namespaces.includes('/public'), namespaces.join(', '));
    for (const nsp of namespaces) {
      await fc.assert(fc.asyncProperty(cookieJunk, fc.boolean(), fc.boolean(), async (junk, withSession, withOrigin) => {
        const socket = open(nsp, { Cookie: [withSession ? admin.cookie : '', junk].filter(Boolean).join('; '), ...(withOrigin ? { Origin: app.baseUrl } : {}) });
        try {
          await handshake(socket);
        } finally {
          socket.close();
        }
      }), { numRuns: FUZZ_RUNS * 2, seed: FUZZ_SEED, reporter: shortReport });
      assert.equal((await fetch(`${app.baseUrl}/healthz`)).status, 200, `/healthz after handshakes on ${nsp}`);
    }
  });

  it('every event a socket listens to, fed any payload, leaves the socket served and writes nothing', async () => {
    for (const [nsp, barrier] of Object.entries(BARRIERS)) {
      const socket = open(nsp, { Cookie: admin.cookie, Origin: app.baseUrl });
      assert.equal(await handshake(socket), 'connected', nsp);
      try {
        const served = app.io.of(nsp).sockets.get(socket.id ?? '');
        assert.ok(served, `the server's socket for ${nsp}`);
        const events = served.eventNames().map(String).filter((e) => !RESERVED.has(e));
        assert.ok(events.includes(barrier.event) && events.includes('error'), `${nsp}: ${events.join(', ')}`);
        for (const event of [...events, 'tidak:ada']) {
          const args = fc.array(fc.anything({ maxDepth: 3, withNullPrototype: true, withSparseArray: true }), { maxLength: 3 });
          await fc.assert(fc.asyncProperty(args, fc.boolean(), async (payload, withAck) => {
            const before = await app.deps.store.lastSeq();
            if (withAck) socket.emit(event, ...payload, () => undefined);
            else socket.emit(event, ...payload);
            // Packets on one socket are handled in order: the barrier's answer comes after the fuzzed one was handled.
            const answer: unknown = await socket.timeout(15_000).emitWithAck(barrier.event, barrier.payload);
            assert.ok(answer && typeof answer === 'object', `${nsp} ${barrier.event} answered after ${event}`);
            assert.equal(socket.connected, true, `${nsp} still connected after ${event}`);
            assert.equal(await app.deps.store.lastSeq(), before, `${event} wrote nothing`);
          }), { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, reporter: shortReport });
        }
      } finally {
        socket.close();
      }
      assert.equal((await fetch(`${app.baseUrl}/healthz`)).status, 200, `/healthz after events on ${nsp}`);
    }
  });
});
