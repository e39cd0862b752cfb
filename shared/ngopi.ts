// Ngopi Bareng: sessions where citizens raise aspirations with the Bupati, on site (luring),
// online (daring) or both. What client and server agree on about a session.
import type { ReportStatus } from './types.ts';
import type { SocketErrorPayload } from './realtime.ts';

export const SESSION_MODES = ['luring', 'daring', 'luring_daring'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** A session as stored and as the desk sees it. No personal data beyond the facilitator's public name. */
export interface NgopiSession {
  id: string;
  title: string;
  /** ISO instants; the online page takes aspirations between them. */
  startsAt: string;
  endsAt: string;
  mode: SessionMode;
  kecamatan: string | null;
  desa: string | null;
  venue: string | null;
  link: string | null;
  topic: string;
  facilitator: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** What the facilitator or admin sends to create or change a session. */
export type NgopiSessionInput = Pick<NgopiSession, 'title' | 'startsAt' | 'endsAt' | 'mode' | 'kecamatan' | 'desa' | 'venue' | 'link' | 'topic' | 'facilitator'>;

/** GET /api/ngopi: the public list (createdBy left out). */
export type PublicNgopiSession = Omit<NgopiSession, 'createdBy'> & { open: boolean };

/**
 * One aspiration on the public live list and summary: public text only, never the speaker.
 * `text` is null until an officer verified it (the public rule of server/public/rules.ts:
 * a citizen's online aspiration may name people before it is checked).
 */
export interface PublicAspiration {
  /** The report's public id; never its tracking code. */
  publicId: string;
  topic: string;
  agencyId: string;
  status: ReportStatus;
  text: string | null;
  supportCount: number;
  createdAt: string;
}

// The public Socket.IO namespace: it carries only the fields above, never the desk summary.
export const PUBLIC_NAMESPACE = '/public';
export const ngopiRoom = (sessionId: string): string => `ngopi:${sessionId}`;

export interface PublicServerToClient {
  /** A new or changed aspiration of the session the socket joined. */
  'ngopi:aspiration': (payload: PublicAspiration) => void;
  error: (payload: SocketErrorPayload) => void;
}
export interface PublicClientToServer {
  /** Join a session's room; the ack carries the list so far, so nothing falls between page and socket. */
  'ngopi:join': (request: { sessionId: string }, ack: (response: { items: PublicAspiration[] } | { error: { code: string } }) => void) => void;
}
