// MongoDB reports a unique-index violation as error code 11000 (E11000) naming the index.
// These functions turn it into the port's errors, so domain code never sees a driver error.
import type { Report } from '../../../shared/types.ts';
import { DuplicateClientIdError, DuplicateCodeError, DuplicateSupportError, DuplicateUsernameError } from '../port.ts';

const DUPLICATE_KEY = 11000;

/** The first field of the unique index a duplicate-key error names; null for any other error. */
export function duplicateKeyField(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || (err as { code?: unknown }).code !== DUPLICATE_KEY) return null;
  const keyPattern = (err as { keyPattern?: unknown }).keyPattern;
  if (typeof keyPattern === 'object' && keyPattern !== null) {
    const [field] = Object.keys(keyPattern);
    if (field) return field;
  }
  // Older servers send only the message: "... index: clientId_1 dup key: { ... }".
  const message = err instanceof Error ? err.message : '';
  const index = / index: (\S+) dup key/.exec(message)?.[1];
  // An index is named after its fields: "clientId_1", "agencyId_1_createdAt_-1".
  return index ? index.replace(/_-?1(?:_.*)?$/, '') : null;
}

/** A failed report insert as the port names it: same clientId (a retry), same public id or code hash. */
export function toReportWriteError(err: unknown, report: Pick<Report, 'clientId'> & Partial<Pick<Report, 'publicId'>>): unknown {
  const field = duplicateKeyField(err);
  // The support index is { reportId, deviceId }: a device that already supported the report.
  if (field === 'reportId') return new DuplicateSupportError(report.publicId ?? '');
  if (field === 'clientId' && report.clientId) return new DuplicateClientIdError(report.clientId);
  if (field === 'publicId' || field === 'codeHash') return new DuplicateCodeError();
  return err;
}

export function toUserWriteError(err: unknown, username: string): unknown {
  return duplicateKeyField(err) === 'usernameKey' ? new DuplicateUsernameError(username) : err;
}
