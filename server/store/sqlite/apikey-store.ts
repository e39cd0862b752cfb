import type Database from 'better-sqlite3';
import type { ApiKeyRecord, ApiKeyStore } from '../apikey-port.ts';
import type { AuditEntry } from '../port.ts';

/**
 * Open311 API keys in the same SQLite file (migration 016-api-keys). Writes are rare (an admin at
 * the CLI), so each is its own transaction; the key lookup on every partner request is one read
 * through the unique index on the hash.
 */
export class SqliteApiKeyStore implements ApiKeyStore {
  constructor(private readonly db: Database.Database, private readonly writeAudit: (entry: AuditEntry) => void) {}

  private parse(doc: unknown): ApiKeyRecord | null {
    return typeof doc === 'string' ? (JSON.parse(doc) as ApiKeyRecord) : null;
  }

  async createApiKey(key: ApiKeyRecord, audit?: AuditEntry): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO api_keys (id, key_hash, created_at, doc) VALUES (?, ?, ?, ?)').run(key.id, key.keyHash, key.createdAt, JSON.stringify(key));
      if (audit) this.writeAudit(audit);
    }).immediate();
  }

  async getApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    return this.parse(this.db.prepare('SELECT doc FROM api_keys WHERE key_hash = ?').pluck().get(keyHash));
  }

  async getApiKey(id: string): Promise<ApiKeyRecord | null> {
    return this.parse(this.db.prepare('SELECT doc FROM api_keys WHERE id = ?').pluck().get(id));
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return this.db.prepare('SELECT doc FROM api_keys ORDER BY created_at, id').pluck().all().flatMap((doc) => this.parse(doc) ?? []);
  }

  async revokeApiKey(id: string, at: string, audit?: AuditEntry): Promise<boolean> {
    return this.db.transaction(() => {
      const current = this.parse(this.db.prepare('SELECT doc FROM api_keys WHERE id = ?').pluck().get(id));
      if (!current || current.revokedAt !== null) return false;
      this.db.prepare('UPDATE api_keys SET doc = ? WHERE id = ?').run(JSON.stringify({ ...current, revokedAt: at }), id);
      if (audit) this.writeAudit(audit);
      return true;
    }).immediate();
  }
}
