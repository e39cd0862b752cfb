import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { CategoryDetails, CategoryId, ReportRecord } from '../../shared/types.ts';

/** Fields a test sets on a report it makes: a category only together with its details. */
export type ReportOverrides = Partial<ReportRecord> & (CategoryDetails | { category?: never; details?: never });

/** A category with the least details it needs, for tests that care about the category only. */
export function withCategory(category: CategoryId): CategoryDetails {
  switch (category) {
    case 'pupuk': return { category, details: { fertiliserType: 'urea', problems: ['stok_kosong'] } };
    case 'jalan': return { category, details: { damageType: 'berlubang', severity: 2 } };
    case 'aspirasi': return { category, details: { topic: 'umum' } };
    default: return { category, details: {} };
  }
}

/** A valid report body; override any field to make one bad. */
export function validReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'jalan',
    description: 'Jalan desa berlubang besar dekat balai desa, berbahaya untuk motor.',
    kecamatan: '33.16.05',
    desa: '33.16.05.2001',
    name: 'Sutrisno',
    phone: '0812-3456-7890',
    clientId: randomUUID(),
    details: { damageType: 'berlubang', severity: 2, roadName: 'Jl. Diponegoro' },
    ...overrides,
  };
}

export function pupukReport(details: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return validReport({
    category: 'pupuk',
    description: 'Pupuk urea di kios dijual di atas HET dan harus beli paket.',
    details: { fertiliserType: 'urea', problems: ['di_atas_het'], kioskName: 'Kios Makmur', quantity: 2, unit: 'bag', price: 250000, priceUnit: 'total', purchaseDate: '2025-11-03', ...details },
    ...overrides,
  });
}

/** A JPEG carrying EXIF with a GPS position, as a phone camera writes it. */
export async function jpegWithGps(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 120, g: 160, b: 90 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestPhone', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '7/1 9/1 46/1', GPSLongitudeRef: 'E', GPSLongitude: '111/1 33/1 59/1' } })
    .toBuffer();
}

export async function pngImage(width = 64, height = 64): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#336699' } }).png().toBuffer();
}
