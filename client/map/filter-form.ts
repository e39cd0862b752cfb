// The staff map's filters: the URL holds them (a copied link opens the same view), the form
// shows them, and an officer's agency filter is fixed to their own agency.
import type { DeskUser } from '../../shared/desk.ts';
import { parseMapFilters, type MapFilters } from '../../shared/map.ts';
import type { CategoryId, ReportStatus } from '../../shared/types.ts';

function field<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

export function filtersFromUrl(agencyIds: string[]): MapFilters {
  const params = new URLSearchParams(location.search);
  return parseMapFilters((n) => params.get(n), agencyIds).filters;
}

export function filtersFromForm(): MapFilters {
  const value = (id: string) => field<HTMLInputElement>(id).value;
  const category = value('f-category');
  const status = value('f-status');
  return {
    categories: category ? [category as CategoryId] : [],
    statuses: status ? [status as ReportStatus] : [],
    agencyId: value('f-agency') || undefined,
    from: value('f-from') || undefined,
    to: value('f-to') || undefined,
    overdue: field<HTMLInputElement>('f-overdue').checked,
  };
}

export function showFiltersInForm(f: MapFilters, user: DeskUser): void {
  field<HTMLSelectElement>('f-category').value = f.categories[0] ?? '';
  field<HTMLSelectElement>('f-status').value = f.statuses[0] ?? '';
  const agency = field<HTMLSelectElement>('f-agency');
  const ownAgency = (user.role === 'officer' || user.role === 'agency_admin') ? user.agencyId : null;
  agency.value = ownAgency ?? f.agencyId ?? '';
  agency.disabled = ownAgency !== null;
  field<HTMLInputElement>('f-from').value = f.from ?? '';
  field<HTMLInputElement>('f-to').value = f.to ?? '';
  field<HTMLInputElement>('f-overdue').checked = f.overdue;
}

export const NO_FILTERS: MapFilters = { categories: [], statuses: [], overdue: false };
