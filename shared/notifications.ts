// What the reporter is told of their report, on their own channel (issue 15): one row per
// event that is news to them. Every other event (notes, assignments, support, moderation, the
// overdue announcement) sends nothing. WhatsApp *bold* is stripped for SMS.
import type { EventType } from './types.ts';

export const NOTIFIED_EVENTS = [
  'report.verified', 'report.started', 'report.forwarded', 'report.replied',
  'report.resolved', 'report.rejected', 'report.duplicate', 'report.reopened',
] as const satisfies readonly EventType[];
export type NotifiedEvent = (typeof NOTIFIED_EVENTS)[number];

export function isNotified(type: EventType): type is NotifiedEvent {
  return (NOTIFIED_EVENTS as readonly EventType[]).includes(type);
}

/** What a message is made of, resolved by the sender (server/notify/render.ts). */
export interface NoticeFacts {
  /** The reporter's tracking code: fine on their own channel, nowhere else. */
  code: string;
  /** The agency handling the report (for a forward: the one it went to). */
  agency: string;
  /** The officer's reply, the resolution note or the rejection reason, in full; '' when none. */
  text: string;
  /** The reporter's tracking page (duplicate: the original's public page). */
  link: string;
}

export interface Notice {
  /** {{2}} of the status template: the new state, in a few words. */
  status: (f: NoticeFacts) => string;
  /** Free text, within WhatsApp's 24-hour window and on SMS. */
  text: (f: NoticeFacts) => string;
}

export const STOP_HINT = 'Ketik BERHENTI bila tidak ingin menerima kabar lagi.';

export const NOTICES: Readonly<Record<NotifiedEvent, Notice>> = {
  'report.verified': {
    status: () => 'sudah diverifikasi',
    text: (f) => `Laporan *${f.code}* sudah diverifikasi dan ditangani ${f.agency}.`,
  },
  'report.started': {
    status: () => 'sedang dikerjakan',
    text: (f) => `Laporan *${f.code}* sedang dikerjakan oleh ${f.agency}.`,
  },
  'report.forwarded': {
    status: (f) => `diteruskan ke ${f.agency}`,
    text: (f) => `Laporan *${f.code}* diteruskan ke ${f.agency}, yang kini menanganinya.`,
  },
  'report.replied': {
    status: () => 'ada balasan petugas',
    text: (f) => `Balasan petugas untuk laporan *${f.code}*:\n${f.text}`,
  },
  'report.resolved': {
    status: () => 'selesai',
    text: (f) => `Laporan *${f.code}* dinyatakan selesai.${f.text ? `\nCatatan petugas: ${f.text}` : ''}\nBelum beres? Nilai atau buka kembali di ${f.link}`,
  },
  'report.rejected': {
    status: () => 'ditolak',
    text: (f) => `Laporan *${f.code}* ditolak.${f.text ? `\nAlasan: ${f.text}` : ''}`,
  },
  'report.duplicate': {
    status: () => 'digabung dengan laporan lain',
    text: (f) => `Laporan *${f.code}* sama dengan laporan lain yang sudah ditangani. Ikuti perkembangannya di ${f.link}`,
  },
  'report.reopened': {
    status: () => 'dibuka kembali',
    text: (f) => `Laporan *${f.code}* dibuka kembali dan dikerjakan lagi oleh ${f.agency}.`,
  },
};

/** How the desk names each notified event in its list of messages to the reporter. */
export const NOTICES_LABELS: Readonly<Record<NotifiedEvent, string>> = {
  'report.verified': 'Diverifikasi', 'report.started': 'Dikerjakan', 'report.forwarded': 'Diteruskan', 'report.replied': 'Balasan',
  'report.resolved': 'Selesai', 'report.rejected': 'Ditolak', 'report.duplicate': 'Duplikat', 'report.reopened': 'Dibuka kembali',
};

/** A message of the outbox, from written to delivered (or not). */
export const OUTBOX_STATUSES = ['pending', 'sent', 'delivered', 'read', 'failed', 'skipped'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OUTBOX_STATUS_LABELS: Readonly<Record<OutboxStatus, { id: string; en: string }>> = {
  pending: { id: 'Menunggu dikirim', en: 'Waiting' },
  sent: { id: 'Terkirim', en: 'Sent' },
  delivered: { id: 'Diterima', en: 'Delivered' },
  read: { id: 'Dibaca', en: 'Read' },
  failed: { id: 'Gagal', en: 'Failed' },
  skipped: { id: 'Tidak dikirim', en: 'Not sent' },
};

export type NotifyChannel = 'whatsapp' | 'sms';

/** Why a message failed or was not sent, as the desk reads it (codes from server/notify/). */
export function problemText(code: string | null): string | null {
  if (code === null) return null;
  const known: Record<string, string> = {
    opted_out: 'Pelapor meminta berhenti menerima kabar (BERHENTI).',
    no_contact: 'Tidak ada kontak pelapor untuk laporan ini.',
    no_template: 'Di luar jendela 24 jam WhatsApp dan template WHATSAPP_TEMPLATE_STATUS belum diatur.',
    code_unreadable: 'Kode lacak tersegel tidak terbuka (NOTIFY_SECRET berubah?).',
    timeout: 'WhatsApp tidak menjawab tepat waktu.',
    network: 'WhatsApp tidak bisa dihubungi.',
    not_acknowledged: 'Ponsel gerbang SMS tidak mengonfirmasi pengiriman.',
    delivery_failed: 'WhatsApp melaporkan pesan tidak sampai.',
  };
  if (known[code]) return known[code];
  const graph = /^graph_(\d{3})$/.exec(code);
  if (graph) return `WhatsApp menolak pesan (HTTP ${graph[1]}).`;
  const whatsapp = /^whatsapp_(\w+)$/.exec(code);
  if (whatsapp) return `WhatsApp melaporkan pesan tidak sampai (kode ${whatsapp[1]}).`;
  return code;
}

/** What the desk sees of one message to the reporter: never the number, never the text (it holds the code). */
export interface DeskNotification {
  id: string;
  event: NotifiedEvent;
  channel: NotifyChannel;
  status: OutboxStatus;
  attempts: number;
  /** Why it failed or was not sent, in Bahasa Indonesia; null otherwise. */
  problem: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * The messages to a report's reporter, whether they said BERHENTI (a flag, never the number),
 * and whether this officer may send a failed one again.
 */
export interface DeskNotifications { optedOut: boolean; canRetry: boolean; messages: DeskNotification[] }
