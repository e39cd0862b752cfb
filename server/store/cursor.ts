import type { Report } from '../../shared/types.ts';

// Keyset pagination (newest first): the cursor names the last item seen.
export function encodeCursor(report: Pick<Report, 'createdAt' | 'code'>): string {
  return Buffer.from(`${report.createdAt}|${report.code}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; code: string } | null {
  const [createdAt, code] = Buffer.from(cursor, 'base64url').toString().split('|');
  return createdAt && code ? { createdAt, code } : null;
}
