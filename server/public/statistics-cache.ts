// /statistik and /api/public/statistics are read by anyone, often, and their figures change
// only when a report does. They are computed once and kept until this process publishes a
// report change (its event bus: every change committed here) or PUBLIC_STATS_CACHE_SECONDS
// pass, which bounds what a change committed by another process, a new holiday or a passing
// deadline can leave unseen. Concurrent readers of a missing figure share one computation.
// At 737,000 reports the computation reads ~50 ms of counters; a kept answer, none.
import type { Deps } from '../deps.ts';
import { publicStatistics, type PublicStatistics } from './statistics.ts';

/** Lives as long as the app: the bus it listens to is the app's own. */
export interface StatisticsCache { get(): Promise<PublicStatistics> }

export function statisticsCache(deps: Pick<Deps, 'store' | 'catalog' | 'clock' | 'bus' | 'config'>): StatisticsCache {
  const ttlMs = deps.config.publicStatsCacheSeconds * 1000;
  let kept: { answer: Promise<PublicStatistics>; until: number } | null = null;
  // A change during a computation must not let that (older) answer be kept.
  let generation = 0;
  deps.bus.subscribe(() => {
    generation += 1;
    kept = null;
  });
  return {
    get() {
      const now = deps.clock().getTime();
      if (ttlMs === 0) return publicStatistics(deps);
      if (kept && now < kept.until) return kept.answer;
      const started = generation;
      const answer = publicStatistics(deps);
      kept = { answer, until: now + ttlMs };
      answer.then(
        () => { if (generation !== started && kept?.answer === answer) kept = null; },
        () => { if (kept?.answer === answer) kept = null; },
      );
      return answer;
    },
  };
}
