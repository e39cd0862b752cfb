import { join } from 'node:path';
import type { Config } from '../config.ts';
import { DiskPhotoStorage, type PhotoStorage } from '../media/photo-storage.ts';
import type { Store } from './port.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';
import { WorkerStore } from './sqlite/worker-store.ts';

export interface Storage { store: Store; photos: PhotoStorage }

type MongoAdapter = [typeof import('./mongo/mongo-store.ts'), typeof import('../media/gridfs-photo-storage.ts')];

/**
 * The MongoDB adapter's modules, loaded when first asked for. Under server/boot.cjs (`npm start`)
 * every module is CommonJS and only tsx's CommonJS hook is registered, so an import() of a .ts
 * file would find no loader: there they are required. Under `--import tsx` (mocha) there is no
 * `require`, and import() is served by tsx's ESM hooks.
 */
function loadMongoAdapter(): Promise<MongoAdapter> {
  if (typeof require === 'function') return Promise.resolve([require('./mongo/mongo-store.ts'), require('../media/gridfs-photo-storage.ts')]);
  return Promise.all([import('./mongo/mongo-store.ts'), import('../media/gridfs-photo-storage.ts')]);
}

/**
 * The one place the adapter is chosen. Photos follow the store: files under DATA_DIR beside
 * SQLite, GridFS beside MongoDB (so every process behind the load balancer can serve them).
 * SQLite runs on a worker thread (SQLITE_WORKER=on, the default), or in this thread when off.
 * The MongoDB adapter is imported only when MONGODB_URI asks for it: mongoose and its driver
 * cost a SQLite server about 25 MB (bson alone allocates a 17 MB buffer when loaded).
 */
export async function openStorage(config: Pick<Config, 'dataDir' | 'mongodbUri' | 'mongodbTransactions' | 'sqliteWorker' | 'sqliteReaders'>): Promise<Storage> {
  if (config.mongodbUri) {
    const [{ MongoStore }, { GridFsPhotoStorage }] = await loadMongoAdapter();
    const store = await MongoStore.connect(config.mongodbUri, { transactions: config.mongodbTransactions });
    return { store, photos: new GridFsPhotoStorage(store.database) };
  }
  const file = join(config.dataDir, 'suara-warga.sqlite');
  return {
    store: config.sqliteWorker ? await WorkerStore.open(file, { readers: config.sqliteReaders }) : new SqliteStore(file),
    photos: new DiskPhotoStorage(join(config.dataDir, 'photos')),
  };
}
