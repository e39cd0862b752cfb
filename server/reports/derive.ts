// The hook every consumer of report changes attaches to (the read model's counters, citizen
// notifications' outbox): pure functions from a change to the extra writes it implies. The
// write path runs them and the store commits their writes in the change's own transaction,
// so a derived record exists exactly when its change does, with no second write to lose.
import type { NewReportEvent, Report } from '../../shared/types.ts';
import { outboxDeriver } from '../notify/derive.ts';
import { reportDelta } from '../readmodel/counters.ts';
import type { DerivedWrite } from '../store/port.ts';

/** `before` is null for a new report; `after` is as it will be stored (its version set). */
export type Deriver = (before: Report | null, after: Report, event: NewReportEvent) => DerivedWrite[];

/** The derivers of the running server; later capabilities register theirs here. */
export const DERIVERS: readonly Deriver[] = [reportDelta, outboxDeriver];
