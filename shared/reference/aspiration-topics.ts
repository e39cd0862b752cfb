import { aspirasiDetailsOf } from '../details.ts';
import type { CategoryDetails } from '../types.ts';

// Topics of an aspiration and the agency each concerns by default (the facilitator may change
// the agency per aspiration). Stable ids: they are stored in reports (details.topic).
export interface AspirationTopic { id: string; agencyId: string; label: string; labelEn: string }

export const ASPIRATION_TOPICS: readonly AspirationTopic[] = [
  { id: 'infrastruktur', agencyId: 'dpupr', label: 'Jalan, jembatan dan irigasi', labelEn: 'Roads, bridges and irrigation' },
  { id: 'pertanian', agencyId: 'satgas-pupuk', label: 'Pertanian dan pupuk', labelEn: 'Farming and fertiliser' },
  { id: 'kesehatan', agencyId: 'dinkes', label: 'Kesehatan', labelEn: 'Health' },
  { id: 'pendidikan', agencyId: 'disdik', label: 'Pendidikan', labelEn: 'Education' },
  { id: 'sosial', agencyId: 'dinsos-p3a', label: 'Bantuan sosial, perempuan dan anak', labelEn: 'Social aid, women and children' },
  { id: 'perizinan', agencyId: 'dpmptsp', label: 'Perizinan dan investasi', labelEn: 'Licensing and investment' },
  { id: 'peternakan', agencyId: 'dinakkan', label: 'Peternakan dan perikanan', labelEn: 'Livestock and fisheries' },
  { id: 'umum', agencyId: 'dinkominfo', label: 'Umum / lainnya', labelEn: 'General / other' },
];

export const TOPIC_IDS = ASPIRATION_TOPICS.map((t) => t.id);

export function findTopic(id: string): AspirationTopic | undefined {
  return ASPIRATION_TOPICS.find((t) => t.id === id);
}

/** The session id an aspiration belongs to, if any (details.session). */
export function sessionOf(report: CategoryDetails): string | undefined {
  return aspirasiDetailsOf(report)?.session;
}
