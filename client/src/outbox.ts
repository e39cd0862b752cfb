// Reports waiting to be sent live in IndexedDB (photos as Blobs), so closing the browser or
// losing the battery does not lose them. Keyed by clientId: one report, one entry, one creation.
import type { Pairs } from './form-fields.ts';

export interface OutboxEntry {
  clientId: string;
  category: string;
  pairs: Pairs;
  photos: Blob[];
  createdAt: string;
}

const DB = 'suara-warga';
const STORE = 'outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'clientId' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const putEntry = (entry: OutboxEntry) => run('readwrite', (s) => s.put(entry)).then(() => undefined);
export const deleteEntry = (clientId: string) => run('readwrite', (s) => s.delete(clientId)).then(() => undefined);
export const listEntries = () => run('readonly', (s) => s.getAll() as IDBRequest<OutboxEntry[]>);
