// The Open311 use cases: create a request (a report, through intake's own submitReport: the same
// schema, routing, event and live push as the web form), and read requests under the public rules.
import { keptContact } from '../../shared/anonymity.ts';
import { normalisePublicId } from '../../shared/public-id.ts';
import type { MessageCode } from '../../shared/messages.ts';
import { STATUSES } from '../../shared/reference/statuses.ts';
import type { CategoryId, Report, ReportOrigin, ReportStatus } from '../../shared/types.ts';
import { OPEN311_MAX_DAYS, OPEN311_PAGE_SIZE, type Open311Post, type Open311RequestsQuery } from '../../shared/validation/open311-input.ts';
import { inBounds, parseReportInput } from '../../shared/validation/report-input.ts';
import { wibDate } from '../../shared/working-days.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { matchDesa, matchKecamatan, placeOfPoint } from '../places/places.ts';
import { isListed } from '../public/rules.ts';
import { clientIdOf } from '../channels/intake.ts';
import { submitReport } from '../reports/service.ts';
import type { ApiKeyRecord } from '../store/apikey-port.ts';
import { attributeOf } from './definitions.ts';
import { requestView } from './policy.ts';
import { requestItem, statusOnlyItem } from './presenter.ts';
import type { DocObject } from './xml.ts';

const DAY_MS = 86_400_000;
/** How sure the name matching must be that address_string names this desa (and its kecamatan). */
const ADDRESS_MIN_SCORE = 0.85;
/** Deepest a page may reach, in requests skipped: pages are read in order, so this bounds the work. */
export const OPEN311_MAX_OFFSET = 10_000;
const EVENTS_BETWEEN_YIELDS = 100;

/** A service_code is a category id; any other is the spec's 404. */
export function serviceOf(deps: Pick<Deps, 'catalog'>, code: string): CategoryId {
  const category = deps.catalog.categories.find((c) => c.id === code);
  if (!category) throw new AppError('open311_service_unknown', { status: 404, params: { code } });
  return category.id;
}

interface Located { kecamatan: string; desa: string; place: ReportOrigin['place']; lat?: number; lng?: number }

function badField(field: string, code: MessageCode): AppError {
  return new AppError('validation_failed', { status: 400, fields: { [field]: code } });
}

/**
 * Where the request is, through places: a lat/long point lies in a desa polygon; else
 * address_id is a desa's Kemendagri code; else address_string must name one desa and its
 * kecamatan clearly (tolerant matching; a tie or a doubt is refused rather than guessed).
 */
function locate(deps: Pick<Deps, 'catalog'>, input: Open311Post): Located {
  const { places, region } = deps.catalog;
  if (input.lat !== undefined || input.long !== undefined) {
    if (input.lat === undefined) throw badField('lat', 'coordinates_incomplete');
    if (input.long === undefined) throw badField('long', 'coordinates_incomplete');
    if (!inBounds(region, input.lat, input.long)) throw badField('lat', 'outside_region');
    const found = placeOfPoint(places, input.lat, input.long);
    if (!found?.desa) throw new AppError('open311_point_unplaced', { status: 400 });
    return { kecamatan: found.kecamatan.code, desa: found.desa.code, place: 'point', lat: input.lat, lng: input.long };
  }
  if (input.address_id) {
    const kecamatan = region.kecamatan.find((k) => k.desa.some((d) => d.code === input.address_id));
    if (!kecamatan) throw badField('address_id', 'invalid_desa');
    return { kecamatan: kecamatan.code, desa: input.address_id, place: 'address_id' };
  }
  if (input.address_string) {
    const [best, next] = matchDesa(places, input.address_string, { limit: 2 });
    const kecamatanNamed = best !== undefined && matchKecamatan(places, input.address_string).some((k) => k.code === best.kecamatan && k.score >= ADDRESS_MIN_SCORE);
    if (!best || best.score < ADDRESS_MIN_SCORE || !kecamatanNamed || (next && next.score >= best.score)) {
      throw new AppError('open311_address_unmatched', { status: 400 });
    }
    return { kecamatan: best.kecamatan, desa: best.code, place: 'address_string' };
  }
  throw new AppError('open311_location_required', { status: 400 });
}

