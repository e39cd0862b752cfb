// No Socket.IO middleware or event handler may let an exception escape: a throw inside a
// namespace middleware runs outside Express and outside any promise chain, so it would end the
// process (and with WORKERS=1 the whole hotline). Every `use` and `on` in this folder goes through
// these wrappers: a failure is logged as a warning, the socket is told, the process goes on.
import { message } from '../../shared/messages.ts';
import type { SocketErrorPayload } from '../../shared/realtime.ts';
import type { Logger } from '../logger.ts';

type Next = (err?: Error) => void;

/** The part of a typed server socket the guards need. */
interface GuardedSocket {
  readonly id: string;
  readonly nsp: { readonly name: string };
  emit(event: 'error', payload: SocketErrorPayload): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
}

const failure = (): SocketErrorPayload => ({ code: 'internal_error', message: message('internal_error') });

/**
 * A namespace middleware that cannot throw: a synchronous throw or a rejection refuses the
 * handshake with `internal_error` (the client's connect_error carries it in `data`). `next` may
 * be called once only, so a late failure after a call is just logged.
 */
export function guardMiddleware<S extends GuardedSocket>(logger: Logger, middleware: (socket: S, next: Next) => unknown): (socket: S, next: Next) => void {
  return (socket, next) => {
    let called = false;
    const once: Next = (err) => {
      if (called) return;
      called = true;
      next(err);
    };
    const fail = (err: unknown): void => {
      logger.warn({ err, nsp: socket.nsp.name }, 'socket middleware failed');
      once(Object.assign(new Error('internal_error'), { data: failure() }));
    };
    try {
      Promise.resolve(middleware(socket, once)).catch(fail);
    } catch (err) {
      fail(err);
    }
  };
}

/**
 * An event handler that cannot throw: a throw or rejection is logged as a warning, answered on
 * the ack (when the client asked for one and it was not answered yet) and announced with an
 * `error` event. Typed by the listener socket.on expects, so payloads keep their shared types.
 */
export function guardHandler<A extends unknown[]>(logger: Logger, socket: GuardedSocket, event: string, handler: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    const fail = (err: unknown): void => {
      logger.warn({ err, nsp: socket.nsp.name, event }, 'socket handler failed');
      const ack = args[args.length - 1];
      // Socket.IO ignores a second call of an ack, so this never answers twice.
      if (typeof ack === 'function') ack({ error: failure() });
      socket.emit('error', failure());
    };
    try {
      Promise.resolve(handler(...args)).catch(fail);
    } catch (err) {
      fail(err);
    }
  };
}

/**
 * Socket.IO emits `error` on a server socket for a rejected packet or one a client sent under
 * that name; a Node EventEmitter without an `error` listener throws. Every connected socket gets
 * this listener first.
 */
export function guardSocket(logger: Logger, socket: GuardedSocket): void {
  socket.on('error', (err) => logger.warn({ err, nsp: socket.nsp.name }, 'socket error'));
}
