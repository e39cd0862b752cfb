import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import type { DeskUser } from '../../shared/desk.ts';
import { DESK_TRANSPORTS, type DeskClientToServer, type DeskEventPayload, type DeskServerToClient } from '../../shared/realtime.ts';
import type { Role } from '../../shared/types.ts';
import { createUser } from '../../server/auth/users.ts';
import type { RunningApp } from './start-app.ts';

export const PASSWORD = 'rahasia-sekali-123';

export interface Person { user: DeskUser; cookie: string }

export async function addUser(app: RunningApp, username: string, role: Role, bound: { agencyId?: string; kecamatan?: string } = {}): Promise<DeskUser> {
  return createUser(app.deps, { username, name: `Pak ${username}`, role, ...bound, password: PASSWORD });
}

/** Logs in through the API (as a browser would, with Origin) and returns the session cookie. */
export async function login(app: Pick<RunningApp, 'baseUrl'>, username: string, password = PASSWORD): Promise<string> {
  const res = await request(app.baseUrl).post('/api/auth/login').set('Origin', app.baseUrl).send({ username, password }).expect(200);
  const setCookie = res.headers['set-cookie'] as unknown as string[];
  return setCookie[0].split(';')[0];
}

export async function addAndLogin(app: RunningApp, username: string, role: Role, bound: { agencyId?: string; kecamatan?: string } = {}): Promise<Person> {
  const user = await addUser(app, username, role, bound);
  return { user, cookie: await login(app, username) };
}

export type DeskSocket = Socket<DeskServerToClient, DeskClientToServer>;

/** A desk socket that records every report event it receives. */
export function openDesk(app: Pick<RunningApp, 'baseUrl'>, cookie: string | null, headers: { origin?: string } = {}): { socket: DeskSocket; received: DeskEventPayload[]; connected: Promise<void> } {
  const socket: DeskSocket = connect(`${app.baseUrl}/desk`, {
    transports: [...DESK_TRANSPORTS], reconnection: false, forceNew: true,
    extraHeaders: { ...(cookie ? { Cookie: cookie } : {}), ...(headers.origin ? { Origin: headers.origin } : {}) },
  });
  const received: DeskEventPayload[] = [];
  socket.on('report:created', (p) => received.push(p));
  socket.on('report:updated', (p) => received.push(p));
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, received, connected };
}

/**
 * Resolves once `check` holds (e.g. an event has been received). It sets no deadline of its own:
 * a fixed one fails on a busy machine, and the test's own timeout already bounds the wait.
 * To prove that something did NOT arrive, wait for a later event sent as a barrier instead of
 * sleeping: a socket delivers events in the order they were emitted.
 */
export async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

/** One desk action through the HTTP API, as the desk page sends it. */
export function deskAction(app: Pick<RunningApp, 'baseUrl'>, cookie: string, publicId: string, body: Record<string, unknown>): request.Test {
  return request(app.baseUrl).post(`/api/desk/reports/${encodeURIComponent(publicId)}/actions`).set('Cookie', cookie).set('Origin', app.baseUrl).send(body);
}
