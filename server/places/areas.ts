// Where the boundaries come from: an import (CLI `boundaries import`) stored in the store, and
// otherwise the ones shipped for the region (./builtin.ts). A level imported replaces the
// shipped one; a level absent from the import keeps what was there before.
import type { AreaFeature, AreaLevel } from '../../shared/geo.ts';
import type { Region } from '../../shared/types.ts';
import type { Store } from '../store/port.ts';
import { parseBoundaries } from './boundaries.ts';
import { builtInBoundaries } from './builtin.ts';
import type { Boundaries } from './places.ts';

export const BOUNDARY_SETTINGS = { kecamatan: 'boundaries:kecamatan', desa: 'boundaries:desa' } as const;
const LEVELS: readonly AreaLevel[] = ['kecamatan', 'desa'];

/** Validates and stores; nothing is stored unless the whole file is right. */
export async function importBoundaries(store: Store, region: Region, json: unknown): Promise<{ kecamatan: number; desa: number }> {
  const parsed = parseBoundaries(json, region);
  for (const level of LEVELS) if (parsed[level].length) await store.putSetting(BOUNDARY_SETTINGS[level], parsed[level]);
  return { kecamatan: parsed.kecamatan.length, desa: parsed.desa.length };
}

/** The boundaries the server runs with: imported ones, else shipped ones, else none (null). */
export async function loadBoundaries(store: Store, region: Region): Promise<Boundaries> {
  const shipped = builtInBoundaries(region);
  const out: Boundaries = { kecamatan: null, desa: null };
  for (const level of LEVELS) {
    const stored = await store.getSetting<AreaFeature[]>(BOUNDARY_SETTINGS[level]);
    out[level] = stored?.length ? stored : shipped[level];
  }
  return out;
}
