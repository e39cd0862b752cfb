// Reference data from /api/meta and the labels the map shows for ids and codes.
import type { Agency, Category, Region, ReportStatus } from '../../shared/types.ts';

export interface Meta {
  region: Region;
  agencies: Agency[];
  categories: Category[];
  statuses: { id: ReportStatus; label: string }[];
  fertiliser: { types: { id: string; label: string }[]; problems: { id: string; label: string }[] };
  map: { tileUrl: string; attribution: string };
}

export class Labels {
  private readonly desa = new Map<string, string>();
  constructor(readonly meta: Meta) {
    for (const k of meta.region.kecamatan) for (const d of k.desa) this.desa.set(d.code, d.name);
  }
  category = (id: string): string => this.meta.categories.find((c) => c.id === id)?.label ?? id;
  status = (id: string): string => this.meta.statuses.find((s) => s.id === id)?.label ?? id;
  agency = (id: string): string => this.meta.agencies.find((a) => a.id === id)?.name ?? id;
  kecamatan = (code: string): string => this.meta.region.kecamatan.find((k) => k.code === code)?.name ?? code;
  desaName = (code: string): string => this.desa.get(code) ?? code;
  fertiliser = (id: string): string => this.meta.fertiliser.types.find((t) => t.id === id)?.label ?? id;
  problem = (id: string): string => this.meta.fertiliser.problems.find((p) => p.id === id)?.label ?? id;
}
