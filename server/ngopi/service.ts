// Ngopi Bareng use cases: sessions (create, change, delete, list) and the facilitator's entry
// of aspirations, each becoming an `aspirasi` report linked to the session and routed live.
import { randomBytes } from 'node:crypto';
import type { DeskUser } from '../../shared/desk.ts';
import type { NgopiSession, NgopiSessionInput, PublicNgopiSession } from '../../shared/ngopi.ts';
import type { Report, ReportInput } from '../../shared/types.ts';
import type { AspirationEntry } from '../../shared/validation/ngopi-input.ts';
import { parseReportInput } from '../../shared/validation/report-input.ts';
import { wibDate } from '../../shared/working-days.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../reports/actors.ts';
import { AppError } from '../errors.ts';
import { submitReport, type Submitted } from '../reports/service.ts';
import { canManageSessions } from './policy.ts';
import { toPublicSession, toSummary, type SessionSummary } from './presenter.ts';
import { topicAgency } from './routing.ts';

const PAGE = 100;

export const SESSION_ID = /^[A-Za-z0-9_-]{6,40}$/;

function authorize(user: DeskUser): void {
  if (!canManageSessions(user)) throw new AppError('forbidden', { status: 403 });
}

/**
 * The facilitator's entry sheet: the session and every aspiration entered in it, speakers and
 * confidential ones included, so it is held to the same role rule as the API that writes it.
 */
export async function entrySheet(deps: Deps, user: DeskUser, sessionId: string): Promise<{ session: NgopiSession; reports: Report[] }> {
  authorize(user);
  const session = await findSession(deps, sessionId);
  return { session, reports: await aspirationsOf(deps, session.id) };
}

export async function findSession(deps: Deps, id: string): Promise<NgopiSession> {
  const session = SESSION_ID.test(id) ? await deps.store.getNgopiSession(id) : null;
  if (!session) throw new AppError('session_not_found', { status: 404 });
  return session;
}

export async function createSession(deps: Deps, user: DeskUser, input: NgopiSessionInput): Promise<NgopiSession> {
  authorize(user);
  const at = deps.clock().toISOString();
  const session: NgopiSession = { id: randomBytes(9).toString('base64url'), ...input, createdBy: user.id, createdAt: at, updatedAt: at };
  await deps.store.putNgopiSession(session);
  return session;
}

export async function updateSession(deps: Deps, user: DeskUser, id: string, input: NgopiSessionInput): Promise<NgopiSession> {
  authorize(user);
  const session: NgopiSession = { ...(await findSession(deps, id)), ...input, updatedAt: deps.clock().toISOString() };
  await deps.store.putNgopiSession(session);
  return session;
}

/** Only an empty session goes: aspirations raised in one keep it as their public record. */
export async function deleteSession(deps: Deps, user: DeskUser, id: string): Promise<void> {
  authorize(user);
  await findSession(deps, id);
  const { items } = await deps.store.listReports({ session: id, limit: 1 });
  if (items.length) throw new AppError('session_has_aspirations', { status: 409 });
  await deps.store.deleteNgopiSession(id);
}

export async function listSessions(deps: Deps): Promise<{ upcoming: PublicNgopiSession[]; past: PublicNgopiSession[] }> {
  const now = deps.clock();
  const sessions = (await deps.store.listNgopiSessions()).map((s) => toPublicSession(s, now));
  const nowIso = now.toISOString();
  return {
    // Soonest first; a running session counts as upcoming.
    upcoming: sessions.filter((s) => s.endsAt >= nowIso).reverse(),
    past: sessions.filter((s) => s.endsAt < nowIso),
  };
}

/** Every aspiration of the session, oldest first (the order they were raised). */
export async function aspirationsOf(deps: Deps, sessionId: string): Promise<Report[]> {
  const all: Report[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listReports({ session: sessionId, limit: PAGE, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all.reverse();
}

export async function summarise(deps: Deps, sessionId: string): Promise<SessionSummary> {
  const session = await findSession(deps, sessionId);
  return toSummary(session, await aspirationsOf(deps, sessionId), deps.catalog, deps.clock());
}

/** The place of an aspiration: the speaker's desa, else the session's; required either way. */
function reportInputOf(deps: Deps, session: NgopiSession, entry: AspirationEntry): ReportInput {
  const desa = entry.desa ?? session.desa;
  const kecamatan = desa ? deps.catalog.region.kecamatan.find((k) => k.desa.some((d) => d.code === desa))?.code : undefined;
  const name = entry.consent ? entry.speakerName ?? undefined : undefined;
  const parsed = parseReportInput({
    category: 'aspirasi', description: entry.text, kecamatan, desa, name, anonymous: !name, confidential: entry.confidential,
    details: { topic: entry.topic, session: session.id },
  }, deps.catalog.region, wibDate(deps.clock()));
  if (!parsed.ok) {
    // The report schema names `description`; the facilitator's form calls it `text`.
    const fields = Object.fromEntries(Object.entries(parsed.fields).map(([k, v]) => [k === 'description' ? 'text' : k === 'kecamatan' ? 'desa' : k, v]));
    throw new AppError('validation_failed', { status: 422, fields });
  }
  return parsed.value;
}

/**
 * validate the entry as a report → the agency (chosen, or the topic's) → submit as the
 * facilitator → the agency's desk hears of it live, the session's public page too.
 */
export async function enterAspiration(deps: Deps, user: DeskUser, sessionId: string, entry: AspirationEntry): Promise<Submitted> {
  authorize(user);
  const session = await findSession(deps, sessionId);
  if (entry.agencyId && !deps.catalog.agency(entry.agencyId)?.active) {
    throw new AppError('validation_failed', { status: 422, fields: { agencyId: 'invalid_agency' } });
  }
  const input = reportInputOf(deps, session, entry);
  const agencyId = entry.agencyId ?? topicAgency(deps, entry.topic);
  return submitReport(deps, input, [], { agencyId, actor: actorOf(user), channel: 'ngopi' });
}
