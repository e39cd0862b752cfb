import { AGENCIES } from '../../shared/reference/agencies.ts';
import { CATEGORIES } from '../../shared/reference/categories.ts';
import { HOLIDAYS } from '../../shared/reference/holidays.ts';
import type { Agency, Category, CategoryId, Region } from '../../shared/types.ts';
import type { SettingStore } from '../store/port.ts';
import { loadBoundaries, type Boundaries } from '../map/boundaries.ts';
import { loadRegion } from './region.ts';

export interface Holiday { date: string; name: string; kind: 'libur' | 'cuti_bersama' }

/** Settings the admin may edit; the shipped tables in shared/ are their defaults. */
export const SETTING_KEYS = { agencies: 'agencies', routing: 'routing', holidays: 'holidays' } as const;

/**
 * Reference data as this server runs it: the shipped tables with the admin's edits applied.
 * Read once at start and again after an edit (`reload`), so requests never wait on it.
 */
export class Catalog {
  region: Region;
  agencies: Agency[] = [...AGENCIES];
  categories: Category[] = [...CATEGORIES];
  holidays: Holiday[] = [...HOLIDAYS];
  holidayDates: Set<string> = new Set(HOLIDAYS.map((h) => h.date));
  /** Imported kecamatan/desa polygons (CLI `boundaries import`); none by default. */
  boundaries: Boundaries = { kecamatan: null, desa: null };
  private readonly kecamatanNames = new Map<string, string>();
  private readonly desaNames = new Map<string, string>();

  constructor(private readonly store: SettingStore, regionCode: string) {
    this.region = loadRegion(regionCode);
    for (const k of this.region.kecamatan) {
      this.kecamatanNames.set(k.code, k.name);
      for (const d of k.desa) this.desaNames.set(d.code, d.name);
    }
  }

  async reload(): Promise<void> {
    const extraAgencies = (await this.store.getSetting<Agency[]>(SETTING_KEYS.agencies)) ?? [];
    this.agencies = [...AGENCIES, ...extraAgencies.filter((a) => !AGENCIES.some((b) => b.id === a.id))];
    const routing = (await this.store.getSetting<Partial<Record<CategoryId, string>>>(SETTING_KEYS.routing)) ?? {};
    this.categories = CATEGORIES.map((c) => ({ ...c, agencyId: routing[c.id] ?? c.agencyId }));
    this.holidays = (await this.store.getSetting<Holiday[]>(SETTING_KEYS.holidays)) ?? [...HOLIDAYS];
    this.holidayDates = new Set(this.holidays.map((h) => h.date));
    this.boundaries = await loadBoundaries(this.store);
  }

  agencyFor(category: CategoryId): Agency {
    const agencyId = this.categories.find((c) => c.id === category)?.agencyId;
    const agency = this.agencies.find((a) => a.id === agencyId);
    if (!agency) throw new Error(`Kategori ${category} diarahkan ke dinas yang tidak ada (${agencyId})`);
    return agency;
  }

  agency(id: string): Agency | undefined {
    return this.agencies.find((a) => a.id === id);
  }

  kecamatanName(code: string): string {
    return this.kecamatanNames.get(code) ?? code;
  }

  desaName(code: string): string {
    return this.desaNames.get(code) ?? code;
  }
}
