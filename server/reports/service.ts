import type { FeedbackInputValue } from '../../shared/validation/feedback-input.ts';
import { wibDate } from '../../shared/working-days.ts';
import { aspirasiDetailsOf } from '../../shared/details.ts';
import type { EventActor, Report, ReportChannel, ReportInput, ReportOrigin, PublicReportView } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { locationMismatchOf } from '../places/places.ts';
import type { ProcessedPhoto } from '../media/photo-processor.ts';
import { agencyForOnlineAspiration } from '../ngopi/routing.ts';
import { DuplicateClientIdError } from '../store/port.ts';
import { CITIZEN } from './actors.ts';
import { changeReport, createReport } from './change-report.ts';
import { toPublicView } from './presenter.ts';
import { keptContact } from '../../shared/anonymity.ts';
import { storedDetails } from './pupuk.ts';
import { contactWrites, type ReplyAddress } from '../notify/contact.ts';
import { notifyChannelOf } from '../notify/derive.ts';
import { sealKey } from '../notify/seal.ts';
import { generatePublicId, generateTrackingCode, hashClientId, hashTrackingCode, openTrackingCode, sealTrackingCode } from './tracking-code.ts';

export interface Upload { field: string; bytes: Buffer }

/** A facilitator entering aspirations names the agency and acts as themself; citizens pass nothing. */
export interface SubmitOptions {
  agencyId?: string;
  actor?: EventActor;
  channel?: ReportChannel;
  /** A channel report: the WhatsApp id or SMS number it came from, where its reporter hears back. */
  replyTo?: ReplyAddress;
  /** Open311: the partner, how the place was found, its media link (shared/types.ts ReportOrigin). */
  origin?: ReportOrigin;
  /** Open311's `email`, already passed through keptContact (shared/anonymity.ts). */
  reporterEmail?: string;
}

/**
 * The new report intake makes of a citizen's validated input (the demo seeder builds its reports
 * here too). `code` is its tracking code, of which only the hash (and a seal) is kept.
 */
export function buildReport(deps: Pick<Deps, 'catalog'>, input: ReportInput, photos: ProcessedPhoto[], now: Date, agencyId: string, channel: ReportChannel, code: string = generateTrackingCode()): Report {
  const createdAt = now.toISOString();
  const verifyDueAt = deps.catalog.verifyDueAt(input.category, now);
  // The citizen's choice stands; a GPS point in another area is flagged for the desk.
  const locationMismatch = locationMismatchOf(deps.catalog.places, input);
  const contact = keptContact(input);
  return {
    publicId: generatePublicId(),
    codeHash: hashTrackingCode(code),
    codeSeal: input.clientId ? sealTrackingCode(code, input.clientId) : null,
    clientId: input.clientId ? hashClientId(input.clientId) : null,
    ...storedDetails(input, wibDate(now)),
    agencyId,
    status: 'new',
    description: input.description,
    kecamatan: input.kecamatan,
    desa: input.desa,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    // The one anonymity rule (shared/anonymity.ts): an anonymous reporter's contact is kept only
    // when they asked to be told of progress, and then no desk sees it.
    reporterName: contact.name,
    reporterPhone: contact.phone,
    anonymous: input.anonymous,
    ...(input.notifyConsent && contact.phone ? { notifyConsent: true as const } : {}),
    confidential: input.confidential,
    photos: photos.map((p) => p.ref),
    assigneeId: null,
    duplicateOf: null,
    feedback: null,
    supportCount: 0,
    createdAt,
    updatedAt: createdAt,
    verifiedAt: null,
    resolvedAt: null,
    verifyDueAt,
    followUpDueAt: null,
    dueAt: verifyDueAt,
    overdueNotified: false,
    ...(locationMismatch ? { locationMismatch } : {}),
    channel,
    version: 1,
  };
}

/**
 * validate (done by the caller with the shared schema) → photos re-encoded → routed to its
 * agency → report and `report.created` committed together → published to the desks.
 * A retry with the same clientId returns the first report and creates nothing.
 */
/** Routing: the kecamatan's override or the category's agency, or for an aspiration of a Ngopi Bareng session, its topic's. */
async function routeReport(deps: Deps, input: ReportInput, options: SubmitOptions): Promise<string> {
  if (options.agencyId) return options.agencyId;
  const aspiration = aspirasiDetailsOf(input);
  if (aspiration?.session) return agencyForOnlineAspiration(deps, aspiration.session, aspiration.topic);
  return deps.catalog.agencyFor(input.category, input.kecamatan).id;
}

/**
 * What intake answers: the report, and its tracking code, which exists nowhere else (only its
 * hash is stored). A retry gets the same code back from the seal its client id opens.
 */
export interface Submitted { report: Report; created: boolean; code: string | null }

async function earlierSubmission(deps: Deps, clientId: string | undefined): Promise<Submitted | null> {
  if (!clientId) return null;
  const report = await deps.store.getReportByClientId(hashClientId(clientId));
  if (!report) return null;
  return { report, created: false, code: report.codeSeal ? openTrackingCode(report.codeSeal, clientId) : null };
}

