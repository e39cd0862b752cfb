// How each desk action changes a report: the new report and the event describing it (a
// duplicate also changes its original: two changes, committed together).
// Role and status checks happen before (policy.ts); what is checked here is the action's own
// data (does the target agency, officer or original report exist).
import type { DeskActionInput, DeskUser } from '../../shared/desk.ts';
import type { EventType, Report } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { PlannedChange } from '../reports/change-report.ts';
import { mergeInto } from '../reports/support.ts';
import { canSee } from './policy.ts';
import { followUpDueAt } from './sla.ts';
import { parseCategoryDetails } from '../../shared/validation/report-input.ts';
import { wibDate } from '../../shared/working-days.ts';
import { storedDetails } from '../reports/pupuk.ts';

/** The note the timeline shows when an officer completed details a one-line report lacked. */
const DETAILS_COMPLETED = 'Rincian dilengkapi petugas.';

type ActionDeps = Pick<Deps, 'store' | 'catalog'>;

function invalid(field: string, code: 'invalid_agency' | 'same_agency' | 'invalid_assignee' | 'invalid_duplicate_of' | 'invalid_photo' | 'photo_already'): AppError {
  return new AppError('validation_failed', { status: 422, fields: { [field]: code } });
}

/**
 * `readReport` reads another report the action names (a duplicate's original): the store by
 * default; the demo seeder passes one that also sees the changes of its batch not yet committed.
 */
export async function applyAction(
  deps: ActionDeps, user: DeskUser, report: Report, input: DeskActionInput, now: Date,
  readReport: (publicId: string) => Promise<Report | null> = (publicId) => deps.store.getReport(publicId),
): Promise<PlannedChange[]> {
  const at = now.toISOString();
  const next: Report = { ...report, updatedAt: at };
  const event = (type: EventType, data: Record<string, unknown>, alsoAgencies: string[] = []): PlannedChange[] =>
    [{ before: report, after: next, type, data, alsoAgencies }];

  switch (input.type) {
    case 'verify': {
      // The follow-up clock (5 working days) starts at verification.
      const due = followUpDueAt(deps, report, now);
      Object.assign(next, { status: 'verified', verifiedAt: at, followUpDueAt: due, dueAt: due, overdueNotified: false });
      return event('report.verified', input.note ? { note: input.note } : {});
    }
    case 'start': {
      // Starting straight from `new` counts as verifying too.
      const due = report.followUpDueAt ?? followUpDueAt(deps, report, now);
      Object.assign(next, { status: 'in_progress', verifiedAt: report.verifiedAt ?? at, followUpDueAt: due, dueAt: due });
      if (due !== report.dueAt) next.overdueNotified = false;
      return event('report.started', input.note ? { note: input.note } : {});
    }
    case 'resolve':
      Object.assign(next, { status: 'resolved', resolvedAt: at, dueAt: null });
      return event('report.resolved', { note: input.note });
    case 'reject':
      Object.assign(next, { status: 'rejected', dueAt: null });
      return event('report.rejected', { reason: input.reason });
    case 'duplicate': {
      const original = input.of === report.publicId ? null : await readReport(input.of);
      // The original is named by the officer, so it is held to the same sight as the report:
      // another agency's report is as unknown here as one that does not exist, and nothing is written.
      if (!original || !canSee(user, original)) throw invalid('of', 'invalid_duplicate_of');
      Object.assign(next, { status: 'duplicate', duplicateOf: original.publicId, dueAt: null });
      return [...event('report.duplicate', { of: original.publicId }), mergeInto(original, report, at)];
    }
    case 'forward': {
      if (!deps.catalog.agency(input.agencyId)?.active) throw invalid('agencyId', 'invalid_agency');
      if (input.agencyId === report.agencyId) throw invalid('agencyId', 'same_agency');
      // Disposisi: the report leaves this desk; both desks hear of it (old one to drop it).
      Object.assign(next, { agencyId: input.agencyId, assigneeId: null });
      return event('report.forwarded', { from: report.agencyId, to: input.agencyId, note: input.note }, [report.agencyId]);
    }
    case 'assign': {
      const assignee = await deps.store.getUserById(input.userId);
      const fits = assignee && !assignee.disabled && assignee.agencyId === report.agencyId
        && (assignee.role === 'officer' || assignee.role === 'agency_admin');
      if (!fits) throw invalid('userId', 'invalid_assignee');
      next.assigneeId = assignee.id;
      return event('report.assigned', { userId: assignee.id, name: assignee.name });
    }
    case 'reply':
      return event('report.replied', { message: input.message });
    case 'note':
      return event('report.noted', { text: input.text });
    case 'complete_details': {
      const parsed = parseCategoryDetails(report.category, input.details, wibDate(now));
      if (!parsed.ok) throw new AppError('validation_failed', { status: 422, fields: parsed.fields });
      Object.assign(next, storedDetails(parsed.value, wibDate(new Date(report.createdAt))));
      return event('report.noted', { text: DETAILS_COMPLETED, detailsCompleted: true });
    }
    case 'redact':
      // The citizen's own text stays for the desk; the event says only that it was redacted,
      // so neither version travels in the event log to every desk's socket.
      next.publicDescription = input.text;
      return event('report.redacted', {});
    case 'hide_photo':
    case 'publish_photo': {
      const hide = input.type === 'hide_photo';
      const photo = report.photos.find((p) => p.id === input.photoId);
      if (!photo) throw invalid('photoId', 'invalid_photo');
      if (Boolean(photo.hidden) === hide) throw invalid('photoId', 'photo_already');
      next.photos = report.photos.map((p) => (p.id === photo.id ? { ...p, hidden: hide } : p));
      return event(hide ? 'report.photo_hidden' : 'report.photo_published', { photoId: photo.id });
    }
  }
}
