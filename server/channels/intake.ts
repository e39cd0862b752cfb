// What the channels share with the web form: the same schema, the same submitReport (routing,
// photos, event, live push), the same tracking view; only the words differ (chat-sized).
import { createHash } from 'node:crypto';
import { CHAT } from '../../shared/channel-text.ts';
import { message } from '../../shared/messages.ts';
import { STATUSES } from '../../shared/reference/statuses.ts';
import { normaliseCode } from '../../shared/tracking-code.ts';
import { parseReportInput } from '../../shared/validation/report-input.ts';
import type { Report, ReportChannel } from '../../shared/types.ts';
import { wibDate } from '../../shared/working-days.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { findReportByCode, submitReport, type Upload } from '../reports/service.ts';
import { trackingUrl } from '../http/links.ts';
import type { ReplyAddress } from '../notify/contact.ts';

/** A channel message id as a report clientId (a UUID), so processing a message twice creates one report. */
export function clientIdOf(channel: string, messageId: string): string {
  const hex = createHash('sha256').update(`${channel}:${messageId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function trackingUrlOf(deps: Deps, code: string): string {
  return trackingUrl(deps.config, code);
}

/** `code` is the tracking code, for the reporter's reply only (null if a retry's seal could not open). */
export type IntakeResult = { ok: true; report: Report; created: boolean; code: string | null } | { ok: false; problems: string[] };

/** Validates with the web form's schema and submits through the web form's service. */
/** `replyTo`: where the reporter hears of progress (server/notify/): the chat or number it came from. */
export async function submitFromChannel(deps: Deps, body: Record<string, unknown>, uploads: Upload[], channel: ReportChannel, replyTo?: ReplyAddress): Promise<IntakeResult> {
  const parsed = parseReportInput(body, deps.catalog.region, wibDate(deps.clock()), { allowDetailsNotGiven: true });
  if (!parsed.ok) return { ok: false, problems: Object.values(parsed.fields).map((code) => message(code)) };
  try {
    const { report, created, code } = await submitReport(deps, parsed.value, uploads, { channel, ...(replyTo ? { replyTo } : {}) });
    return { ok: true, report, created, code };
  } catch (err) {
    // Photo refusals (unreadable, too many pixels…) are the citizen's to fix; anything else is ours.
    if (err instanceof AppError && err.status < 500) return { ok: false, problems: [message(err.code, { ...err.params, max: deps.config.maxPhotos })] };
    throw err;
  }
}

/** The reply to the reporter: the one message carrying their tracking code. */
export function receiptText(deps: Deps, report: Report, code: string | null): string {
  return CHAT.sent(code ?? '—', code ? trackingUrlOf(deps, code) : '—', deps.catalog.agency(report.agencyId)?.name ?? report.agencyId);
}

function statusLine(deps: Deps, report: Report): string {
  const label = STATUSES.find((s) => s.id === report.status)?.label ?? report.status;
  return CHAT.status(report.publicId, label, deps.catalog.agency(report.agencyId)?.name ?? report.agencyId);
}

/** `CEK <kode>`: the status anyone holding the code may see (the tracking page shows as much). */
export async function statusText(deps: Deps, typed: string): Promise<string> {
  const code = normaliseCode(typed);
  const report = code ? await findReportByCode(deps, code).catch(() => null) : null;
  return report ? statusLine(deps, report) : CHAT.statusNotFound;
}

/** `CEK` alone: the reports sent from this sender (their public ids), newest first. */
export async function myReportsText(deps: Deps, publicIds: string[]): Promise<string> {
  if (publicIds.length === 0) return CHAT.myReportsNone;
  const reports = await Promise.all([...publicIds].reverse().slice(0, 5).map((id) => deps.store.getReport(id)));
  return [CHAT.myReports, ...reports.filter((r): r is Report => r !== null).map((r) => `• ${statusLine(deps, r)}`)].join('\n');
}
