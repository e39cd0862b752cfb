// Seeding reports for the map tests through the citizen API, as a phone would send them.
import request from 'supertest';
import blora from '../../shared/reference/region-33.16.json' with { type: 'json' };
import type { Region } from '../../shared/types.ts';
import { pupukReport, validReport } from './fixtures.ts';
import type { RunningApp } from './start-app.ts';

export const REGION = blora as Region;

/** The first desa of a kecamatan, so any kecamatan can be used in a fixture. */
export function firstDesa(kecamatan: string): string {
  const k = REGION.kecamatan.find((x) => x.code === kecamatan);
  if (!k) throw new Error(`unknown kecamatan ${kecamatan}`);
  return k.desa[0].code;
}

export interface SeedSpec {
  category?: 'jalan' | 'pupuk' | 'kesehatan' | 'pendidikan' | 'sosial' | 'lainnya';
  kecamatan: string;
  lat?: number;
  lng?: number;
  pupuk?: Record<string, unknown>;
  description?: string;
}

export function reportBody(spec: SeedSpec): Record<string, unknown> {
  const where = { kecamatan: spec.kecamatan, desa: firstDesa(spec.kecamatan), ...(spec.lat !== undefined ? { lat: spec.lat, lng: spec.lng } : {}) };
  const extra = spec.description ? { description: spec.description } : {};
  switch (spec.category ?? 'jalan') {
    case 'pupuk': return pupukReport(spec.pupuk ?? {}, { ...where, ...extra });
    case 'jalan': return validReport({ ...where, ...extra });
    default: return validReport({ category: spec.category, details: {}, description: 'Layanan di puskesmas desa perlu perhatian segera.', ...where, ...extra });
  }
}

export async function seed(app: RunningApp, spec: SeedSpec): Promise<string> {
  const res = await request(app.baseUrl).post('/api/reports').send(reportBody(spec));
  if (res.status !== 201) throw new Error(`seed failed ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.publicId as string;
}
