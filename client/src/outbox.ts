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
/** Photos of the draft being written, per category (localStorage cannot hold Blobs). */
const DRAFT_PHOTOS = 'draft-photos';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 2);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'clientId' });
      if (!db.objectStoreNames.contains(DRAFT_PHOTOS)) db.createObjectStore(DRAFT_PHOTOS, { keyPath: 'category' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>, storeName = STORE): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      const req = act(tx.objectStore(storeName));
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

export interface DraftPhotos { category: string; clientId: string; photos: Blob[] }
export const putDraftPhotos = (d: DraftPhotos) => run('readwrite', (s) => s.put(d), DRAFT_PHOTOS).then(() => undefined);
export const getDraftPhotos = (category: string) => run('readonly', (s) => s.get(category) as IDBRequest<DraftPhotos | undefined>, DRAFT_PHOTOS);