/** attribute[code] → details.code; a code the service does not define is named and refused. */
function detailsOf(category: CategoryId, attributes: Open311Post['attribute']): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const [code, value] of Object.entries(attributes)) {
    const attribute = attributeOf(category, code);
    if (!attribute) throw badField(`attribute[${code}]`, 'open311_attribute_unknown');
    // A datetime attribute is a date here (purchaseDate): a full instant is read as its WIB day.
    details[code] = attribute.datatype === 'datetime' && typeof value === 'string' && value.includes('T') && !Number.isNaN(Date.parse(value))
      ? wibDate(new Date(value)) : value;
  }
  return details;
}

/** The report schema's field names as the partner sent them. */
function specField(field: string): string {
  if (field.startsWith('details.')) return `attribute[${field.slice('details.'.length).split('.')[0]}]`;
  return ({ category: 'service_code', name: 'first_name', lng: 'long', kecamatan: 'address_string', desa: 'address_string' } as Record<string, string>)[field] ?? field;
}

export interface Created { report: Report; code: string | null }

/**
 * POST requests: service → place → attributes as details → the web form's own schema (so a
 * partner's report is held to exactly the citizen's rules) → intake, marked as Open311 with the
 * key's name. The contact follows the one anonymity rule (shared/anonymity.ts); a request with
 * no contact at all is anonymous. The media link is kept for the desk and never fetched.
 * With an Idempotency-Key (an extension, as on /api/reports) a partner's retry gets the first
 * request and its tracking code back instead of a second report; keys are per API key.
 */
export async function createRequest(deps: Deps, key: ApiKeyRecord, input: Open311Post, idempotencyKey?: string): Promise<Created> {
  const category = serviceOf(deps, input.service_code);
  const place = locate(deps, input);
  const details = detailsOf(category, input.attribute);
  const name = [input.first_name, input.last_name].filter(Boolean).join(' ') || undefined;
  const anonymous = input.anonymous ?? !(name || input.phone || input.email);
  const parsed = parseReportInput({
    category, description: input.description, kecamatan: place.kecamatan, desa: place.desa, lat: place.lat, lng: place.lng,
    name, phone: input.phone, anonymous, confidential: input.confidential, details,
    ...(idempotencyKey ? { clientId: clientIdOf(`open311:${key.id}`, idempotencyKey.slice(0, 200)) } : {}),
  }, deps.catalog.region, wibDate(deps.clock()));
  if (!parsed.ok) {
    throw new AppError('validation_failed', { status: 400, fields: Object.fromEntries(Object.entries(parsed.fields).map(([field, code]) => [specField(field), code])) });
  }
  const contact = keptContact({ anonymous: parsed.value.anonymous, notifyConsent: false, name, phone: parsed.value.phone, email: input.email });
  const origin: ReportOrigin = {
    partner: key.name, apiKeyId: key.id, place: place.place,
    ...(input.address_string ? { address: input.address_string } : {}),
    ...(input.media_url ? { mediaUrl: input.media_url } : {}),
  };
  const { report, code } = await submitReport(deps, parsed.value, [], { channel: 'open311', origin, ...(contact.email ? { reporterEmail: contact.email } : {}) });
  return { report, code };
}

type ReadDeps = Pick<Deps, 'store' | 'catalog' | 'config' | 'clock'>;

async function itemOf(deps: ReadDeps, report: Report, key: ApiKeyRecord | null): Promise<DocObject | null> {
  switch (requestView(report, key)) {
    case 'public': return requestItem(report, await deps.store.eventsOfReport(report.publicId), deps.catalog, deps.config);
    case 'status': return statusOnlyItem(report, deps.catalog);
    case 'none': return null;
  }
}

/** A public id as typed (any letter case); null when it cannot be one. */
async function reportById(deps: ReadDeps, typed: string): Promise<Report | null> {
  const publicId = normalisePublicId(typed);
  return publicId ? deps.store.getReport(publicId) : null;
}

