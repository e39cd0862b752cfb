import type { ReportStatus } from '../types.ts';

export const STATUSES: readonly { id: ReportStatus; label: string; labelEn: string; closed: boolean }[] = [
  { id: 'new', label: 'Baru', labelEn: 'New', closed: false },
  { id: 'verified', label: 'Terverifikasi', labelEn: 'Verified', closed: false },
  { id: 'in_progress', label: 'Sedang ditindaklanjuti', labelEn: 'In progress', closed: false },
  { id: 'resolved', label: 'Selesai', labelEn: 'Resolved', closed: true },
  { id: 'rejected', label: 'Ditolak', labelEn: 'Rejected', closed: true },
  { id: 'duplicate', label: 'Duplikat', labelEn: 'Duplicate', closed: true },
];

// The one table of legal status changes; anything else is a 409.
// `resolved → in_progress` is the citizen's reopen.
export const TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  new: ['verified', 'in_progress', 'resolved', 'rejected', 'duplicate'],
  verified: ['in_progress', 'resolved', 'rejected', 'duplicate'],
  in_progress: ['resolved', 'rejected', 'duplicate'],
  resolved: ['in_progress'],
  rejected: [],
  duplicate: [],
};

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isClosed(status: ReportStatus): boolean {
  return STATUSES.find((s) => s.id === status)?.closed ?? false;
}
