import type { ClientSession, mongo } from 'mongoose';
import type { ApiKeyRecord, ApiKeyStore } from '../apikey-port.ts';
import type { AuditEntry } from '../port.ts';

interface ApiKeyDoc extends ApiKeyRecord { _id: string }

const HIDE_ID = { projection: { _id: 0 } } as const;

type Atomically = (work: (session: ClientSession | undefined) => Promise<void>) => Promise<void>;
type WriteAudit = (entry: AuditEntry, session: ClientSession | undefined) => Promise<void>;

/** Thin: the same documents as the SQLite adapter, in collection `api_keys` (unique on the hash). */
export class MongoApiKeyStore implements ApiKeyStore {
  private readonly keys: mongo.Collection<ApiKeyDoc>;

  constructor(db: mongo.Db, private readonly atomically: Atomically, private readonly writeAudit: WriteAudit) {
    this.keys = db.collection<ApiKeyDoc>('api_keys');
  }

  async prepare(): Promise<void> {
    await this.keys.createIndex({ keyHash: 1 }, { unique: true });
  }

  async createApiKey(key: ApiKeyRecord, audit?: AuditEntry): Promise<void> {
    await this.atomically(async (session) => {
      await this.keys.insertOne({ _id: key.id, ...key }, { session });
      if (audit) await this.writeAudit(audit, session);
    });
  }

  getApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    return this.keys.findOne({ keyHash }, HIDE_ID);
  }

  getApiKey(id: string): Promise<ApiKeyRecord | null> {
    return this.keys.findOne({ _id: id }, HIDE_ID);
  }

  listApiKeys(): Promise<ApiKeyRecord[]> {
    return this.keys.find({}, HIDE_ID).sort({ createdAt: 1, id: 1 }).toArray();
  }

  async revokeApiKey(id: string, at: string, audit?: AuditEntry): Promise<boolean> {
    let revoked = false;
    await this.atomically(async (session) => {
      const result = await this.keys.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: at } }, { session });
      revoked = result.modifiedCount === 1;
      if (revoked && audit) await this.writeAudit(audit, session);
    });
    return revoked;
  }
}
