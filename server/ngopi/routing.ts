// Where an aspiration sent from a citizen's phone during a session goes: the agency its topic
// concerns. Only while the session runs (with a grace for phones that were offline a while).
import type { NgopiSession } from '../../shared/ngopi.ts';
import { findTopic } from '../../shared/reference/aspiration-topics.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';

// The page opens this long before the start, and the outbox may deliver this long after the end.
export const OPENS_BEFORE_MS = 30 * 60_000;
export const GRACE_AFTER_MS = 2 * 3600_000;

export function isOpen(session: Pick<NgopiSession, 'startsAt' | 'endsAt'>, now: Date, graceMs = 0): boolean {
  const t = now.getTime();
  return t >= Date.parse(session.startsAt) - OPENS_BEFORE_MS && t <= Date.parse(session.endsAt) + graceMs;
}

/** The topic's agency from the routing table (admin-edited), else the aspiration category's. */
export function topicAgency(deps: Pick<Deps, 'catalog'>, topic: string): string {
  const agencyId = findTopic(topic) ? deps.catalog.routing.topics[topic] : undefined;
  return agencyId && deps.catalog.agency(agencyId)?.active ? agencyId : deps.catalog.agencyFor('aspirasi').id;
}

/**
 * The agency of a citizen's online aspiration; refuses a closed session. A session text naming
 * no session (the form's free-text field before sessions existed) stays a plain aspiration.
 */
export async function agencyForOnlineAspiration(deps: Deps, sessionId: string, topic: string): Promise<string> {
  const session = await deps.store.getNgopiSession(sessionId);
  if (!session) return deps.catalog.agencyFor('aspirasi').id;
  if (!isOpen(session, deps.clock(), GRACE_AFTER_MS)) {
    throw new AppError('session_closed', { status: 409 });
  }
  return topicAgency(deps, topic);
}
