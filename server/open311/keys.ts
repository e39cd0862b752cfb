// Open311 partners' API keys: made and revoked at the CLI (npm run cli -- apikey …), checked on
// every request that names one. The key is shown once, when made; only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { auditEntry } from '../audit/entry.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { ApiKeyRecord } from '../store/apikey-port.ts';
import type { AuditActor } from '../store/port.ts';

/** A recognisable prefix (secret scanners and people can tell what leaked), then 192 random bits. */
const KEY_PREFIX = 'sw311_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

type KeyDeps = Pick<Deps, 'store' | 'clock'>;

/** Makes a key for a partner; the answer's `key` exists nowhere else. */
export async function addApiKey(deps: KeyDeps, name: string, actor: AuditActor): Promise<{ record: ApiKeyRecord; key: string }> {
  const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const record: ApiKeyRecord = { id: `k${randomBytes(5).toString('hex')}`, name, keyHash: hashApiKey(key), createdAt: deps.clock().toISOString(), revokedAt: null };
  const { keyHash: _hash, ...shown } = record;
  await deps.store.apiKeys.createApiKey(record, auditEntry(deps.clock(), actor, 'apikey.create', `apikey:${record.id}`, null, shown));
  return { record, key };
}

/** False when there is no such key or it was revoked before. */
export async function revokeApiKey(deps: KeyDeps, id: string, actor: AuditActor): Promise<boolean> {
  const current = await deps.store.apiKeys.getApiKey(id);
  if (!current) return false;
  const at = deps.clock().toISOString();
  const { keyHash: _hash, ...shown } = current;
  return deps.store.apiKeys.revokeApiKey(id, at, auditEntry(deps.clock(), actor, 'apikey.revoke', `apikey:${id}`, shown, { ...shown, revokedAt: at }));
}

/**
 * The live key a request names. Missing, unknown and revoked are all 403, as the spec says
 * ("Missing or Invalid API Key"); unknown and revoked read the same, so a guesser learns nothing.
 */
export async function authenticateKey(deps: Pick<Deps, 'store'>, raw: string | undefined): Promise<ApiKeyRecord> {
  if (!raw) throw new AppError('open311_key_missing', { status: 403 });
  // Longer than any key we make: not one of ours, and not worth hashing.
  if (raw.length > 200) throw new AppError('open311_key_invalid', { status: 403 });
  const record = await deps.store.apiKeys.getApiKeyByHash(hashApiKey(raw));
  if (!record || record.revokedAt !== null) throw new AppError('open311_key_invalid', { status: 403 });
  return record;
}
