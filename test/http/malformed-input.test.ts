// Input an attacker sends on purpose: cookies and paths with broken %-escapes, a socket handler
// that fails. None of it may answer 5xx, and none of it may end the process.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Server as SocketServer } from 'socket.io';
import { io as connect } from 'socket.io-client';
import request from 'supertest';
import { DESK_NAMESPACE, type SocketErrorPayload } from '../../shared/realtime.ts';
import { SESSION_COOKIE } from '../../server/auth/sessions.ts';
import { guardHandler, guardMiddleware, guardSocket } from '../../server/realtime/guard.ts';
import { addAndLogin, type Person } from '../helpers/desk.ts';
import { validReport } from '../helpers/fixtures.ts';
import { startServer, stop, type ServerProc } from '../helpers/processes.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

const ESCAPE_MESSAGE = /kode persen \(%\) yang rusak/;

describe('malformed requests answer 400, never 500', () => {
  let app: RunningApp;
  let officer: Person;
  before(async () => {
    app = await startApp();
    officer = await addAndLogin(app, 'pu1', 'officer', { agencyId: 'dpupr' });
  });
  after(() => app.close());

  // The paths of the issue: each answered 500 with an error-level stack.
  const paths: { path: string; json: boolean; signedIn?: boolean }[] = [
    { path: '/media/%ZZ', json: true },
    { path: '/lapor/%ZZ', json: false },
    { path: '/api/desk/reports/%ZZ', json: true, signedIn: true },
    { path: '/lacak/%E0%A4%A', json: false },
    { path: '/api/reports/%E0%A4%A', json: true },
    { path: '/terkirim/%ZZ', json: false },
    { path: '/ngopi/%ZZ', json: false },
  ];
  for (const c of paths) {
    it(`GET ${c.path} is 400 bad_request_encoding, said in Indonesian${c.json ? '' : ' on a page'}`, async () => {
      const req = request(app.app).get(c.path);
      const res = await (c.signedIn ? req.set('Cookie', officer.cookie) : req).expect(400);
      if (c.json) assert.equal(res.body.error.code, 'bad_request_encoding');
      else assert.match(res.type, /html/);
      assert.match(res.text, ESCAPE_MESSAGE);
    });
  }

  it('a session cookie with a broken escape is no session: 401, not 500', async () => {
    const res = await request(app.app).get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=%E0`).expect(401);
    assert.equal(res.body.error.code, 'unauthenticated');
  });

  it('a language cookie with a broken escape leaves the page in Bahasa Indonesia', async () => {
    const res = await request(app.app).get('/').set('Cookie', 'lang=%E0; other=%ZZ').expect(200);
    assert.match(res.text, /<html lang="id"/);
  });

  it('a device cookie with a broken escape is a new device: the "dukung" counts', async () => {
    const code = (await request(app.app).post('/api/reports').send(validReport()).expect(201)).body.publicId;
    const res = await request(app.baseUrl).post(`/api/reports/${code}/support`).set('Origin', app.baseUrl).set('Cookie', 'sw_device=%E0.%ZZ').expect(200);
    assert.deepEqual(res.body, { publicId: code, supportCount: 1, counted: true });
  });
});

describe('the process survives a malformed socket handshake', function () {
  this.timeout(120_000);
  let server: ServerProc;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-malformed-'));
    server = await startServer({ DATA_DIR: dataDir, MONGODB_URI: '', WORKERS: '1', REDIS_URL: '' });
  });
  after(async () => {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`a /desk handshake with Cookie ${SESSION_COOKIE}=%E0 is refused as unauthenticated, and /healthz still answers`, async () => {
    const socket = connect(`${server.baseUrl}${DESK_NAMESPACE}`, {
      transports: ['websocket'], reconnection: false, forceNew: true,
      extraHeaders: { Cookie: `${SESSION_COOKIE}=%E0`, Origin: server.baseUrl },
    });
    try {
      const refused = await new Promise<{ data?: { code?: string } }>((resolve, reject) => {
        socket.once('connect_error', resolve);
        socket.once('connect', () => reject(new Error('connected without a session')));
      });
      assert.equal(refused.data?.code, 'unauthenticated');
    } finally {
      socket.close();
    }
    assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200);
    assert.equal(server.child.exitCode, null, server.output());
  });
});

describe('socket guards: a failing handler or middleware is answered, logged, and survived', () => {
  let io: SocketServer;
  let baseUrl: string;
  const warnings: string[] = [];
  before(async () => {
    const logger = pino({ level: 'warn' }, { write: (line: string) => { warnings.push(JSON.parse(line).msg); } });
    const http = createServer();
    io = new SocketServer(http);
    io.of('/bad').use(guardMiddleware(logger, () => { throw new Error('boom in middleware'); }));
    io.of('/good').on('connection', (socket) => {
      guardSocket(logger, socket);
      socket.on('throws', guardHandler(logger, socket, 'throws', () => { throw new Error('boom'); }));
      socket.on('rejects', guardHandler(logger, socket, 'rejects', async (_payload: unknown, _ack: (r: unknown) => void) => { throw new Error('boom later'); }));
      socket.on('ping', guardHandler(logger, socket, 'ping', (ack: (r: string) => void) => ack('pong')));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  after(() => io.close());

  it('a middleware that throws refuses the handshake with internal_error', async () => {
    const socket = connect(`${baseUrl}/bad`, { transports: ['websocket'], reconnection: false, forceNew: true });
    const err = await new Promise<{ data?: SocketErrorPayload }>((resolve) => socket.once('connect_error', resolve));
    socket.close();
    assert.equal(err.data?.code, 'internal_error');
    assert.match(err.data?.message ?? '', /Terjadi kesalahan di server/);
    assert.ok(warnings.includes('socket middleware failed'));
  });

  it('a handler that throws or rejects sends an error event (and the ack an error), and the socket keeps working', async () => {
    const socket = connect(`${baseUrl}/good`, { transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const errors: SocketErrorPayload[] = [];
      socket.on('error', (e: SocketErrorPayload) => errors.push(e));
      const thrown = new Promise((resolve) => socket.once('error', resolve));
      socket.emit('throws');
      await thrown;
      const acked = await socket.emitWithAck('rejects', { any: 'thing' });
      assert.deepEqual(acked, { error: { code: 'internal_error', message: errors[0].message } });
      // A client may also send an event named "error": logged, not thrown.
      socket.emit('error', 'from the client');
      assert.equal(await socket.emitWithAck('ping'), 'pong');
      assert.equal(errors[0].code, 'internal_error');
      assert.ok(warnings.includes('socket handler failed'));
    } finally {
      socket.close();
    }
  });
});
