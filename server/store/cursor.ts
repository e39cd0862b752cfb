import type { Report } from '../../shared/types.ts';

// Keyset pagination (newest first): the cursor names the last item seen.
export function encodeCursor(report: Pick<Report, 'createdAt' | 'publicId'>): string {
  return Buffer.from(`${report.createdAt}|${report.publicId}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; publicId: string } | null {
  const [createdAt, publicId] = Buffer.from(cursor, 'base64url').toString().split('|');
  return createdAt && publicId ? { createdAt, publicId } : null;
}
