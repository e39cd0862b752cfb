// "Dukung" (me too): a citizen backs an existing public report instead of filing a duplicate.
// A support is a change like any other: the report's count and a `report.supported` event,
// committed together (with the device, so it counts once) and published to the desks.
import type { DeskUser } from '../../shared/desk.ts';
import type { EventActor, Report } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { DuplicateSupportError, VersionConflictError } from '../store/port.ts';
import { commitAndPublish, eventFor, findReport } from './service.ts';

const CITIZEN: EventActor = { kind: 'citizen' };
const MAX_ATTEMPTS = 5;

/** Confidential reports show nothing to back; rejected and merged ones send you elsewhere. */
export function canBeSupported(report: Pick<Report, 'confidential' | 'status'>): boolean {
  return !report.confidential && report.status !== 'rejected' && report.status !== 'duplicate';
}

/** Adds this device's support once; a second time from the same device counts nothing. */
export async function supportReport(deps: Deps, publicId: string, deviceId: string): Promise<{ report: Report; counted: boolean }> {
  for (let attempt = 1; ; attempt += 1) {
    const report = await findReport(deps, publicId);
    if (!canBeSupported(report)) throw new AppError('support_not_allowed', { status: 409 });
    const next: Report = { ...report, supportCount: report.supportCount + 1, updatedAt: deps.clock().toISOString(), version: report.version + 1 };
    try {
      const stored = await deps.store.commitReport({ report: next, event: eventFor(next, 'report.supported', CITIZEN), expectedVersion: report.version, support: { deviceId } });
      deps.bus.publish(stored);
      return { report: next, counted: true };
    } catch (err) {
      if (err instanceof DuplicateSupportError) return { report, counted: false };
      if (err instanceof VersionConflictError && attempt < MAX_ATTEMPTS) continue;
      throw err;
    }
  }
}

/**
 * After a desk marks a report `duplicate`: its supporters and its citizen (who counts as one)
 * move to the original, whose event names the merged public id for its timeline. A separate commit
 * from the duplicate's own; should it fail, the duplicate is still marked and linked.
 */
export async function mergeSupportsIntoOriginal(deps: Deps, user: DeskUser, duplicate: Report): Promise<void> {
  if (!duplicate.duplicateOf) return;
  const added = duplicate.supportCount + 1;
  const actor: EventActor = { kind: 'user', userId: user.id, name: user.name, role: user.role };
  for (let attempt = 1; ; attempt += 1) {
    const original = await deps.store.getReport(duplicate.duplicateOf);
    if (!original) return;
    const next: Report = { ...original, supportCount: original.supportCount + added, updatedAt: deps.clock().toISOString(), version: original.version + 1 };
    try {
      await commitAndPublish(deps, next, eventFor(next, 'report.supported', actor, { merged: duplicate.publicId, added }), original.version);
      return;
    } catch (err) {
      if (err instanceof VersionConflictError && attempt < MAX_ATTEMPTS) continue;
      throw err;
    }
  }
}
