// "Dukung" (me too): a citizen backs an existing public report instead of filing a duplicate.
// A support is a change like any other: the report's count and a `report.supported` event,
// committed together (with the device, so it counts once) and published to the desks.
import type { Report } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { DuplicateSupportError } from '../store/port.ts';
import { CITIZEN } from './actors.ts';
import { changeReport, type PlannedChange } from './change-report.ts';
import { findReport } from './service.ts';

/** Confidential reports show nothing to back; rejected and merged ones send you elsewhere. */
export function canBeSupported(report: Pick<Report, 'confidential' | 'status'>): boolean {
  return !report.confidential && report.status !== 'rejected' && report.status !== 'duplicate';
}

/** Adds this device's support once; a second time from the same device counts nothing. */
export async function supportReport(deps: Deps, publicId: string, deviceId: string): Promise<{ report: Report; counted: boolean }> {
  try {
    const { reports: [report] } = await changeReport(deps, publicId, CITIZEN, (current) => {
      if (!canBeSupported(current)) throw new AppError('support_not_allowed', { status: 409 });
      const after: Report = { ...current, supportCount: current.supportCount + 1, updatedAt: deps.clock().toISOString() };
      return { before: current, after, type: 'report.supported', support: { deviceId } };
    });
    return { report, counted: true };
  } catch (err) {
    if (err instanceof DuplicateSupportError) return { report: await findReport(deps, publicId), counted: false };
    throw err;
  }
}

/**
 * When a desk marks a report `duplicate`, the original's side of it, committed in the same
 * transaction as the link: the duplicate's supporters and its citizen (who counts as one) are
 * added to the original's count, their devices move to it, and its event names the merged
 * report for its timeline.
 */
export function mergeInto(original: Report, duplicate: Report, at: string): PlannedChange {
  const added = duplicate.supportCount + 1;
  return {
    before: original,
    after: { ...original, supportCount: original.supportCount + added, updatedAt: at },
    type: 'report.supported',
    data: { merged: duplicate.publicId, added },
    moveSupportsFrom: duplicate.publicId,
  };
}
