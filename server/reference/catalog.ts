import { AGENCIES } from '../../shared/reference/agencies.ts';
import { CATEGORIES } from '../../shared/reference/categories.ts';
import { HOLIDAYS } from '../../shared/reference/holidays.ts';
import { defaultDeadlines, defaultRouting, type DeadlineTable, type RoutingTable } from '../../shared/settings.ts';
import type { Agency, Category, CategoryId, Region } from '../../shared/types.ts';
import { addWorkingDays } from '../../shared/working-days.ts';
import type { Store } from '../store/port.ts';
import { loadBoundaries } from '../places/areas.ts';
import { createPlaces, type Places } from '../places/places.ts';
import { loadRegion } from './region.ts';

export interface Holiday { date: string; name: string; kind: 'libur' | 'cuti_bersama' }

/** Settings the admin may edit; the shipped tables in shared/ are their defaults. */
export const SETTING_KEYS = { agencies: 'agencies', routing: 'routing', holidays: 'holidays', deadlines: 'deadlines' } as const;

type StoredAgency = Pick<Agency, 'id' | 'name' | 'nameEn'> & Partial<Agency>;
/** Before routing had overrides it was stored as a bare category → agency map. */
type StoredRouting = Partial<RoutingTable> | Partial<Record<CategoryId, string>>;

function isRoutingTable(stored: StoredRouting): stored is Partial<RoutingTable> {
  return 'routes' in stored || 'overrides' in stored || 'topics' in stored;
}

function routingOf(stored: StoredRouting | null): RoutingTable {
  const table = defaultRouting();
  if (!stored) return table;
  const routes: Partial<RoutingTable> = isRoutingTable(stored) ? stored : { routes: { ...table.routes, ...stored } };
  return {
    routes: { ...table.routes, ...routes.routes },
    overrides: routes.overrides ?? [],
    topics: { ...table.topics, ...routes.topics },
  };
}

function deadlinesOf(stored: Partial<DeadlineTable> | null): DeadlineTable {
  const table = defaultDeadlines();
  return { categories: { ...table.categories, ...stored?.categories }, reopenWorkingDays: stored?.reopenWorkingDays ?? table.reopenWorkingDays };
}

/**
 * Reference data as this server runs it: the shipped tables with the admin's edits applied.
 * The store holds a settings version that every write of a setting raises (from any process,
 * the CLI included); `ensureFresh` compares it and reloads when it moved. It runs before every
 * socket handshake, sweep and save; before a request as `ensureRecent`, which leans on a check
 * begun within SETTINGS_RECHECK_MS, so no process acts on settings older than that.
 */
