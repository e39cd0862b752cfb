// A chat message's place through the places capability: a shared location as a point, typed
// names through its tolerant matching.
import { inBounds } from '../../shared/validation/report-input.ts';
import { matchDesa, placeOfPoint } from '../places/places.ts';
import type { Catalog } from '../reference/catalog.ts';
import type { MachineEnv } from './conversation/machine.ts';

/** How many places a typed name offers at most (three reply buttons). */
const OFFERED = 3;

export function placeFinder(catalog: Catalog): Pick<MachineEnv, 'locate' | 'matchPlaces' | 'kecamatanName' | 'desaName'> {
  return {
    kecamatanName: (code) => catalog.kecamatanName(code),
    desaName: (code) => catalog.desaName(code),
    locate(lat, lng) {
      if (!inBounds(catalog.region, lat, lng)) return { inRegion: false, kecamatan: null, desa: null };
      const found = placeOfPoint(catalog.places, lat, lng);
      return { inRegion: true, kecamatan: found?.kecamatan.code ?? null, desa: found?.desa?.code ?? null };
    },
    matchPlaces(text, kecamatan) {
      return matchDesa(catalog.places, text, { ...(kecamatan ? { kecamatan } : {}), limit: OFFERED }).map((m) => ({ kecamatan: m.kecamatan, desa: m.code }));
    },
  };
}