export async function submitReport(deps: Deps, input: ReportInput, uploads: Upload[], options: SubmitOptions = {}): Promise<Submitted> {
  // A retry is answered from the store before any photo is re-encoded. Without photos there is
  // no work to save: the unique clientId index refuses the copy at commit and the catch below
  // returns the first report, so the common case skips a read.
  if (input.clientId && uploads.length > 0) {
    const existing = await earlierSubmission(deps, input.clientId);
    if (existing) return existing;
  }
  let agencyId: string;
  try {
    agencyId = await routeReport(deps, input, options);
  } catch (err) {
    // A retry from the outbox arriving after its session closed: the first copy was accepted.
    const existing = await earlierSubmission(deps, input.clientId);
    if (existing) return existing;
    throw err;
  }
  const photos: ProcessedPhoto[] = [];
  for (const upload of uploads) photos.push(await deps.photoProcessor.process(upload.bytes, upload.field));
  const saved: string[] = [];
  try {
    for (const photo of photos) {
      saved.push(photo.ref.id);
      await deps.photos.save(photo.ref.id, 'full', photo.full);
      await deps.photos.save(photo.ref.id, 'thumb', photo.thumb);
    }
    // A fresh code (and public id) per attempt: a collision is built again by createReport.
    // The reporter's contact, with the code sealed, is written with the report (server/notify/).
    let code = '';
    const key = notifyChannelOf({ channel: options.channel ?? 'web', notifyConsent: input.notifyConsent || undefined, reporterPhone: input.phone ?? null }) ? await sealKey(deps) : null;
    const { reports: [report] } = await createReport(deps, options.actor ?? CITIZEN, () => {
      code = generateTrackingCode();
      const report = buildReport(deps, input, photos, deps.clock(), agencyId, options.channel ?? 'web', code);
      return { ...report, ...(options.origin ? { origin: options.origin } : {}), ...(options.reporterEmail ? { reporterEmail: options.reporterEmail } : {}) };
    }, (built) => (key ? contactWrites(built, code, key, options.replyTo) : []));
    return { report, created: true, code };
  } catch (err) {
    // Nothing half-written: photos of a report that was not saved are removed again.
    await Promise.all(saved.map((id) => deps.photos.remove(id)));
    if (err instanceof DuplicateClientIdError) {
      const existing = await earlierSubmission(deps, input.clientId);
      if (existing) return existing;
    }
    throw err;
  }
}

/** By public id: what anyone may name (dukung, the desk, the public pages). */
export async function findReport(deps: Deps, publicId: string): Promise<Report> {
  const report = await deps.store.getReport(publicId);
  if (!report) throw new AppError('report_not_found', { status: 404 });
  return report;
}

/** By tracking code (normalised): only the reporter holds it; it tracks, rates and reopens. */
export async function findReportByCode(deps: Deps, code: string): Promise<Report> {
  const report = await deps.store.getReportByCodeHash(hashTrackingCode(code));
  if (!report) throw new AppError('report_not_found', { status: 404 });
  return report;
}

function reopenDeadline(deps: Deps, report: Report): string | null {
  if (report.status !== 'resolved' || !report.resolvedAt) return null;
  return deps.catalog.reopenUntil(new Date(report.resolvedAt));
}

function feedbackGivenForThisResolution(report: Report): boolean {
  return report.feedback !== null && report.resolvedAt !== null && report.feedback.at >= report.resolvedAt;
}

/** The reporter's view, opened with the tracking code. */
export async function getPublicView(deps: Deps, code: string): Promise<PublicReportView> {
  const report = await findReportByCode(deps, code);
  const events = report.confidential ? [] : await deps.store.eventsOfReport(report.publicId);
  const until = reopenDeadline(deps, report);
  return toPublicView(report, events, deps.catalog, {
    canGiveFeedback: report.status === 'resolved' && !feedbackGivenForThisResolution(report),
    canReopenUntil: until && until > deps.clock().toISOString() ? until : null,
  });
}


/**
 * After `resolved`, the citizen rates the answer (1–5) once, and within 10 working days may
 * reopen it: it goes back to the agency as `in_progress` with a fresh follow-up deadline.
 */
export async function giveFeedback(deps: Deps, code: string, input: FeedbackInputValue): Promise<Report> {
  const { publicId } = await findReportByCode(deps, code);
  const { reports: [changed] } = await changeReport(deps, publicId, CITIZEN, (report) => {
    if (report.status !== 'resolved') throw new AppError('feedback_not_allowed', { status: 409 });
    const now = deps.clock();
    const at = now.toISOString();
    if (input.reopen) {
      const until = reopenDeadline(deps, report);
      if (!until || until < at) throw new AppError('reopen_window_closed', { status: 409 });
      const followUpDueAt = deps.catalog.followUpDueAt(report.category, now);
      const after: Report = { ...report, updatedAt: at, status: 'in_progress', resolvedAt: null, followUpDueAt, dueAt: followUpDueAt, overdueNotified: false };
      return { before: report, after, type: 'report.reopened', data: { reason: input.reason, rating: input.rating } };
    }
    if (feedbackGivenForThisResolution(report)) throw new AppError('feedback_already_given', { status: 409 });
    const after: Report = { ...report, updatedAt: at, feedback: { rating: input.rating ?? 0, comment: input.comment ?? '', at } };
    return { before: report, after, type: 'report.feedback', data: { rating: input.rating, comment: input.comment } };
  });
  return changed;
}
