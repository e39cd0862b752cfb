import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose, { type mongo } from 'mongoose';
import { isPhotoId, type PhotoStorage, type PhotoVariant } from './photo-storage.ts';

/**
 * Photos in GridFS (bucket `photos`) on the store's MongoDB, so every server process can serve
 * a photo another one received. One GridFS file per variant, named like the disk file.
 */
export class GridFsPhotoStorage implements PhotoStorage {
  private readonly bucket: mongo.GridFSBucket;

  constructor(db: mongo.Db) {
    this.bucket = new mongoose.mongo.GridFSBucket(db, { bucketName: 'photos' });
  }

  private filename(id: string, variant: PhotoVariant): string {
    if (!isPhotoId(id)) throw new Error('invalid photo id');
    return `${id}${variant === 'thumb' ? '.thumb' : ''}.jpg`;
  }

  async save(id: string, variant: PhotoVariant, bytes: Buffer): Promise<void> {
    const filename = this.filename(id, variant);
    // GridFS writes the chunks first and the file document last, so a reader never finds half
    // a photo. Saving again makes a newer revision; the older ones are removed afterwards.
    const upload = this.bucket.openUploadStream(filename, { metadata: { photoId: id, variant } });
    await pipeline(Readable.from([bytes]), upload);
    const older = await this.bucket.find({ filename, _id: { $ne: upload.id } }).toArray();
    await Promise.all(older.map((file) => this.deleteFile(file._id)));
  }

  async read(id: string, variant: PhotoVariant): Promise<Buffer | null> {
    if (!isPhotoId(id)) return null;
    const [file] = await this.bucket.find({ filename: this.filename(id, variant) }).sort({ uploadDate: -1 }).limit(1).toArray();
    if (!file) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of this.bucket.openDownloadStream(file._id)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async remove(id: string): Promise<void> {
    if (!isPhotoId(id)) throw new Error('invalid photo id');
    const files = await this.bucket.find({ filename: { $in: [this.filename(id, 'full'), this.filename(id, 'thumb')] } }).toArray();
    await Promise.all(files.map((file) => this.deleteFile(file._id)));
  }

  /** Like rm --force: a file another process removed in the meantime is not an error. */
  private async deleteFile(fileId: mongo.ObjectId): Promise<void> {
    try {
      await this.bucket.delete(fileId);
    } catch (err) {
      if (!(err instanceof Error && err.message.startsWith('File not found'))) throw err;
    }
  }
}
