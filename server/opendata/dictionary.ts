// The open data's one data dictionary: every dataset and every column, described once. The CSV
// header, the GeoJSON properties, the catalogue page (/data), data.json (DCAT-US) and each
// dataset's table schema (/data/kamus/<id>.json, data.json's `describedBy`) are all read from
// here, so a column cannot be exported without being described, nor described differently.

/** Frictionless Table Schema field types (what `describedBy` documents say), as used here. */
export type ColumnType = 'string' | 'integer' | 'number' | 'datetime' | 'yearmonth';

export interface Column {
  /** The CSV header and GeoJSON property name. */
  name: string;
  /** Bahasa Indonesia first; English after. */
  definition: string;
  definitionEn: string;
  type: ColumnType;
  /** Unit or format, null where none applies. */
  unit: string | null;
}

export type DatasetId = 'laporan' | 'jumlah-bulanan' | 'kinerja-dinas';
export type DistributionFormat = 'csv' | 'geojson';

export interface DatasetSpec {
  id: DatasetId;
  title: string;
  titleEn: string;
  description: string;
  keywords: string[];
  /** ISO 8601 repeating duration (DCAT-US accrualPeriodicity). */
  accrualPeriodicity: string;
  formats: DistributionFormat[];
  columns: Column[];
}

const col = (name: string, type: ColumnType, unit: string | null, definition: string, definitionEn: string): Column => ({ name, type, unit, definition, definitionEn });

const KECAMATAN = [
  col('kecamatan_kode', 'string', 'kode Kemendagri (33.16.xx)', 'Kode wilayah kecamatan menurut Kemendagri.', 'Kemendagri code of the kecamatan (district).'),
  col('kecamatan', 'string', null, 'Nama kecamatan.', 'Name of the kecamatan.'),
];
const DESA = [
  col('desa_kode', 'string', 'kode Kemendagri (33.16.xx.xxxx)', 'Kode wilayah desa/kelurahan menurut Kemendagri.', 'Kemendagri code of the desa/kelurahan (village).'),
  col('desa', 'string', null, 'Nama desa/kelurahan.', 'Name of the desa/kelurahan.'),
];
const CATEGORY = [
  col('kategori_id', 'string', null, 'Kode kategori laporan (misalnya pupuk, jalan, kesehatan).', 'Report category code (e.g. pupuk, jalan, kesehatan).'),
  col('kategori', 'string', null, 'Nama kategori laporan.', 'Report category name.'),
];
const STATUS = [
  col('status_id', 'string', null, 'Kode status: new, verified, in_progress, resolved, rejected, duplicate.', 'Status code: new, verified, in_progress, resolved, rejected, duplicate.'),
  col('status', 'string', null, 'Nama status dalam Bahasa Indonesia.', 'Status name in Bahasa Indonesia.'),
];
const AGENCY = [
  col('dinas_id', 'string', null, 'Kode dinas (OPD) yang menangani laporan.', 'Code of the agency (OPD) handling the report.'),
  col('dinas', 'string', null, 'Nama dinas (OPD).', 'Name of the agency (OPD).'),
];
const MONTH = col('bulan', 'yearmonth', 'YYYY-MM, WIB (UTC+7)', 'Bulan laporan dibuat, menurut waktu Indonesia Barat.', 'Month the reports were made, in Western Indonesian Time.');