export class Catalog {
  region: Region;
  /** The settings version these tables were read at; -1 before the first load. */
  version = -1;
  agencies: Agency[] = [...AGENCIES];
  categories: Category[] = [...CATEGORIES];
  routing: RoutingTable = defaultRouting();
  deadlines: DeadlineTable = defaultDeadlines();
  holidays: Holiday[] = [...HOLIDAYS];
  holidayDates: Set<string> = new Set(HOLIDAYS.map((h) => h.date));
  /** Kecamatan and desa by point and by name: imported boundaries, else the shipped ones. */
  places: Places;
  private readonly kecamatanNames = new Map<string, string>();
  private readonly desaNames = new Map<string, string>();
  private readonly desaKecamatan = new Map<string, string>();
  private checking: Promise<void> | null = null;
  /** When the last check for requests began (see ensureRecent). */
  private recentCheckAt = Number.NEGATIVE_INFINITY;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly store: Store, regionCode: string) {
    this.region = loadRegion(regionCode);
    this.places = createPlaces(this.region, { kecamatan: null, desa: null });
    for (const k of this.region.kecamatan) {
      this.kecamatanNames.set(k.code, k.name);
      for (const d of k.desa) {
        this.desaNames.set(d.code, d.name);
        this.desaKecamatan.set(d.code, k.code);
      }
    }
  }

  /**
   * What every request calls: ensureFresh, unless one began less than `withinMs` before `now`
   * (the app's clock, ms). Each check is a read on a store thread, which under load waits its
   * turn behind commits and scans (2-24 ms measured at 1M reports): every request paid it, a
   * burst of them a check each. A save on this process reloads at once (settings/save.ts), the
   * Redis nudge checks at once; a change made elsewhere without Redis applies within `withinMs`.
   */
  ensureRecent(now: number, withinMs: number): Promise<void> {
    if (now >= this.recentCheckAt && now - this.recentCheckAt < withinMs) return Promise.resolve();
    this.recentCheckAt = now;
    return this.ensureFresh();
  }

  /** Reloads when the store's settings version differs from the one loaded (one check at a time). */
  ensureFresh(): Promise<void> {
    this.checking ??= (async () => {
      try {
        if ((await this.store.settingsVersion()) !== this.version) await this.reload();
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }

  async reload(): Promise<void> {
    // The version first: a change landing while the tables are read raises it past this one,
    // so the next check reads again.
    const version = await this.store.settingsVersion();
    const stored = (await this.store.getSetting<StoredAgency[]>(SETTING_KEYS.agencies)) ?? [];
    const byId = new Map<string, Agency>(AGENCIES.map((a) => [a.id, a]));
    for (const a of stored) byId.set(a.id, { ...a, parentId: a.parentId ?? null, active: a.active ?? true });
    this.agencies = [...byId.values()];
    this.routing = routingOf(await this.store.getSetting<StoredRouting>(SETTING_KEYS.routing));
    this.categories = CATEGORIES.map((c) => ({ ...c, agencyId: this.routing.routes[c.id] ?? c.agencyId }));
    this.deadlines = deadlinesOf(await this.store.getSetting<Partial<DeadlineTable>>(SETTING_KEYS.deadlines));
    this.holidays = (await this.store.getSetting<Holiday[]>(SETTING_KEYS.holidays)) ?? [...HOLIDAYS];
    this.holidayDates = new Set(this.holidays.map((h) => h.date));
    this.places = createPlaces(this.region, await loadBoundaries(this.store, this.region));
    const changed = this.version !== -1 && this.version !== version;
    this.version = version;
    if (changed) for (const listener of this.listeners) listener();
  }

  /** Called after each reload that found other settings than before (not the first load). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The agency a new report goes to: an override for its kecamatan first, else its category's. */
  agencyFor(category: CategoryId, kecamatan?: string): Agency {
    const override = kecamatan ? this.routing.overrides.find((o) => o.category === category && o.kecamatan === kecamatan) : undefined;
    const agencyId = override?.agencyId ?? this.categories.find((c) => c.id === category)?.agencyId;
    const agency = this.agencies.find((a) => a.id === agencyId);
    if (!agency) throw new Error(`Kategori ${category} diarahkan ke dinas yang tidak ada (${agencyId})`);
    return agency;
  }

  agency(id: string): Agency | undefined {
    return this.agencies.find((a) => a.id === id);
  }

  /** The agency and its units: whose reports the agency's officers see and act on. */
  agencyScope(agencyId: string): string[] {
    return [agencyId, ...this.agencies.filter((a) => a.parentId === agencyId).map((a) => a.id)];
  }

  /** End of the verify deadline of a report of `category` submitted at `from`. */
  verifyDueAt(category: CategoryId, from: Date): string {
    return addWorkingDays(from, this.deadlines.categories[category].verifyWorkingDays, this.holidayDates).toISOString();
  }

  /** End of the follow-up deadline of a report of `category` verified (or reopened) at `from`. */
  followUpDueAt(category: CategoryId, from: Date): string {
    return addWorkingDays(from, this.deadlines.categories[category].followUpWorkingDays, this.holidayDates).toISOString();
  }

  /** Until when a report resolved at `resolvedAt` may be reopened by the citizen. */
  reopenUntil(resolvedAt: Date): string {
    return addWorkingDays(resolvedAt, this.deadlines.reopenWorkingDays, this.holidayDates).toISOString();
  }

  kecamatanName(code: string): string {
    return this.kecamatanNames.get(code) ?? code;
  }

  desaName(code: string): string {
    return this.desaNames.get(code) ?? code;
  }

  /** The kecamatan a desa lies in; undefined for a code the region does not know. */
  kecamatanOfDesa(code: string): string | undefined {
    return this.desaKecamatan.get(code);
  }
}
