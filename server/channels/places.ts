// Where a chat message's place is: a point through the imported boundaries, a typed name
// through the region's desa names.
// Interim: the `places` capability (server/places/, tolerant matching on the 295 desa names) is
// being built beside this; when it lands, these two functions call it and this matching goes.
import { inBounds } from '../../shared/validation/report-input.ts';
import { locate } from '../map/boundaries.ts';
import type { Catalog } from '../reference/catalog.ts';
import type { MachineEnv, PlaceRef } from './conversation/machine.ts';

/** Lower case, without "desa/kelurahan/kecamatan" and punctuation: how people type names. */
export function normaliseName(text: string): string {
  return text.toLowerCase().replace(/\b(desa|ds|kelurahan|kel|kecamatan|kec)\b\.?/g, ' ').replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function placeFinder(catalog: Catalog): Pick<MachineEnv, 'locate' | 'matchPlaces' | 'kecamatanName' | 'desaName'> {
  return {
    kecamatanName: (code) => catalog.kecamatanName(code),
    desaName: (code) => catalog.desaName(code),
    locate(lat, lng) {
      if (!inBounds(catalog.region, lat, lng)) return { inRegion: false, kecamatan: null, desa: null };
      return { inRegion: true, ...locate(catalog.boundaries, lng, lat) };
    },
    matchPlaces(text, withinKecamatan) {
      const [desaPart, kecamatanPart] = text.split(/[,/]/).map(normaliseName);
      if (!desaPart) return [];
      const scored: { place: PlaceRef; score: number }[] = [];
      for (const k of catalog.region.kecamatan) {
        if (withinKecamatan && k.code !== withinKecamatan) continue;
        if (kecamatanPart && !normaliseName(k.name).startsWith(kecamatanPart)) continue;
        for (const d of k.desa) {
          const name = normaliseName(d.name);
          const score = name === desaPart ? 2 : name.startsWith(desaPart) ? 1 : 0;
          if (score) scored.push({ place: { kecamatan: k.code, desa: d.code }, score });
        }
      }
      return scored.sort((a, b) => b.score - a.score).map((s) => s.place);
    },
  };
}
