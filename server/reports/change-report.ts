// The one write path. Every change of a report, by any service or channel, goes through here:
// read → decide → commit the change(s) and their events (and derived writes) in ONE
// transaction with the versions read → retry on a concurrent change → publish after commit.
// server/store's commitReports is called from this file only (test/reports/write-path.test.ts).
import type { EventActor, EventType, Report, ReportEvent } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { DuplicateCodeError, VersionConflictError, type DerivedWrite, type ReportChange } from '../store/port.ts';
import { firstAnswerAt } from './answered-at.ts';
import { eventFor } from './events.ts';

/** How many times a change is read and decided again when another one got in first. */
export const MAX_ATTEMPTS = 4;

/** One report's change, as a service decides it. */
export interface PlannedChange {
  /** The report as read (its version is the one the commit expects); null for a new report. */
  before: Report | null;
  /** The report after the change; the write path sets its version. */
  after: Report;
  type: EventType;
  data?: Record<string, unknown>;
  /** Agencies beside the report's own that hear of it (a forward: the one it leaves). */
  alsoAgencies?: string[];
  /** Instead of the report's rooms (the overdue announcement goes to `all` only). */
  rooms?: string[];
  /** The event's time, when not the report's updatedAt. */
  at?: string;
  /** A "dukung": this device's support, counted once (DuplicateSupportError otherwise). */
  support?: { deviceId: string };
  /** A merge: the supporter devices of this report move to `after`. */
  moveSupportsFrom?: string;
  /**
   * Writes the service itself adds, beside the derivers' (which see only the change): intake's
   * reporter contact, which needs the tracking code that only intake holds.
   */
  derived?: DerivedWrite[];
}

/** Decides the change(s) of the current report; none (an empty list) leaves it as it is. */
export type Decide = (current: Report) => PlannedChange | PlannedChange[] | Promise<PlannedChange | PlannedChange[]>;

export interface Committed {
  /** The reports as stored, in the order decided (the first is the report changed). */
  reports: Report[];
  events: ReportEvent[];
}

/** What the write path needs: a seeder or a CLI builds just these. */
export type WriteDeps = Pick<Deps, 'store' | 'bus' | 'derivers'>;

/** The store's change, with the version and derived writes filled in here, once. */
function toStoreChange(deps: WriteDeps, planned: PlannedChange, actor: EventActor): ReportChange {
  const expectedVersion = planned.before?.version ?? 0;
  const after: Report = { ...planned.after, answeredAt: firstAnswerAt(planned.before, planned.after), version: expectedVersion + 1 };
  const built = eventFor(after, planned.type, actor, planned.data, planned.alsoAgencies, planned.before);
  const event = { ...built, rooms: planned.rooms ?? built.rooms, at: planned.at ?? built.at };
  const derived = [...(planned.derived ?? []), ...deps.derivers.flatMap((derive) => derive(planned.before, after, event))];
  return {
    report: after, event, expectedVersion, derived,
    ...(planned.support ? { support: planned.support } : {}),
    ...(planned.moveSupportsFrom ? { moveSupportsFrom: planned.moveSupportsFrom } : {}),
  };
}

/**
 * Commits the changes in one transaction (all or none) and publishes their events after.
 * Each entry names its own actor: a batch may be independent changes (the demo seeder's).
 */
export async function commitChanges(deps: WriteDeps, entries: { planned: PlannedChange; actor: EventActor }[]): Promise<Committed> {
  if (entries.length === 0) return { reports: [], events: [] };
  const changes = entries.map(({ planned, actor }) => toStoreChange(deps, planned, actor));
  const events = await deps.store.commitReports(changes);
  for (const event of events) deps.bus.publish(event);
  return { reports: changes.map((c) => c.report), events };
}

/**
 * Reads the report (404 when unknown), lets `decide` say what changes, commits that with the
 * version read; when another change got in first, reads and decides again, MAX_ATTEMPTS times
 * in all, then answers 409 `conflict`. `decide` throws to refuse (403, 409, 422 …).
 */
export async function changeReport(deps: WriteDeps, publicId: string, actor: EventActor, decide: Decide): Promise<Committed> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await deps.store.getReport(publicId);
    if (!current) throw new AppError('report_not_found', { status: 404 });
    const planned = [await decide(current)].flat();
    try {
      return await commitChanges(deps, planned.map((p) => ({ planned: p, actor })));
    } catch (err) {
      if (!(err instanceof VersionConflictError)) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new AppError('conflict', { status: 409 });
    }
  }
}

/**
 * The create path (intake on every channel): `build` makes the new report; a generated
 * public id or tracking code that collides is built again, MAX_ATTEMPTS times in all.
 * `also` adds writes of the service's own to the report it was just given (see PlannedChange.derived).
 */
export async function createReport(deps: WriteDeps, actor: EventActor, build: () => Report, also?: (report: Report) => DerivedWrite[]): Promise<Committed> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const after = build();
      return await commitChanges(deps, [{ planned: { before: null, after, type: 'report.created', derived: also?.(after) ?? [] }, actor }]);
    } catch (err) {
      if (!(err instanceof DuplicateCodeError) || attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}
