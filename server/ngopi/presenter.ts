// What leaves the server about a session: the public session, its aspirations (public text
// only, never the speaker; confidential ones withheld), and the summary as a page or CSV.
import type { NgopiSession, PublicAspiration, PublicNgopiSession } from '../../shared/ngopi.ts';
import { findTopic } from '../../shared/reference/aspiration-topics.ts';
import { aspirasiDetailsOf } from '../../shared/details.ts';
import type { Report, ReportStatus } from '../../shared/types.ts';
import type { Catalog } from '../reference/catalog.ts';
import { CSV_BOM, csvLine } from '../http/csv.ts';
import { statusLabel } from '../reports/presenter.ts';
import { isListed, publicText } from '../public/rules.ts';
import { isOpen } from './routing.ts';

export function toPublicSession(session: NgopiSession, now: Date): PublicNgopiSession {
  const { createdBy: _createdBy, ...rest } = session;
  return { ...rest, open: isOpen(session, now) };
}

/** null for a confidential aspiration: it is counted, never shown. Its text once public only. */
export function toPublicAspiration(report: Report): PublicAspiration | null {
  if (!isListed(report)) return null;
  return {
    publicId: report.publicId,
    topic: aspirasiDetailsOf(report)?.topic ?? '',
    agencyId: report.agencyId,
    status: report.status,
    text: publicText(report),
    supportCount: report.supportCount,
    createdAt: report.createdAt,
  };
}

export type Timeliness = 'on_time' | 'late' | 'running';

/**
 * Answered within its deadline? Closed reports: closed (resolved, rejected, merged) by the
 * deadline that ran then. Open ones: `running` while the deadline is ahead, `late` once passed.
 */
export function timelinessOf(report: Report, now: Date): Timeliness {
  const closedAt = report.resolvedAt ?? (['rejected', 'duplicate'].includes(report.status) ? report.updatedAt : null);
  const deadline = report.followUpDueAt ?? report.verifyDueAt;
  if (closedAt) return closedAt <= deadline ? 'on_time' : 'late';
  return report.dueAt !== null && report.dueAt < now.toISOString() ? 'late' : 'running';
}

export interface SummaryRow {
  publicId: string;
  topic: string;
  topicLabel: string;
  agencyId: string;
  agencyName: string;
  status: ReportStatus;
  statusLabel: string;
  confidential: boolean;
  /** Null for a confidential aspiration, and until an officer verified it. */
  text: string | null;
  supportCount: number;
  timeliness: Timeliness;
  createdAt: string;
}

export interface SessionSummary {
  session: PublicNgopiSession;
  total: number;
  byTopic: { id: string; label: string; count: number }[];
  byAgency: { id: string; name: string; count: number }[];
  byTimeliness: Record<Timeliness, number>;
  rows: SummaryRow[];
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function toSummary(session: NgopiSession, reports: Report[], catalog: Catalog, now: Date): SessionSummary {
  const rows: SummaryRow[] = reports.map((r) => {
    const topic = aspirasiDetailsOf(r)?.topic ?? '';
    return {
      publicId: r.publicId, topic, topicLabel: findTopic(topic)?.label ?? topic, agencyId: r.agencyId,
      agencyName: catalog.agency(r.agencyId)?.name ?? r.agencyId, status: r.status, statusLabel: statusLabel(r.status),
      confidential: r.confidential, text: publicText(r), supportCount: r.supportCount,
      timeliness: timelinessOf(r, now), createdAt: r.createdAt,
    };
  });
  const byTimeliness: Record<Timeliness, number> = { on_time: 0, late: 0, running: 0 };
  for (const row of rows) byTimeliness[row.timeliness] += 1;
  return {
    session: toPublicSession(session, now),
    total: rows.length,
    byTopic: [...countBy(rows, (r) => r.topic)].map(([id, count]) => ({ id, label: findTopic(id)?.label ?? id, count })),
    byAgency: [...countBy(rows, (r) => r.agencyId)].map(([id, count]) => ({ id, name: catalog.agency(id)?.name ?? id, count })),
    byTimeliness,
    rows,
  };
}

const TIMELINESS_ID: Record<Timeliness, string> = { on_time: 'tepat waktu', late: 'terlambat', running: 'masih berjalan' };

export function toCsv(summary: SessionSummary): string {
  const header = ['nomor laporan', 'topik', 'dinas', 'status', 'ketepatan waktu', 'dukungan', 'dibuat', 'isi'];
  const lines = summary.rows.map((r) => csvLine([
    r.publicId, r.topicLabel, r.agencyName, r.statusLabel, TIMELINESS_ID[r.timeliness], r.supportCount, r.createdAt, r.text ?? (r.confidential ? '(dirahasiakan)' : '(menunggu verifikasi)'),
  ]));
  return `${CSV_BOM}${csvLine(header)}${lines.join('')}`;
}
