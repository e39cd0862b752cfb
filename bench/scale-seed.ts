// A regency after some years, written through the write path (batches of independent changes): N reports (30 % pupuk,
// 30 % jalan, the rest spread), statuses by age as a working hotline leaves them, 60 % with a
// GPS point in the Blora box. Deterministic (seeded), so two runs measure the same store.
// Used by `npm run bench -- scale` until `npm run cli -- demo seed` can do the same.
import { CATEGORIES } from '../shared/reference/categories.ts';
import blora from '../shared/reference/region-33.16.json' with { type: 'json' };
import type { CategoryId, FertiliserType, PupukProblem, Region, Report, ReportDetails, ReportStatus } from '../shared/types.ts';
import { CITIZEN } from '../server/reports/actors.ts';
import { commitChanges, type WriteDeps } from '../server/reports/change-report.ts';
import { generatePublicId, generateTrackingCode, hashTrackingCode } from '../server/reports/tracking-code.ts';

const REGION = blora as Region;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Three busy years. */
const SPAN_DAYS = 3 * 365;
const BATCH = 2000;
export const BOX = { minLng: 111.0979, maxLng: 111.6299, minLat: -7.3781, maxLat: -6.8494 };

/** mulberry32: small, fast, good enough to spread test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function weighted<T>(random: () => number, table: readonly [T, number][]): T {
  let r = random() * table.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return table[table.length - 1][0];
}

const CATEGORY_MIX: [CategoryId, number][] = [
  ['pupuk', 30], ['jalan', 30], ['aspirasi', 8], ['kesehatan', 8], ['pendidikan', 7], ['sosial', 7], ['perizinan', 4], ['peternakan', 3], ['lainnya', 3],
];
const OLD_STATUSES: [ReportStatus, number][] = [['resolved', 78], ['rejected', 8], ['duplicate', 4], ['in_progress', 5], ['verified', 3], ['new', 2]];
const RECENT_STATUSES: [ReportStatus, number][] = [['new', 35], ['verified', 25], ['in_progress', 22], ['resolved', 14], ['rejected', 3], ['duplicate', 1]];
const FERTILISERS: [FertiliserType, number][] = [['urea', 45], ['npk', 35], ['za', 8], ['organik', 7], ['npk_kakao', 2], ['lainnya', 3]];
const HET: Partial<Record<FertiliserType, number>> = { urea: 2250, npk: 2300, npk_kakao: 3300, za: 1700, organik: 800 };
const PROBLEMS: PupukProblem[] = ['stok_kosong', 'di_atas_het', 'dipaketkan', 'tidak_terdaftar_rdkk', 'kuota_habis', 'palsu'];
const KIOSK_WORDS = ['Makmur', 'Tani', 'Sumber', 'Rejeki', 'Subur', 'Jaya', 'Sejahtera', 'Lestari', 'Abadi', 'Mulya', 'Barokah', 'Sentosa'];
const WORDS: Record<CategoryId, string[]> = {
  pupuk: ['pupuk', 'urea', 'kios', 'langka', 'mahal', 'stok', 'kosong', 'paket', 'petani', 'sawah', 'musim', 'tanam', 'kartu', 'tani'],
  jalan: ['jalan', 'berlubang', 'rusak', 'retak', 'longsor', 'jembatan', 'aspal', 'motor', 'jatuh', 'hujan', 'banjir', 'desa', 'gang'],
  aspirasi: ['usulan', 'warga', 'balai', 'pemuda', 'kegiatan', 'pelatihan', 'lapangan', 'umkm', 'pasar'],
  kesehatan: ['puskesmas', 'obat', 'antri', 'bidan', 'posyandu', 'bpjs', 'ambulans', 'demam'],
  pendidikan: ['sekolah', 'guru', 'seragam', 'atap', 'bocor', 'beasiswa', 'zonasi', 'kelas'],
  sosial: ['bansos', 'pkh', 'bpnt', 'lansia', 'data', 'dtks', 'bantuan', 'terlambat'],
  perizinan: ['izin', 'nib', 'usaha', 'mpp', 'berkas', 'antrian', 'online'],
  peternakan: ['sapi', 'kambing', 'vaksin', 'pmk', 'pakan', 'mantri', 'ternak'],
  lainnya: ['lampu', 'sampah', 'air', 'listrik', 'sinyal', 'pohon', 'tumbang'],
};

function kioskName(random: () => number): string {
  const base = `Kios ${KIOSK_WORDS[Math.floor(random() * 12)]} ${KIOSK_WORDS[Math.floor(random() * 12)]}`;
  // Farmers type the same kiosk differently: case and doubled spaces.
  return weighted(random, [[base, 6], [base.toUpperCase(), 1], [base.toLowerCase(), 1], [base.replace(' ', '  '), 1]]);
}

function detailsOf(random: () => number, category: CategoryId): ReportDetails {
  if (category === 'pupuk') {
    const fertiliserType = weighted(random, FERTILISERS);
    const het = HET[fertiliserType];
    const problems = [pick(random, PROBLEMS), ...(random() < 0.3 ? [pick(random, PROBLEMS)] : [])].filter((p, i, all) => all.indexOf(p) === i);
    const priced = het !== undefined && random() < 0.7;
    const pricePerKg = priced ? Math.round(het * (0.95 + random() * 0.6)) : undefined;
    return {
      fertiliserType, problems, ...(random() < 0.85 ? { kioskName: kioskName(random) } : {}),
      ...(priced && pricePerKg !== undefined ? {
        quantity: 50, unit: 'kg' as const, price: pricePerKg * 50, priceUnit: 'total' as const, pricePerKg, hetPerKg: het,
        overHetPerKg: Math.max(0, pricePerKg - het), overHetPercent: Math.max(0, Math.round(((pricePerKg - het) / het) * 100)),
      } : {}),
    };
  }
  if (category === 'jalan') return { damageType: pick(random, ['berlubang', 'retak', 'longsor', 'banjir', 'jembatan'] as const), severity: pick(random, [1, 2, 3] as const) };
  if (category === 'aspirasi') return { topic: 'umum' };
  return {};
}

/** Hours a step took: mostly within a day or two, a long tail of weeks. */
function hours(random: () => number, median: number): number {
  return Math.max(0.2, median * Math.exp((random() + random() + random() - 1.5) * 1.6));
}

