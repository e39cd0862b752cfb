// Deadlines in working days (Blora, WIB), per category from the deadline table (default: verify
// or forward within 3 after submission, set at intake; follow up within 5 after verification).
// An overdue report is announced once to the executive room.
import type { Report } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { SYSTEM } from '../reports/actors.ts';
import { changeReport } from '../reports/change-report.ts';
import { ALL_ROOM } from '../reports/rooms.ts';
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
 * officer is judged again as it now is (answered in time, it is no longer overdue).
 */
export async function announceOverdue(deps: Deps): Promise<number> {
  await deps.catalog.ensureFresh();
  const now = deps.clock();
  let announced = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.store.listReports({ overdueAt: now.toISOString(), overdueNotified: false, limit: SWEEP_PAGE, cursor });
    for (const { code } of page.items) {
      try {
        const { events } = await changeReport(deps, code, SYSTEM, (report) => (report.overdueNotified || !isOverdue(report, now) ? [] : {
          before: report, after: { ...report, overdueNotified: true }, type: 'report.overdue', data: { dueAt: report.dueAt },
          at: now.toISOString(), rooms: [ALL_ROOM],
        }));
        announced += events.length;
      } catch (err) {
        // Busy with officers even after the retries: the next sweep announces it.
        if (!(err instanceof AppError && err.code === 'conflict')) throw err;
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
