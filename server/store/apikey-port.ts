// The store capability of Open311 partners' API keys. Reached as `store.apiKeys`, so the port of
// reports stays about reports. A key itself is never stored, only its SHA-256 (a copy of the
// database opens no partner's access); it is shown once, when made (`npm run cli -- apikey add`).
import type { AuditEntry } from './port.ts';

export interface ApiKeyRecord {
  /** Short, public, stable: names the key in lists, the audit trail, rate-limit counters and a report's origin. */
  id: string;
  /** The partner's name as the desk shows it ("Aplikasi Blora Satu", "Jembatan SP4N-LAPOR!"). */
  name: string;
  /** SHA-256 (hex) of the whole key. */
  keyHash: string;
  createdAt: string;
  /** Set once revoked; a revoked key is refused from then on and never comes back. */
  revokedAt: string | null;
}

export interface ApiKeyStore {
  /** With `audit`, the entry is written in the same transaction as the key. */
  createApiKey(key: ApiKeyRecord, audit?: AuditEntry): Promise<void>;
  /** The key whose hash this is, revoked or not (the caller decides). */
  getApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | null>;
  getApiKey(id: string): Promise<ApiKeyRecord | null>;
  /** Every key, oldest first. */
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /**
   * Marks the key revoked at `at` (with `audit` in the same transaction). False when there is no
   * such key or it was revoked already (then nothing is written, the first revocation stands).
   */
  revokeApiKey(id: string, at: string, audit?: AuditEntry): Promise<boolean>;
}