/** The i-th seeded report, as of `now`. */
export function seededReport(random: () => number, i: number, n: number, now: number): Report {
  const category = weighted(random, CATEGORY_MIX);
  // Spread evenly over the span, oldest first, with some jitter.
  const created = now - SPAN_DAYS * DAY * (1 - (i + random()) / n);
  const ageDays = (now - created) / DAY;
  const status = weighted(random, ageDays > 14 ? OLD_STATUSES : RECENT_STATUSES);
  const kec = pick(random, REGION.kecamatan);
  const desa = pick(random, kec.desa);
  const gps = random() < 0.6;
  const words = WORDS[category];
  const description = Array.from({ length: 8 + Math.floor(random() * 12) }, () => pick(random, words)).join(' ');
  const verifyDue = created + 4.5 * DAY;
  const verified = status !== 'new' && status !== 'rejected' && status !== 'duplicate' ? Math.min(now, created + hours(random, 20) * HOUR) : null;
  const resolved = status === 'resolved' && verified !== null ? Math.min(now, verified + hours(random, 70) * HOUR) : null;
  const closedAt = status === 'rejected' || status === 'duplicate' ? Math.min(now, created + hours(random, 15) * HOUR) : null;
  const followUpDue = verified !== null ? verified + 7 * DAY : null;
  const dueAt = status === 'new' ? verifyDue : status === 'verified' || status === 'in_progress' ? followUpDue : null;
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  const updated = Math.max(created, verified ?? 0, resolved ?? 0, closedAt ?? 0);
  return {
    publicId: generatePublicId(),
    codeHash: hashTrackingCode(generateTrackingCode()),
    codeSeal: null,
    clientId: null,
    category,
    agencyId: CATEGORIES.find((c) => c.id === category)?.agencyId ?? 'dinkominfo',
    status,
    description: `${description.charAt(0).toUpperCase()}${description.slice(1)}.`,
    kecamatan: kec.code,
    desa: desa.code,
    lat: gps ? BOX.minLat + random() * (BOX.maxLat - BOX.minLat) : null,
    lng: gps ? BOX.minLng + random() * (BOX.maxLng - BOX.minLng) : null,
    reporterName: random() < 0.7 ? 'Warga' : null,
    reporterPhone: random() < 0.6 ? '081234567890' : null,
    anonymous: random() < 0.2,
    confidential: random() < 0.05,
    details: detailsOf(random, category),
    photos: [],
    assigneeId: null,
    duplicateOf: null,
    feedback: null,
    supportCount: random() < 0.1 ? 1 + Math.floor(random() * 5) : 0,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(updated).toISOString(),
    verifiedAt: iso(verified),
    resolvedAt: iso(resolved),
    verifyDueAt: new Date(verifyDue).toISOString(),
    followUpDueAt: iso(followUpDue),
    dueAt: iso(dueAt),
    // The older backlog was announced by earlier sweeps; the last two months' was not yet.
    overdueNotified: dueAt !== null && dueAt < now && ageDays > 60,
    version: 1,
  };
}

/** Writes `n` reports through the write path, BATCH at a time (one transaction each). */
export async function seedReports(deps: WriteDeps, n: number, options: { now?: number; seed?: number; onProgress?: (done: number) => void } = {}): Promise<{ sampleCodes: string[] }> {
  const now = options.now ?? Date.now();
  const random = prng(options.seed ?? 13);
  const sampleCodes: string[] = [];
  for (let start = 0; start < n; start += BATCH) {
    const batch: Report[] = [];
    for (let i = start; i < Math.min(n, start + BATCH); i += 1) {
      const report = seededReport(random, i, n, now);
      if (i % Math.max(1, Math.floor(n / 50)) === 0) sampleCodes.push(report.publicId);
      batch.push(report);
    }
    await commitChanges(deps, batch.map((after) => ({ planned: { before: null, after, type: 'report.created', at: after.createdAt }, actor: CITIZEN })));
    options.onProgress?.(Math.min(n, start + BATCH));
  }
  return { sampleCodes };
}
