// The reporter's tracking code, kept for the sender in the reporter's contact: every message
// names the report by it, and a later status change no longer knows it (only its hash is in the
// report). Sealed (AES-256-GCM) with NOTIFY_SECRET, else with a key made once and kept in the
// store's settings so every process shares it. With NOTIFY_SECRET set outside the database, a
// copy of the database opens no code; without it, the seal only keeps codes out of the reports.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../deps.ts';

const SETTING = 'notifySecret';
const keys = new WeakMap<object, Promise<Buffer>>();

async function loadSecret(deps: Pick<Deps, 'config' | 'store'>): Promise<string> {
  if (deps.config.notify.secret) return deps.config.notify.secret;
  const stored = await deps.store.getSetting<string>(SETTING);
  if (stored) return stored;
  await deps.store.putSetting(SETTING, randomBytes(32).toString('base64url'));
  // Read back: when two processes start together, both adopt whichever write landed last.
  return (await deps.store.getSetting<string>(SETTING)) ?? '';
}

/** One key per store, loaded once. */
export function sealKey(deps: Pick<Deps, 'config' | 'store'>): Promise<Buffer> {
  let key = keys.get(deps.store);
  if (!key) {
    key = loadSecret(deps).then((secret) => createHash('sha256').update(`notify-seal:${secret}`).digest());
    key.catch(() => keys.delete(deps.store));
    keys.set(deps.store, key);
  }
  return key;
}

export function sealCode(key: Buffer, code: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The code, or null when the seal does not open with this key (NOTIFY_SECRET changed). */
export function openCode(key: Buffer, sealed: string): string | null {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
