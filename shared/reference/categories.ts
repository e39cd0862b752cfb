import type { Category } from '../types.ts';

// Routing is data: category → agency. An admin override (store setting) may replace `agencyId`.
export const CATEGORIES: readonly Category[] = [
  { id: 'pupuk', agencyId: 'satgas-pupuk', label: 'Pupuk langka/mahal', labelEn: 'Fertiliser scarce/overpriced', icon: '🌾' },
  { id: 'jalan', agencyId: 'dpupr', label: 'Jalan rusak', labelEn: 'Damaged road/bridge', icon: '🛣️' },
  { id: 'aspirasi', agencyId: 'dinkominfo', label: 'Aspirasi Ngopi Bareng', labelEn: 'Aspiration (Ngopi Bareng)', icon: '☕' },
  { id: 'kesehatan', agencyId: 'dinkes', label: 'Kesehatan', labelEn: 'Health', icon: '🏥' },
  { id: 'pendidikan', agencyId: 'disdik', label: 'Pendidikan', labelEn: 'Education', icon: '🏫' },
  { id: 'sosial', agencyId: 'dinsos-p3a', label: 'Bantuan sosial', labelEn: 'Social aid', icon: '🤝' },
  { id: 'perizinan', agencyId: 'dpmptsp', label: 'Perizinan/MPP', labelEn: 'Licensing (MPP)', icon: '📄' },
  { id: 'peternakan', agencyId: 'dinakkan', label: 'Peternakan', labelEn: 'Livestock', icon: '🐄' },
  { id: 'lainnya', agencyId: 'dinkominfo', label: 'Lainnya', labelEn: 'Other', icon: '💬' },
];

export const CATEGORY_IDS = ['pupuk', 'jalan', 'aspirasi', 'kesehatan', 'pendidikan', 'sosial', 'perizinan', 'peternakan', 'lainnya'] as const;

export function findCategory(id: string): Category | undefined {
  return CATEGORIES.find((c) => c.id === id);
}
