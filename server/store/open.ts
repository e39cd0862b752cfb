import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Store } from './port.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';

/** The one place the adapter is chosen. */
export async function openStore(config: Pick<Config, 'dataDir' | 'mongodbUri'>): Promise<Store> {
  if (config.mongodbUri) {
    throw new Error('MONGODB_URI diset, tetapi adapter MongoDB belum tersedia di versi ini (lihat issue skala: MongoDB).');
  }
  return new SqliteStore(join(config.dataDir, 'suara-warga.sqlite'));
}
