import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { ApiKeyRecord } from '../../../server/store/apikey-port.ts';
import type { AuditEntry, Store } from '../../../server/store/port.ts';
import { nextInstant, type ContractContext } from './fixtures.ts';

function makeKey(overrides: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return { id: `k${randomBytes(5).toString('hex')}`, name: 'Aplikasi Blora Satu', keyHash: randomBytes(32).toString('hex'), createdAt: nextInstant(), revokedAt: null, ...overrides };
}

function audit(action: string, target: string): AuditEntry {
  return { id: randomBytes(8).toString('hex'), at: nextInstant(), actor: { via: 'cli', userId: null, username: 'ops' }, action, target, before: null, after: { target } };
}

export function apiKeyCases(t: ContractContext): void {
  describe('Open311 API keys', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('finds a key by its hash and by id, lists oldest first, and writes its audit entry with it', async () => {
      const first = makeKey();
      const second = makeKey({ name: 'Jembatan SP4N-LAPOR!' });
      await store.apiKeys.createApiKey(first, audit('apikey.create', `apikey:${first.id}`));
      await store.apiKeys.createApiKey(second);
      assert.deepEqual(await store.apiKeys.getApiKeyByHash(first.keyHash), first);
      assert.deepEqual(await store.apiKeys.getApiKey(second.id), second);
      assert.equal(await store.apiKeys.getApiKeyByHash(randomBytes(32).toString('hex')), null);
      assert.equal(await store.apiKeys.getApiKey('k-missing'), null);
      assert.deepEqual(await store.apiKeys.listApiKeys(), [first, second]);
      const { items } = await store.listAudit({ limit: 10 });
      assert.deepEqual(items.map((e) => e.target), [`apikey:${first.id}`]);
    });

    it('revokes a key once: later revocations change nothing and write no audit entry', async () => {
      const key = makeKey();
      await store.apiKeys.createApiKey(key);
      const at = nextInstant();
      assert.equal(await store.apiKeys.revokeApiKey(key.id, at, audit('apikey.revoke', `apikey:${key.id}`)), true);
      assert.equal(await store.apiKeys.revokeApiKey(key.id, nextInstant(), audit('apikey.revoke', 'again')), false);
      assert.equal(await store.apiKeys.revokeApiKey('k-missing', nextInstant()), false);
      assert.deepEqual(await store.apiKeys.getApiKeyByHash(key.keyHash), { ...key, revokedAt: at });
      const { items } = await store.listAudit({ limit: 10 });
      assert.deepEqual(items.map((e) => e.target), [`apikey:${key.id}`]);
    });

    it('keeps keys across a reopen', async () => {
      const key = makeKey();
      await store.apiKeys.createApiKey(key);
      const reopened = await t.reopen();
      assert.deepEqual(await reopened.apiKeys.getApiKeyByHash(key.keyHash), key);
    });

    it('refuses a second key with the same hash and keeps the first', async () => {
      const key = makeKey();
      await store.apiKeys.createApiKey(key);
      await assert.rejects(store.apiKeys.createApiKey(makeKey({ keyHash: key.keyHash, name: 'Tiruan' })));
      assert.deepEqual(await store.apiKeys.listApiKeys(), [key]);
    });
  });
}
