import type { Agency } from '../types.ts';

// Stable slugs: they appear in room names, URLs and stored reports, so never rename one.
const SHIPPED: readonly Pick<Agency, 'id' | 'name' | 'nameEn'>[] = [
  { id: 'satgas-pupuk', name: 'Satgas Pupuk / KP3', nameEn: 'Fertiliser Task Force (KP3)' },
  { id: 'dpupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', nameEn: 'Public Works' },
  { id: 'dinkominfo', name: 'Dinas Komunikasi dan Informatika', nameEn: 'Communication and Informatics' },
  { id: 'dinkes', name: 'Dinas Kesehatan', nameEn: 'Health Office' },
  { id: 'disdik', name: 'Dinas Pendidikan', nameEn: 'Education Office' },
  { id: 'dinsos-p3a', name: 'Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak', nameEn: 'Social Affairs (SLRT)' },
  { id: 'dpmptsp', name: 'Dinas Penanaman Modal dan PTSP (MPP)', nameEn: 'Investment and One-Stop Licensing (MPP)' },
  { id: 'dinakkan', name: 'Dinas Peternakan dan Perikanan', nameEn: 'Livestock and Fisheries' },
];

/** The shipped agencies: top level and active. The admin adds units and changes these at run time. */
export const AGENCIES: readonly Agency[] = SHIPPED.map((a) => ({ ...a, parentId: null, active: true }));
