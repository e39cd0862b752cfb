// Deadlines in working days (Blora, WIB), per category from the deadline table (default: verify
// or forward within 3 after submission, set at intake; follow up within 5 after verification). An overdue report is announced once to the
// executive room.
import type { EventActor, Report } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { commitAndPublish, eventFor } from '../reports/service.ts';
import { ALL_ROOM } from '../reports/rooms.ts';
import { VersionConflictError } from '../store/port.ts';

const SYSTEM: EventActor = { kind: 'system' };
const SWEEP_PAGE = 200;

export function isOverdue(report: Pick<Report, 'dueAt'>, now: Date): boolean {
  return report.dueAt !== null && report.dueAt < now.toISOString();
}

export function followUpDueAt(deps: Pick<Deps, 'catalog'>, report: Pick<Report, 'category'>, from: Date): string {
  return deps.catalog.followUpDueAt(report.category, from);
}

/**
 * Raises `report.overdue` for every open report past its deadline that has not been announced
 * yet, and marks it so. Returns how many were announced. A report changed meanwhile by an
 * officer is simply left for the next sweep.
 */
export async function announceOverdue(deps: Deps): Promise<number> {
  await deps.catalog.ensureFresh();
  const now = deps.clock();
  let announced = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.store.listReports({ overdueAt: now.toISOString(), overdueNotified: false, limit: SWEEP_PAGE, cursor });
    for (const report of page.items) {
      const next: Report = { ...report, overdueNotified: true, version: report.version + 1 };
      const event = { ...eventFor(next, 'report.overdue', SYSTEM, { dueAt: report.dueAt }), at: now.toISOString(), rooms: [ALL_ROOM] };
      try {
        await commitAndPublish(deps, next, event, report.version);
        announced += 1;
      } catch (err) {
        if (!(err instanceof VersionConflictError)) throw err;
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return announced;
}

/** Runs announceOverdue every `intervalMs` (0 disables); the timer never keeps the process alive. */
export function startOverdueSweeper(deps: Deps, intervalMs: number): () => void {
  if (intervalMs <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    announceOverdue(deps)
      .catch((err) => deps.logger.error({ err }, 'overdue sweep failed'))
      .finally(() => { running = false; });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
