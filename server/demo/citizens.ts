// What citizens send, as the report form would send it (the raw body before validation): the
// category mix of a working hotline, Indonesian texts, pupuk with kiosks and prices around and
// above HET, roads with their damage, and a GPS point for 60 % of reports.
import { hetOn } from '../../shared/reference/fertiliser.ts';
import type { CategoryId, DamageType, FertiliserType, Kecamatan, PupukProblem } from '../../shared/types.ts';
import type { AreaFeature } from '../../shared/geo.ts';
import { containsPoint } from '../places/geo.ts';
import { pick, weighted, type Random } from './random.ts';

/** 30 % pupuk, 30 % jalan, the rest spread (aspirations outside sessions among them). */
export const CATEGORY_MIX: readonly [CategoryId, number][] = [
  ['pupuk', 30], ['jalan', 30], ['aspirasi', 6], ['kesehatan', 9], ['pendidikan', 8], ['sosial', 8], ['perizinan', 4], ['peternakan', 3], ['lainnya', 2],
];
/** Share of reports with a GPS point; of those, how many stand outside the desa chosen. */
export const GPS_SHARE = 0.6;
const GPS_ELSEWHERE = 0.08;

const FERTILISERS: readonly [FertiliserType, number][] = [['urea', 45], ['npk', 35], ['za', 8], ['organik', 7], ['npk_kakao', 2], ['lainnya', 3]];
const KIOSK_WORDS = ['Makmur', 'Tani', 'Sumber', 'Rejeki', 'Subur', 'Jaya', 'Sejahtera', 'Lestari', 'Abadi', 'Mulya', 'Barokah', 'Sentosa'];
const CROPS = ['padi', 'jagung', 'kedelai', 'tebu', 'tembakau'];
const FIRST_NAMES = ['Sutrisno', 'Siti', 'Slamet', 'Sri', 'Budi', 'Wahyuni', 'Agus', 'Suparmi', 'Joko', 'Endang', 'Bambang', 'Lestari', 'Yanto', 'Ratna'];
const ROADS = ['Jl. Raya', 'Jl. Desa', 'jalan kampung', 'jalan usaha tani', 'Jl. Poros', 'gang RT 02'];

const TEXTS: Record<Exclude<CategoryId, 'pupuk' | 'jalan'>, readonly string[]> = {
  aspirasi: [
    'Mohon dibangun lapangan olahraga untuk pemuda di desa {desa}.',
    'Usul pelatihan UMKM dan pemasaran online untuk ibu-ibu di {desa}.',
    'Warga {desa} berharap balai desa direnovasi, atapnya sudah bocor.',
    'Mohon penerangan jalan umum di jalan menuju makam desa {desa}.',
  ],
  kesehatan: [
    'Antrean di puskesmas {kecamatan} sangat panjang, obat sering kosong.',
    'Posyandu di {desa} tidak ada bidan sejak dua bulan terakhir.',
    'Ambulans desa {desa} rusak, warga kesulitan ke rumah sakit.',
  ],
  pendidikan: [
    'Atap ruang kelas SD di {desa} bocor, murid belajar di teras.',
    'Guru honorer di {desa} belum menerima gaji tiga bulan.',
    'Beasiswa siswa tidak mampu di {kecamatan} belum cair.',
  ],
  sosial: [
    'Bantuan PKH keluarga kami di {desa} terhenti tanpa pemberitahuan.',
    'Lansia di {desa} belum terdaftar DTKS padahal sangat membutuhkan.',
    'BPNT bulan ini terlambat dibagikan di desa {desa}.',
  ],
  perizinan: [
    'Pengurusan NIB usaha kami di MPP sudah dua minggu belum selesai.',
    'Izin usaha warung di {desa} ditolak tanpa alasan yang jelas.',
  ],
  peternakan: [
    'Sapi warga {desa} terkena penyakit, mohon vaksin dan mantri hewan.',
    'Stok pakan ternak di {kecamatan} mahal, mohon bantuan.',
  ],
  lainnya: [
    'Lampu penerangan jalan di {desa} mati sudah sebulan.',
    'Sampah menumpuk di pinggir jalan masuk desa {desa}.',
    'Pohon besar tumbang menutup jalan di {desa}, belum dibersihkan.',
  ],
};

const DAMAGE: readonly [DamageType, string][] = [
  ['berlubang', 'berlubang besar, sudah banyak motor jatuh'], ['retak', 'retak dan amblas di tengah'],
  ['longsor', 'longsor di tepi, tinggal separuh badan jalan'], ['banjir', 'tergenang banjir setiap hujan'],
  ['jembatan', 'jembatannya rusak dan goyang'],
];

function fill(text: string, kecamatan: Kecamatan, desaName: string): string {
  return text.replace('{desa}', desaName).replace('{kecamatan}', kecamatan.name);
}

function kioskName(random: Random): string {
  const base = `Kios ${pick(random, KIOSK_WORDS)} ${pick(random, KIOSK_WORDS)}`;
  // Farmers type the same kiosk differently: case and doubled spaces.
  return weighted(random, [[base, 6], [base.toUpperCase(), 1], [base.toLowerCase(), 1], [base.replace(' ', '  '), 1]]);
}

