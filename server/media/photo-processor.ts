import sharp, { type Metadata } from 'sharp';
import { randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { PhotoRef } from '../../shared/types.ts';

export const MAX_LONG_SIDE = 1600;
export const THUMB_LONG_SIDE = 320;

export interface ProcessedPhoto { ref: PhotoRef; full: Buffer; thumb: Buffer }

// sharp holds its own thread pool; without this a burst of uploads would decode many
// 12-megapixel images at once. The limit bounds memory to roughly `concurrency` decodes.
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly capacity: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.capacity) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}

/** The real type from the first bytes; the file name and the client's content type are ignored. */
export function sniffImageType(bytes: Buffer): 'jpeg' | 'png' | 'webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

export function newPhotoId(): string {
  return randomBytes(16).toString('base64url');
}

export class PhotoProcessor {
  private readonly semaphore: Semaphore;

  constructor(private readonly options: { maxPixels: number; concurrency: number }) {
    this.semaphore = new Semaphore(options.concurrency);
  }

  /**
   * Re-encodes an upload as a fresh JPEG: orientation applied, every metadata block
   * (EXIF, GPS, XMP, ICC comments) dropped, longest side ≤ 1600 px, plus a 320 px thumbnail.
   */
  async process(bytes: Buffer, field: string): Promise<ProcessedPhoto> {
    if (!sniffImageType(bytes)) throw new AppError('photo_unsupported_type', { status: 415, fields: { [field]: 'photo_unsupported_type' } });
    return this.semaphore.run(async () => {
      // The pixel limit is checked from the header, before any pixel is decoded (decompression bombs).
      let meta: Metadata;
      try {
        meta = await sharp(bytes, { limitInputPixels: false }).metadata();
      } catch {
        throw new AppError('photo_unreadable', { status: 422, fields: { [field]: 'photo_unreadable' } });
      }
      if (!meta.width || !meta.height) throw new AppError('photo_unreadable', { status: 422, fields: { [field]: 'photo_unreadable' } });
      if (meta.width * meta.height > this.options.maxPixels) {
        throw new AppError('photo_too_many_pixels', { status: 413, fields: { [field]: 'photo_too_many_pixels' } });
      }
      try {
        // Decoded once: the large photo's pixels, oriented and scaled down, feed both encodes.
        // A thumbnail pipeline of its own would decode the upload a second time (about a
        // quarter of the work for a 12-megapixel JPEG). Raw pixels carry no metadata at all.
        const { data, info } = await sharp(bytes, { limitInputPixels: this.options.maxPixels, failOn: 'error' })
          .rotate()
          .resize({ width: MAX_LONG_SIDE, height: MAX_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
          .raw()
          .toBuffer({ resolveWithObject: true });
        const pixels = { raw: { width: info.width, height: info.height, channels: info.channels } };
        const full = await sharp(data, pixels).jpeg({ quality: 80, mozjpeg: false }).toBuffer();
        const thumb = await sharp(data, pixels)
          .resize({ width: THUMB_LONG_SIDE, height: THUMB_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 70 })
          .toBuffer();
        return { ref: { id: newPhotoId(), width: info.width, height: info.height }, full, thumb };
      } catch {
        throw new AppError('photo_unreadable', { status: 422, fields: { [field]: 'photo_unreadable' } });
      }
    });
  }
}
