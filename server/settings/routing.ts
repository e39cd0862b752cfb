// Routing as data: category → agency, overrides per kecamatan, and Ngopi Bareng topics. A
// change applies to new reports only; reports already routed stay where they are.
import { ASPIRATION_TOPICS } from '../../shared/reference/aspiration-topics.ts';
import type { RoutingTable } from '../../shared/settings.ts';
import type { CategoryId } from '../../shared/types.ts';
import type { RoutingInput } from '../../shared/validation/admin-input.ts';
import { AppError } from '../errors.ts';
import type { Catalog } from '../reference/catalog.ts';

function unknown(code: 'unknown_category' | 'unknown_kecamatan' | 'unknown_agency' | 'unknown_topic' | 'route_missing' | 'duplicate_override', field: string, name: string): AppError {
  return new AppError(code, { status: 422, fields: { [field]: code }, params: { name } });
}

export function routingOf(catalog: Catalog): RoutingTable {
  return { routes: { ...catalog.routing.routes }, overrides: catalog.routing.overrides.map((o) => ({ ...o })), topics: { ...catalog.routing.topics } };
}

function isCategory(catalog: Catalog, id: string): id is CategoryId {
  return catalog.categories.some((c) => c.id === id);
}

function checkAgency(catalog: Catalog, field: string, agencyId: string): string {
  if (!catalog.agency(agencyId)?.active) throw unknown('unknown_agency', field, agencyId);
  return agencyId;
}

/** The table as it will be stored; refuses with 422 naming the first unknown name. */
export function checkRouting(catalog: Catalog, input: RoutingInput): RoutingTable {
  const routes: Partial<Record<CategoryId, string>> = {};
  for (const [category, agencyId] of Object.entries(input.routes)) {
    if (!isCategory(catalog, category)) throw unknown('unknown_category', `routes.${category}`, category);
    routes[category] = checkAgency(catalog, `routes.${category}`, agencyId);
  }
  const complete: Record<CategoryId, string> = { ...catalog.routing.routes };
  for (const c of catalog.categories) {
    const agencyId = routes[c.id];
    if (!agencyId) throw unknown('route_missing', `routes.${c.id}`, c.id);
    complete[c.id] = agencyId;
  }
  const seen = new Set<string>();
  const overrides = input.overrides.map((o, i) => {
    if (!isCategory(catalog, o.category)) throw unknown('unknown_category', `overrides.${i}.category`, o.category);
    if (!catalog.region.kecamatan.some((k) => k.code === o.kecamatan)) throw unknown('unknown_kecamatan', `overrides.${i}.kecamatan`, o.kecamatan);
    checkAgency(catalog, `overrides.${i}.agencyId`, o.agencyId);
    const key = `${o.category} ${o.kecamatan}`;
    if (seen.has(key)) throw unknown('duplicate_override', `overrides.${i}`, `${o.category} / ${catalog.kecamatanName(o.kecamatan)}`);
    seen.add(key);
    return { category: o.category, kecamatan: o.kecamatan, agencyId: o.agencyId };
  });
  const topics = { ...catalog.routing.topics };
  for (const [topic, agencyId] of Object.entries(input.topics ?? {})) {
    if (!ASPIRATION_TOPICS.some((t) => t.id === topic)) throw unknown('unknown_topic', `topics.${topic}`, topic);
    topics[topic] = checkAgency(catalog, `topics.${topic}`, agencyId);
  }
  return { routes: complete, overrides, topics };
}
