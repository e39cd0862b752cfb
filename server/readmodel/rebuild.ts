// Filling and rebuilding the read model from the stored reports, with the one rule of
// ./counters.ts. At start, a store that a migration flagged (written before the read model
// existed) is counted once; `npm run cli -- readmodel rebuild` counts any store again.
import type { Logger } from '../logger.ts';
import type { Store } from '../store/port.ts';
import { countersOfReport } from './counters.ts';

export async function fillReadModelIfFlagged(store: Store, logger: Pick<Logger, 'info'>): Promise<void> {
  const started = Date.now();
  const { rebuilt, reports } = await store.rebuildReadModel(countersOfReport, {
    onlyIfFlagged: true,
    onProgress: (n) => logger.info({ reports: n }, 'read model: counting stored reports'),
  });
  if (rebuilt) logger.info({ reports, ms: Date.now() - started }, 'read model filled from the stored reports');
}

export async function rebuildReadModel(store: Store, onProgress?: (reports: number) => void): Promise<{ reports: number }> {
  const { reports } = await store.rebuildReadModel(countersOfReport, { onProgress });
  return { reports };
}