export const DATASETS: readonly DatasetSpec[] = [
  {
    id: 'laporan',
    title: 'Laporan warga Suara Warga Kabupaten Blora',
    titleEn: 'Citizen reports to Suara Warga, Kabupaten Blora',
    description: 'Setiap laporan warga yang boleh dilihat publik, satu baris per laporan: kategori, tempat (dengan kode Kemendagri), status, dinas, tanggal dan jumlah dukungan. Tanpa nama, nomor HP atau kode lacak pelapor; laporan rahasia tidak dimuat. Isi laporan hanya setelah diverifikasi petugas, dalam versi yang disunting untuk publik. Titik GPS tepat hanya untuk laporan jalan; laporan lain di titik tengah desanya. / Every citizen report the public may see, one row per report; no names, phone numbers or tracking codes; confidential reports left out.',
    keywords: ['pengaduan', 'laporan warga', 'pelayanan publik', 'Blora', 'complaints'],
    accrualPeriodicity: 'R/PT1H',
    formats: ['csv', 'geojson'],
    // In the GeoJSON the point is the geometry; lintang and bujur are not repeated as properties.
    columns: [
      col('nomor_laporan', 'string', null, 'Nomor laporan publik (8 huruf/angka), sama dengan di /laporan/<nomor>.', 'Public report number, as on /laporan/<number>.'),
      col('tautan', 'string', 'URL', 'Alamat halaman publik laporan.', 'Address of the report\'s public page.'),
      ...CATEGORY, ...STATUS, ...AGENCY, ...KECAMATAN, ...DESA,
      col('dibuat', 'datetime', 'ISO 8601, UTC', 'Waktu laporan dibuat.', 'When the report was made.'),
      col('diperbarui', 'datetime', 'ISO 8601, UTC', 'Waktu perubahan terakhir laporan.', 'When the report last changed.'),
      col('dukungan', 'integer', 'perangkat', 'Jumlah warga (perangkat) yang menekan "Dukung".', 'Number of citizens (devices) who supported the report.'),
      col('isi', 'string', null, 'Isi laporan versi publik; kosong sampai petugas memverifikasi laporan.', 'Public text of the report; empty until an officer verified it.'),
      col('lintang', 'number', 'derajat, WGS 84', 'Lintang titik laporan (lihat titik_jenis); kosong bila tidak ada.', 'Latitude of the report point (see titik_jenis); empty when none.'),
      col('bujur', 'number', 'derajat, WGS 84', 'Bujur titik laporan (lihat titik_jenis); kosong bila tidak ada.', 'Longitude of the report point (see titik_jenis); empty when none.'),
      col('titik_jenis', 'string', null, '"tepat" = titik GPS pelapor (hanya laporan jalan); "pusat_desa" = titik tengah desa; kosong = tanpa titik.', '"tepat" = the reporter\'s GPS point (road reports only); "pusat_desa" = the desa centroid; empty = no point.'),
    ],
  },
  {
    id: 'jumlah-bulanan',
    title: 'Jumlah laporan bulanan per kecamatan, desa, kategori dan status',
    titleEn: 'Monthly report counts per kecamatan, desa, category and status',
    description: 'Jumlah laporan yang dibuat setiap bulan, per kecamatan, desa, kategori dan status saat ini. Laporan rahasia ikut dihitung. Angka di bawah 3 ditulis "<3" agar jumlah kecil di satu desa tidak menunjuk seseorang. Kombinasi yang tidak tercantum berjumlah 0. / Reports made per month, per kecamatan, desa, category and current status, confidential ones included; counts under 3 are shown as "<3".',
    keywords: ['pengaduan', 'statistik', 'desa', 'kecamatan', 'Blora'],
    accrualPeriodicity: 'R/P1D',
    formats: ['csv'],
    columns: [
      MONTH, ...KECAMATAN, ...DESA, ...CATEGORY, ...STATUS,
      col('jumlah', 'string', 'laporan', 'Jumlah laporan; "<3" bila 1 atau 2.', 'Number of reports; "<3" when 1 or 2.'),
    ],
  },
  {
    id: 'kinerja-dinas',
    title: 'Kinerja dinas bulanan: jawaban tepat waktu dan waktu tengah (median)',
    titleEn: 'Monthly agency performance: answered within deadline, median times',
    description: 'Per dinas dan bulan laporan dibuat: jumlah laporan, yang sudah bisa dinilai, yang dijawab dalam tenggat, dan median jam sampai diverifikasi dan sampai selesai. Laporan rahasia ikut dihitung. Median dibaca dari histogram per jam (tepat sampai setengah jam untuk dua hari pertama). / Per agency and month: reports, judged, answered within the deadline, median hours to verify and to resolve.',
    keywords: ['kinerja', 'pelayanan publik', 'tenggat', 'Blora', 'performance'],
    accrualPeriodicity: 'R/P1D',
    formats: ['csv'],
    columns: [
      MONTH, ...AGENCY,
      col('laporan', 'integer', 'laporan', 'Laporan yang dibuat bulan itu dan kini ditangani dinas ini.', 'Reports made that month now handled by this agency.'),
      col('dinilai', 'integer', 'laporan', 'Laporan yang sudah dijawab, atau belum dijawab padahal tenggat verifikasinya lewat.', 'Reports answered, or unanswered past their verify deadline.'),
      col('dijawab_tepat_waktu', 'integer', 'laporan', 'Laporan yang jawaban pertamanya (verifikasi atau penutupan) datang dalam tenggat.', 'Reports whose first answer came within the deadline.'),
      col('persen_tepat_waktu', 'number', 'persen', 'dijawab_tepat_waktu dibagi dinilai, dalam persen (satu desimal); kosong bila belum ada yang dinilai.', 'dijawab_tepat_waktu / dinilai, in percent; empty when nothing can be judged.'),
      col('median_jam_verifikasi', 'number', 'jam', 'Median waktu dari laporan dibuat sampai diverifikasi.', 'Median hours from report to verification.'),
      col('median_jam_selesai', 'number', 'jam', 'Median waktu dari laporan dibuat sampai selesai.', 'Median hours from report to resolution.'),
    ],
  },
];

export function datasetSpec(id: DatasetId): DatasetSpec {
  const spec = DATASETS.find((d) => d.id === id);
  if (!spec) throw new Error(`unknown dataset ${id}`);
  return spec;
}

export function headerOf(id: DatasetId): string[] {
  return datasetSpec(id).columns.map((c) => c.name);
}

/** A dataset's table schema (Frictionless Table Schema), served as its data dictionary. */
export function tableSchemaOf(spec: DatasetSpec): { fields: { name: string; type: ColumnType; description: string; unit?: string }[] } {
  return {
    fields: spec.columns.map((c) => ({ name: c.name, type: c.type, description: `${c.definition} / ${c.definitionEn}`, ...(c.unit ? { unit: c.unit } : {}) })),
  };
}
