import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { SessionRecord, Store } from '../store/port.ts';

export const SESSION_COOKIE = 'sw_session';

// lastSeenAt is written at most this often: a busy desk should not turn every read into a write.
const TOUCH_EVERY_MS = 60_000;

/** Only a hash of the cookie value is stored, so a copy of the database opens no session. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function openSession(store: Store, userId: string, now: Date, config: Pick<Config, 'sessionMaxHours'>): Promise<{ token: string; session: SessionRecord }> {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const session: SessionRecord = {
    id: sessionIdOf(token), userId, createdAt: at, lastSeenAt: at,
    expiresAt: new Date(now.getTime() + config.sessionMaxHours * 3_600_000).toISOString(),
  };
  await store.createSession(session);
  return { token, session };
}

export function isSessionLive(session: SessionRecord, now: Date, config: Pick<Config, 'sessionIdleMinutes'>): boolean {
  const idleUntil = Date.parse(session.lastSeenAt) + config.sessionIdleMinutes * 60_000;
  return now.getTime() < idleUntil && now.toISOString() < session.expiresAt;
}

/**
 * The live session a token names, touched. An expired one is deleted on the way and reported
 * through `onExpired`, so whatever else holds it (a socket) can be closed too.
 */
export async function resumeSession(
  store: Store, token: string, now: Date, config: Pick<Config, 'sessionIdleMinutes'>, onExpired: (id: string) => void = () => {},
): Promise<SessionRecord | null> {
  const session = await store.getSession(sessionIdOf(token));
  if (!session) return null;
  if (!isSessionLive(session, now, config)) {
    await store.deleteSession(session.id);
    onExpired(session.id);
    return null;
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
    session.lastSeenAt = now.toISOString();
    await store.touchSession(session.id, session.lastSeenAt);
  }
  return session;
}