/** A pupuk report: a kiosk, a fertiliser, and for most a price paid around or above the HET in force. */
function pupukBody(random: Random, kecamatan: Kecamatan, desaName: string, purchaseDate: string): { description: string; details: Record<string, unknown> } {
  const fertiliserType = weighted(random, FERTILISERS);
  const het = hetOn(fertiliserType, purchaseDate)?.perKg ?? null;
  const kiosk = random() < 0.9 ? kioskName(random) : undefined;
  const priced = het !== null && random() < 0.7;
  // 40 % at or just under HET (the complaint is something else), 60 % above, up to +55 %.
  const perKg = het === null ? 0 : Math.round(het * (random() < 0.4 ? 0.92 + random() * 0.08 : 1.05 + random() * 0.5));
  const bags = 1 + Math.floor(random() * 4);
  const problems: PupukProblem[] = priced && perKg > (het ?? 0) ? ['di_atas_het'] : [weighted(random, [['stok_kosong', 5], ['kuota_habis', 2], ['tidak_terdaftar_rdkk', 2], ['palsu', 1]] as const)];
  if (random() < 0.25) problems.push('dipaketkan');
  const label = fertiliserType === 'npk_kakao' ? 'NPK kakao' : fertiliserType.toUpperCase();
  const description = problems[0] === 'di_atas_het'
    ? `${label} di ${kiosk ?? 'kios'} ${desaName} dijual Rp${perKg.toLocaleString('id-ID')}/kg, di atas HET.${problems.includes('dipaketkan') ? ' Harus beli paket dengan obat.' : ''}`
    : `${label} di ${kiosk ?? 'kios'} ${desaName} ${problems[0] === 'stok_kosong' ? 'kosong sejak awal musim tanam' : problems[0] === 'kuota_habis' ? 'katanya kuota sudah habis' : problems[0] === 'palsu' ? 'diduga palsu, tidak larut' : 'tidak bisa dibeli karena nama tidak ada di RDKK'}.`;
  return {
    description,
    details: {
      fertiliserType, problems: [...new Set(problems)], purchaseDate, crop: pick(random, CROPS),
      ...(kiosk ? { kioskName: kiosk, kioskDesa: desaName } : {}),
      ...(priced ? { quantity: bags, unit: 'bag', price: Math.round((perKg * 50 * bags) / 500) * 500, priceUnit: 'total' } : {}),
    },
  };
}

/** A random point inside the area (rejection sampling in its bounding box). */
export function pointIn(random: Random, area: AreaFeature): { lat: number; lng: number } | null {
  const b = area.bounds;
  for (let tries = 0; tries < 50; tries++) {
    const lng = b.minLng + random() * (b.maxLng - b.minLng);
    const lat = b.minLat + random() * (b.maxLat - b.minLat);
    if (containsPoint(area.geometry, lng, lat)) return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
  }
  return null;
}

export interface CitizenContext {
  kecamatan: readonly Kecamatan[];
  /** Desa polygons by code; without them no point is sent. */
  desaAreas: ReadonlyMap<string, AreaFeature>;
}

/** The raw body a citizen's phone sends (validated by the caller with the shared schema). */
export function citizenBody(random: Random, context: CitizenContext, category: CategoryId, today: string, extraDetails: Record<string, unknown> = {}): Record<string, unknown> {
  const kecamatan = pick(random, context.kecamatan);
  const desa = pick(random, kecamatan.desa);
  let body: { description: string; details: Record<string, unknown> };
  if (category === 'pupuk') body = pupukBody(random, kecamatan, desa.name, today);
  else if (category === 'jalan') {
    const [damageType, words] = pick(random, DAMAGE);
    body = { description: `${pick(random, ROADS)} di ${desa.name} ${words}.`, details: { damageType, severity: 1 + Math.floor(random() * 3), roadName: `${pick(random, ROADS)} ${desa.name}` } };
  } else body = { description: fill(pick(random, TEXTS[category]), kecamatan, desa.name), details: category === 'aspirasi' ? { topic: 'umum' } : {} };
  const named = random() < 0.7;
  let point: { lat: number; lng: number } | null = null;
  if (random() < GPS_SHARE) {
    // Most stand in the desa they chose; some chose their home desa and stood elsewhere.
    const codes = [...context.desaAreas.keys()];
    const area = random() < GPS_ELSEWHERE && codes.length ? context.desaAreas.get(pick(random, codes)) : context.desaAreas.get(desa.code);
    point = area ? pointIn(random, area) : null;
  }
  return {
    category, description: body.description, kecamatan: kecamatan.code, desa: desa.code,
    details: { ...body.details, ...extraDetails },
    ...(named ? { name: `${pick(random, FIRST_NAMES)} ${pick(random, ['', 'W.', 'S.', 'Rahayu', 'Santoso'])}`.trim() } : {}),
    ...(random() < 0.6 ? { phone: `08${Math.floor(1e9 + random() * 8e9)}` } : {}),
    anonymous: !named && random() < 0.5,
    ...(point ?? {}),
  };
}
