// Agencies and their units (one level: a UPT of DPUPR). Ids are never renamed or removed:
// they are in stored reports and room names. Deactivating stops new work reaching an agency
// and is refused while anything still points to it.
import { STATUSES } from '../../shared/reference/statuses.ts';
import type { Agency } from '../../shared/types.ts';
import type { AgencyChangeInput, AgencyCreateInput } from '../../shared/validation/admin-input.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { SETTING_KEYS, type Catalog } from '../reference/catalog.ts';
import type { AuditActor } from '../store/port.ts';
import { saveSetting } from './save.ts';

type AgencyDeps = Pick<Deps, 'store' | 'catalog' | 'clock'>;

const OPEN_STATUSES = STATUSES.filter((s) => !s.closed).map((s) => s.id);

export function agenciesOf(catalog: Catalog): Agency[] {
  return catalog.agencies.map((a) => ({ ...a }));
}

function find(catalog: Catalog, id: string): Agency {
  const agency = catalog.agency(id);
  if (!agency) throw new AppError('agency_not_found', { status: 404 });
  return agency;
}

/** A parent must exist, be active and be top level (one level of units); an agency with units cannot become one. */
function checkParent(catalog: Catalog, agencyId: string, parentId: string | null): void {
  if (parentId === null) return;
  const parent = catalog.agency(parentId);
  if (!parent?.active || parentId === agencyId) throw new AppError('unknown_agency', { status: 422, fields: { parentId: 'unknown_agency' }, params: { name: parentId } });
  if (parent.parentId !== null) throw new AppError('parent_is_unit', { status: 422, fields: { parentId: 'parent_is_unit' }, params: { name: parent.name } });
  if (catalog.agencies.some((a) => a.parentId === agencyId)) throw new AppError('agency_has_units', { status: 422, fields: { parentId: 'agency_has_units' } });
}

export async function addAgency(deps: AgencyDeps, actor: AuditActor, input: AgencyCreateInput): Promise<Agency> {
  const agency: Agency = { id: input.id, name: input.name, nameEn: input.nameEn ?? input.name, parentId: input.parentId, active: true };
  await saveSetting(deps, actor, {
    key: SETTING_KEYS.agencies, action: 'agency.create', current: agenciesOf,
    next: (catalog) => {
      if (catalog.agency(agency.id)) throw new AppError('agency_exists', { status: 409, fields: { id: 'agency_exists' } });
      checkParent(catalog, agency.id, agency.parentId);
      return [...agenciesOf(catalog), agency];
    },
  });
  return find(deps.catalog, agency.id);
}

/** What still points to an agency: routing entries, active units, open reports, active accounts. */
export async function blockersOf(deps: AgencyDeps, agencyId: string): Promise<string[]> {
  const { catalog } = deps;
  const label = (category: string) => catalog.categories.find((c) => c.id === category)?.label ?? category;
  const blockers: string[] = [];
  const routes = Object.entries(catalog.routing.routes).filter(([, a]) => a === agencyId).map(([c]) => label(c));
  if (routes.length) blockers.push(`pengarahan kategori ${routes.join(', ')}`);
  const overrides = catalog.routing.overrides.filter((o) => o.agencyId === agencyId).map((o) => `${label(o.category)} di ${catalog.kecamatanName(o.kecamatan)}`);
  if (overrides.length) blockers.push(`pengecualian ${overrides.join(', ')}`);
  const topics = Object.entries(catalog.routing.topics).filter(([, a]) => a === agencyId).map(([t]) => t);
  if (topics.length) blockers.push(`topik Ngopi Bareng ${topics.join(', ')}`);
  const units = catalog.agencies.filter((a) => a.parentId === agencyId && a.active).map((a) => a.name);
  if (units.length) blockers.push(`unit aktif ${units.join(', ')}`);
  const [open] = await deps.store.aggregateReports({ agencyIds: [agencyId], statuses: OPEN_STATUSES, by: [], now: deps.clock().toISOString() });
  if (open && open.count > 0) blockers.push(`${open.count} laporan terbuka`);
  const accounts = (await deps.store.listUsers()).filter((u) => u.agencyId === agencyId && !u.disabled);
  if (accounts.length) blockers.push(`${accounts.length} akun aktif (${accounts.map((u) => u.username).join(', ')})`);
  return blockers;
}

export async function changeAgency(deps: AgencyDeps, actor: AuditActor, id: string, input: AgencyChangeInput): Promise<Agency> {
  await deps.catalog.ensureFresh();
  const agency = find(deps.catalog, id);
  if (input.active === false && agency.active) {
    // Checked before the write: a report routed here in between would still be worked by the
    // agency's desk, which stays readable while inactive; only new routing to it is refused.
    const blockers = await blockersOf(deps, id);
    if (blockers.length) throw new AppError('agency_in_use', { status: 409, params: { name: agency.name, blockers: blockers.join('; ') } });
  }
  await saveSetting(deps, actor, {
    key: SETTING_KEYS.agencies, action: input.active === false ? 'agency.deactivate' : 'agency.update', current: agenciesOf,
    next: (catalog) => {
      const current = find(catalog, id);
      const next: Agency = {
        ...current, name: input.name ?? current.name, nameEn: input.nameEn ?? current.nameEn,
        parentId: input.parentId === undefined ? current.parentId : input.parentId, active: input.active ?? current.active,
      };
      if (input.parentId !== undefined) checkParent(catalog, id, next.parentId);
      return agenciesOf(catalog).map((a) => (a.id === id ? next : a));
    },
  });
  return find(deps.catalog, id);
}