/** requests/{id}: an unknown id and a confidential one read alike (404), but for the key that sent it. */
export async function getRequest(deps: ReadDeps, publicId: string, key: ApiKeyRecord | null): Promise<DocObject> {
  const report = await reportById(deps, publicId);
  const item = report ? await itemOf(deps, report, key) : null;
  if (!item) throw new AppError('open311_request_unknown', { status: 404 });
  return item;
}

/** tokens/{token}: a token is the request's id (we create at once); known only for a listed request. */
export async function findToken(deps: ReadDeps, token: string): Promise<string> {
  const report = await reportById(deps, token);
  if (!report || !isListed(report)) throw new AppError('open311_token_unknown', { status: 404 });
  return report.publicId;
}

const OPEN: ReportStatus[] = STATUSES.filter((s) => !s.closed).map((s) => s.id);
const CLOSED: ReportStatus[] = STATUSES.filter((s) => s.closed).map((s) => s.id);

/** start_date/end_date: at most 90 days apart, start first; a missing end is 90 days on (or now), a missing start 90 days back. */
function dateWindow(q: Open311RequestsQuery, now: Date): { from: string; before: string } {
  const span = OPEN311_MAX_DAYS * DAY_MS;
  const end = q.end_date ? Date.parse(q.end_date) : q.start_date ? Math.min(Date.parse(q.start_date) + span, now.getTime()) : now.getTime();
  const start = q.start_date ? Date.parse(q.start_date) : end - span;
  if (start > end || end - start > span) throw new AppError('open311_date_range', { status: 400 });
  // end_date is inclusive; the store's createdBefore is not.
  return { from: new Date(start).toISOString(), before: new Date(end + 1).toISOString() };
}

/**
 * GET requests. `service_request_id` overrides every other argument (the spec); otherwise the
 * listed (never confidential) requests of the window, newest first, one page of page_size
 * (default and most: the spec's 1,000).
 */
export async function listRequests(deps: ReadDeps, q: Open311RequestsQuery): Promise<DocObject[]> {
  if (q.service_request_id) {
    const items: DocObject[] = [];
    for (const id of q.service_request_id) {
      const report = await reportById(deps, id);
      // A list never shows a confidential request, whoever asks.
      if (report && isListed(report)) items.push(requestItem(report, await deps.store.eventsOfReport(report.publicId), deps.catalog, deps.config));
    }
    return items;
  }
  const categories = q.service_code?.map((code) => serviceOf(deps, code));
  const statuses = q.status && q.status.length === 1 ? (q.status[0] === 'open' ? OPEN : CLOSED) : undefined;
  const window = dateWindow(q, deps.clock());
  const pageSize = q.page_size ?? OPEN311_PAGE_SIZE;
  const skip = ((q.page ?? 1) - 1) * pageSize;
  if (skip > OPEN311_MAX_OFFSET) throw new AppError('open311_page_too_deep', { status: 400 });
  const filter = { confidential: false, categories, statuses, createdFrom: window.from, createdBefore: window.before };
  // Keyset pages underneath: the earlier pages are walked through, never counted by OFFSET.
  let cursor: string | undefined;
  for (let skipped = 0; skipped < skip;) {
    const page = await deps.store.listReports({ ...filter, cursor, limit: Math.min(pageSize, skip - skipped) });
    skipped += page.items.length;
    if (!page.nextCursor) return [];
    cursor = page.nextCursor;
  }
  const page = await deps.store.listReports({ ...filter, cursor, limit: pageSize });
  const items: DocObject[] = [];
  for (const [i, report] of page.items.entries()) {
    // The status notes need each report's events; SQLite reads them synchronously, so a full page
    // of 1,000 yields to the event loop every EVENTS_BETWEEN_YIELDS reports (desks stay live).
    if (i > 0 && i % EVENTS_BETWEEN_YIELDS === 0) await new Promise((resolve) => setImmediate(resolve));
    items.push(requestItem(report, await deps.store.eventsOfReport(report.publicId), deps.catalog, deps.config));
  }
  return items;
}
