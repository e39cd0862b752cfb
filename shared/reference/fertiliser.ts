import type { FertiliserType } from '../types.ts';

export const FERTILISER_TYPES: readonly { id: FertiliserType; label: string; bagKg: number | null; subsidised: boolean }[] = [
  { id: 'urea', label: 'Urea', bagKg: 50, subsidised: true },
  { id: 'npk', label: 'NPK', bagKg: 50, subsidised: true },
  { id: 'npk_kakao', label: 'NPK Kakao', bagKg: 50, subsidised: true },
  { id: 'za', label: 'ZA', bagKg: 50, subsidised: true },
  { id: 'organik', label: 'Organik', bagKg: 40, subsidised: true },
  { id: 'lainnya', label: 'Non-subsidi / tidak tahu', bagKg: null, subsidised: false },
];

export interface HetPeriod {
  from: string; // first day in force, YYYY-MM-DD (WIB)
  decree: string;
  perKg: Partial<Record<FertiliserType, number>>;
}

// Harga Eceran Tertinggi (rupiah per kg), newest first.
export const HET_TABLE: readonly HetPeriod[] = [
  { from: '2025-10-22', decree: 'Kepmentan 1117/Kpts./SR.310/M/10/2025', perKg: { urea: 1800, npk: 1840, npk_kakao: 2640, za: 1360, organik: 640 } },
  { from: '2024-01-01', decree: 'Kepmentan 644/2024', perKg: { urea: 2250, npk: 2300, npk_kakao: 3300, za: 1700, organik: 800 } },
];

export const PUPUK_PROBLEMS = [
  { id: 'stok_kosong', label: 'Stok kosong' },
  { id: 'di_atas_het', label: 'Harga di atas HET' },
  { id: 'dipaketkan', label: 'Dipaketkan dengan barang lain' },
  { id: 'tidak_terdaftar_rdkk', label: 'Tidak terdaftar RDKK' },
  { id: 'kuota_habis', label: 'Kuota/alokasi habis' },
  { id: 'palsu', label: 'Diduga palsu' },
  { id: 'lainnya', label: 'Lainnya' },
] as const;

/** The HET in force on a purchase date, or null for non-subsidised types. */
export function hetOn(type: FertiliserType, date: string): { perKg: number; decree: string } | null {
  const period = HET_TABLE.find((p) => p.from <= date) ?? HET_TABLE[HET_TABLE.length - 1];
  const perKg = period.perKg[type];
  return perKg === undefined ? null : { perKg, decree: period.decree };
}

export interface PriceCheck {
  pricePerKg: number;
  hetPerKg: number | null;
  overHetPerKg: number; // 0 when at or below HET
  overHetPercent: number;
}

/**
 * Price per kg from what the farmer paid. `priceUnit` says what `price` was for:
 * the whole purchase (`total`), one bag (`bag`) or one kg (`kg`).
 */
export function checkPrice(input: {
  type: FertiliserType; date: string; quantity: number; unit: 'kg' | 'bag'; price: number; priceUnit: 'total' | 'bag' | 'kg';
}): PriceCheck | null {
  const bagKg = FERTILISER_TYPES.find((t) => t.id === input.type)?.bagKg ?? 50;
  const kg = input.unit === 'bag' ? input.quantity * bagKg : input.quantity;
  let pricePerKg: number;
  if (input.priceUnit === 'kg') pricePerKg = input.price;
  else if (input.priceUnit === 'bag') pricePerKg = input.price / bagKg;
  else if (kg > 0) pricePerKg = input.price / kg;
  else return null;
  pricePerKg = Math.round(pricePerKg);
  const het = hetOn(input.type, input.date);
  const over = het ? Math.max(0, pricePerKg - het.perKg) : 0;
  return {
    pricePerKg,
    hetPerKg: het?.perKg ?? null,
    overHetPerKg: over,
    overHetPercent: het ? Math.round((over / het.perKg) * 1000) / 10 : 0,
  };
}
