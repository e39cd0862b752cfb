import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { PUBLIC_ID_LENGTH } from '../../shared/public-id.ts';
import { CODE_ALPHABET, CODE_LENGTH, formatCode } from '../../shared/tracking-code.ts';

function randomSymbols(length: number): string {
  let raw = '';
  for (let i = 0; i < length; i += 1) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return raw;
}

/** A fresh tracking code from the OS's CSPRNG: about 59 bits, unguessable. */
export function generateTrackingCode(): string {
  return formatCode(randomSymbols(CODE_LENGTH));
}

/** A fresh public id: 8 symbols, about 39 bits, so ids are sparse and a collision is a retry. */
export function generatePublicId(): string {
  return randomSymbols(PUBLIC_ID_LENGTH);
}

/**
 * The tracking code is the reporter's credential, so only its hash is stored (as session ids
 * are): a copy of the database lets no one rate or reopen a report. Input: a normalised code.
 */
export function hashTrackingCode(code: string): string {
  return createHash('sha256').update(`tracking-code:${code}`).digest('base64url');
}

/** The stored form of a client's report id (the offline outbox's idempotency key). */
export function hashClientId(clientId: string): string {
  return createHash('sha256').update(`client-id:${clientId}`).digest('base64url');
}

// A retry of a submission whose answer was lost must get the same tracking code back, yet the
// store keeps no code. So the code is sealed with a key only the client's own id opens; the
// store keeps the client id hashed, so a copy of the database opens no seal.
// The key is HMAC-SHA-256 of the client id (HKDF's own first step; the id is the secret, so
// nothing is gained by expanding it): a seventh of hkdfSync's cost, paid on every intake.
// Seals made before carry no version prefix and open with the HKDF key they were made with.
const SEAL_VERSION = '2.';

function sealKey(clientId: string): Buffer {
  return createHmac('sha256', 'suara-warga tracking-code-seal').update(clientId).digest();
}

function legacySealKey(clientId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', clientId, 'suara-warga', 'tracking-code-seal', 32));
}

export function sealTrackingCode(code: string, clientId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(clientId), iv);
  const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
  return SEAL_VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The sealed code, or null when the seal does not open with this client id. */
export function openTrackingCode(sealed: string, clientId: string): string | null {
  const current = sealed.startsWith(SEAL_VERSION);
  try {
    const bytes = Buffer.from(current ? sealed.slice(SEAL_VERSION.length) : sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', current ? sealKey(clientId) : legacySealKey(clientId), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
