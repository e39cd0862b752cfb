// The device cookie that makes a "dukung" count once per phone: a random id and its HMAC, so a
// citizen cannot mint ids by hand (each would be a new supporter). Clearing cookies makes a new
// device; the rate limit bounds what that buys.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Deps } from '../deps.ts';
import { readCookie } from '../http/cookies.ts';

export const DEVICE_COOKIE = 'sw_device';
const SECRET_SETTING = 'deviceSecret';
const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;

function sign(secret: string, id: string): string {
  return createHmac('sha256', secret).update(id).digest('base64url');
}

/** The key: DEVICE_SECRET, else one made once and kept in the store so every process shares it. */
async function loadSecret(deps: Pick<Deps, 'config' | 'store'>): Promise<string> {
  if (deps.config.deviceSecret) return deps.config.deviceSecret;
  const stored = await deps.store.getSetting<string>(SECRET_SETTING);
  if (stored) return stored;
  await deps.store.putSetting(SECRET_SETTING, randomBytes(32).toString('base64url'));
  // Read back: when two processes start together, both adopt whichever write landed last.
  return (await deps.store.getSetting<string>(SECRET_SETTING)) ?? '';
}

export interface DeviceIds {
  /** The device id of this request's valid cookie, or a new one set on the response. */
  of(req: Request, res: Response): Promise<string>;
}

export function deviceIds(deps: Pick<Deps, 'config' | 'store'>): DeviceIds {
  let secret: Promise<string> | null = null;
  return {
    async of(req, res) {
      secret ??= loadSecret(deps).catch((err: unknown) => { secret = null; throw err; });
      const key = await secret;
      const cookie = readCookie(req.get('cookie'), DEVICE_COOKIE);
      const [id, signature] = cookie?.split('.') ?? [];
      if (id && signature) {
        const expected = Buffer.from(sign(key, id));
        const given = Buffer.from(signature);
        if (expected.length === given.length && timingSafeEqual(expected, given)) return id;
      }
      const fresh = randomUUID();
      res.cookie(DEVICE_COOKIE, `${fresh}.${sign(key, fresh)}`, {
        httpOnly: true, sameSite: 'lax', path: '/', maxAge: TWO_YEARS_MS, secure: req.secure,
      });
      return fresh;
    },
  };
}
