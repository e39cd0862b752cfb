import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

export type PhotoVariant = 'full' | 'thumb';

/** Where re-encoded photos live: files under DATA_DIR here, GridFS on MongoDB. */
export interface PhotoStorage {
  save(id: string, variant: PhotoVariant, bytes: Buffer): Promise<void>;
  read(id: string, variant: PhotoVariant): Promise<Buffer | null>;
  remove(id: string): Promise<void>;
}

const SAFE_ID = /^[A-Za-z0-9_-]{22}$/;

/** Photo ids are 128 random bits in base64url; anything else is refused before any lookup. */
export function isPhotoId(id: string): boolean {
  return SAFE_ID.test(id);
}

export class DiskPhotoStorage implements PhotoStorage {
  constructor(private readonly dir: string) {}

  private path(id: string, variant: PhotoVariant): string {
    if (!SAFE_ID.test(id)) throw new Error('invalid photo id');
    // Two-character fan-out keeps directories small on a busy year.
    return join(this.dir, id.slice(0, 2), `${id}${variant === 'thumb' ? '.thumb' : ''}.jpg`);
  }

  async save(id: string, variant: PhotoVariant, bytes: Buffer): Promise<void> {
    const path = this.path(id, variant);
    await mkdir(join(this.dir, id.slice(0, 2)), { recursive: true });
    // Write then rename, so a reader never sees half a photo.
    await writeFile(`${path}.part`, bytes);
    await rename(`${path}.part`, path);
  }

  async read(id: string, variant: PhotoVariant): Promise<Buffer | null> {
    if (!SAFE_ID.test(id)) return null;
    try {
      return await readFile(this.path(id, variant));
    } catch {
      return null;
    }
  }

  async remove(id: string): Promise<void> {
    await Promise.all((['full', 'thumb'] as const).map((v) => rm(this.path(id, v), { force: true })));
  }
}
