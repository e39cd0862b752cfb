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
const DAY_MS = 86_400_000;
/** No deadline is older than this: where the first sweep after a start begins. */
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const MAX_WINDOW_MS = 64 * DAY_MS;

/** Up to where deadlines were swept (per process): the next sweep reads only later ones. */
const sweptUntil = new WeakMap<Deps, { until: number; retry: Set<string> }>();

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

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
 *
 * Only deadlines that passed since the last sweep are read (the first sweep after a start reads
 * the whole backlog), window by window of deadlines through the index of not-yet-announced
 * reports, in pages of SWEEP_PAGE, yielding to the event loop between pages: a backlog of
 * thousands never holds the hotline. A report busy with officers is retried next sweep.
 */
export async function announceOverdue(deps: Deps): Promise<number> {
  await deps.catalog.ensureFresh();
  const now = deps.clock();
  const state = sweptUntil.get(deps) ?? { until: EARLIEST, retry: new Set<string>() };
  const retry = new Set<string>();
  let announced = 0;
  const announce = async (publicId: string) => {
    try {
      const { events } = await changeReport(deps, publicId, SYSTEM, (report) => (report.overdueNotified || !isOverdue(report, now) ? [] : {
        before: report, after: { ...report, overdueNotified: true }, type: 'report.overdue', data: { dueAt: report.dueAt },
        at: now.toISOString(), rooms: [ALL_ROOM],
      }));
      announced += events.length;
    } catch (err) {
      // Busy with officers even after the retries: the next sweep announces it.
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
      retry.add(publicId);
    }
  };
  for (const publicId of state.retry) await announce(publicId);
  // Windows of deadlines, from where the last sweep stopped to now; an empty one doubles the next.
  let window = DAY_MS;
  for (let from = state.until; from < now.getTime();) {
    const to = Math.min(now.getTime(), from + window);
    let cursor: string | undefined;
    let found = false;
    do {
      const page = await deps.store.listReports({
        dueFrom: new Date(from).toISOString(), overdueAt: new Date(to).toISOString(), overdueNotified: false, limit: SWEEP_PAGE, cursor,
      });
      found ||= page.items.length > 0;
      for (const { publicId } of page.items) await announce(publicId);
      cursor = page.nextCursor ?? undefined;
      await yieldToEventLoop();
    } while (cursor);
    window = found ? DAY_MS : Math.min(MAX_WINDOW_MS, window * 2);
    from = to;
  }
  sweptUntil.set(deps, { until: now.getTime(), retry });
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
