import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.ts';
import { runStoreContract } from './contract.ts';

runStoreContract('SQLite (in process)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-warga-store-'));
  const file = join(dir, 'suara-warga.sqlite');
  let store = new SqliteStore(file);
  return {
    get store() { return store; },
    async reopen() {
      await store.close();
      store = new SqliteStore(file);
      return store;
    },
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
