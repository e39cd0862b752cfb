// The SQLite store on its worker thread (SQLITE_WORKER=on, the default) held to the same store
// contract as in process (./sqlite.test.ts): the proxy must not change one behaviour. With one
// reader thread, as configured by default, so lists and aggregates read through a second
// connection right after the writer's commits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerStore } from '../../server/store/sqlite/worker-store.ts';
import { runStoreContract } from './contract.ts';

runStoreContract('SQLite (worker thread)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-warga-store-'));
  const file = join(dir, 'suara-warga.sqlite');
  let store = await WorkerStore.open(file, { readers: 1 });
  return {
    get store() { return store; },
    async reopen() {
      await store.close();
      store = await WorkerStore.open(file, { readers: 1 });
      return store;
    },
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
