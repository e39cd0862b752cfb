// The reference tables the desk draws with, from the same shared tables the server uses
// (/api/meta for everyone, /api/desk/meta for the signed-in user's view of them).
import type { DeskUser } from '../../shared/desk.ts';
import type { Agency, Category, CategoryId, Region, ReportStatus } from '../../shared/types.ts';
import { ASPIRATION_TOPICS } from '../../shared/reference/aspiration-topics.ts';
import { api } from './api.ts';

interface PublicMeta {
  region: Region;
  agencies: Agency[];
  categories: Category[];
  statuses: { id: ReportStatus; label: string; closed: boolean }[];
  fertiliser: { types: { id: string; label: string }[]; problems: { id: string; label: string }[] };
  jalan: { damageTypes: readonly string[] };
  map: { tileUrl: string; attribution: string };
}

export interface Catalog {
  user: DeskUser;
  region: Region;
  agencies: Agency[];
  categories: Category[];
  statuses: PublicMeta['statuses'];
  map: PublicMeta['map'];
  category(id: CategoryId): Category | undefined;
  statusLabel(id: ReportStatus): string;
  isClosed(id: ReportStatus): boolean;
  agencyName(id: string): string;
  kecamatanName(code: string): string;
  desaName(code: string): string;
  fertiliserLabel(id: string): string;
  problemLabel(id: string): string;
  fertiliserTypes: { id: string; label: string }[];
  fertiliserProblems: { id: string; label: string }[];
  topics: readonly { id: string; label: string }[];
}

export async function loadCatalog(): Promise<Catalog> {
  const [meta, desk] = await Promise.all([
    api<PublicMeta>('/api/meta'),
    api<{ user: DeskUser; agencies: Agency[] }>('/api/desk/meta'),
  ]);
  const kecamatan = new Map(meta.region.kecamatan.map((k) => [k.code, k.name]));
  const desa = new Map(meta.region.kecamatan.flatMap((k) => k.desa.map((d) => [d.code, d.name] as const)));
  const label = (list: { id: string; label: string }[], id: string) => list.find((x) => x.id === id)?.label ?? id;
  return {
    user: desk.user,
    region: meta.region,
    agencies: desk.agencies,
    categories: meta.categories,
    statuses: meta.statuses,
    map: meta.map,
    category: (id) => meta.categories.find((c) => c.id === id),
    statusLabel: (id) => label(meta.statuses, id),
    isClosed: (id) => meta.statuses.find((s) => s.id === id)?.closed ?? false,
    agencyName: (id) => desk.agencies.find((a) => a.id === id)?.name ?? id,
    kecamatanName: (code) => kecamatan.get(code) ?? code,
    desaName: (code) => desa.get(code) ?? code,
    fertiliserLabel: (id) => label(meta.fertiliser.types, id),
    problemLabel: (id) => label(meta.fertiliser.problems, id),
    fertiliserTypes: meta.fertiliser.types,
    fertiliserProblems: meta.fertiliser.problems,
    topics: ASPIRATION_TOPICS,
  };
}
