// Where the boundaries come from: an import (CLI `boundaries import`) stored in the store, and
// otherwise the ones shipped for the region (./builtin.ts). A level imported replaces the
// shipped one; a level absent from the import keeps what was there before.
import { AREA_LEVELS, type AreaFeature, type AreaLevel } from '../../shared/geo.ts';
import type { Region } from '../../shared/types.ts';
import { auditEntry } from '../audit/entry.ts';
import type { AreaStore, AuditActor } from '../store/port.ts';
import { parseBoundaries } from './boundaries.ts';
import { builtInBoundaries } from './builtin.ts';
import type { Boundaries } from './places.ts';

/**
 * Validates and stores, in one transaction with its audit entry; nothing is stored unless the
 * whole file is right. A running server reloads its places at its next settings check.
 */
export async function importBoundaries(store: AreaStore, region: Region, json: unknown, audit?: { actor: AuditActor; now: Date }): Promise<{ kecamatan: number; desa: number }> {
  const parsed = parseBoundaries(json, region);
  const levels: Partial<Record<AreaLevel, AreaFeature[]>> = {};
  for (const level of AREA_LEVELS) if (parsed[level].length) levels[level] = parsed[level];
  const counts = { kecamatan: parsed.kecamatan.length, desa: parsed.desa.length };
  await store.replaceAreas(levels, audit ? auditEntry(audit.now, audit.actor, 'boundaries.import', 'boundaries', null, counts) : undefined);
  return counts;
}

/** The boundaries the server runs with, per level: imported ones, else shipped ones, else none (null). */
export async function loadBoundaries(store: AreaStore, region: Region): Promise<Boundaries> {
  const shipped = builtInBoundaries(region);
  const out: Boundaries = { kecamatan: null, desa: null };
  for (const level of AREA_LEVELS) {
    const stored = await store.listAreas(level);
    out[level] = stored.length ? stored : shipped[level];
  }
  return out;
}
