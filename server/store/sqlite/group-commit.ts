import type Database from 'better-sqlite3';

interface Queued { write: () => unknown; resolve: (value: unknown) => void; reject: (err: unknown) => void }

/**
 * Group commit for every write to the SQLite file (report changes, channels, notifications):
 * the writes of one tick of the event loop share one transaction and one fsync, each in its own
 * savepoint, so one refused write does not undo its neighbours. Every acknowledged write is on
 * disk. A webhook burst, or a sender settling sixteen sends at once, would otherwise pay one
 * fsync per write, each blocking the thread.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private scheduled = false;
  private readonly inSavepoint: Database.Transaction<(write: () => unknown) => unknown>;
  private readonly alone: Database.Transaction<(write: () => unknown) => unknown>;

  /**
   * `beforeCommit` runs last in each group's transaction, after every write of the group:
   * what the writes left to be written once for all of them (the store's summed counters).
   */
  constructor(private readonly db: Database.Database, private readonly beforeCommit: () => void = () => {}) {
    this.inSavepoint = db.transaction((write: () => unknown) => write());
    this.alone = db.transaction((write: () => unknown) => {
      const value = write();
      this.beforeCommit();
      return value;
    });
  }

  /** Runs `write` in the next group's transaction; settles once that is committed. */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: (value) => resolve(value as T), reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits what is queued (also called by the store's close). */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    if (batch.length === 1) {
      // One write alone: its own transaction, without the savepoint that keeps neighbours apart.
      // A savepoint journals every page it touches; for a large write (a demo seed's thousand
      // reports) that cost five times the writes themselves, and more as the store grew.
      const [only] = batch;
      let value: unknown;
      try {
        value = this.alone.immediate(only.write);
      } catch (error) {
        only.reject(error);
        return;
      }
      only.resolve(value);
      return;
    }
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const op of batch) {
          try {
            outcomes.push({ ok: true, value: this.inSavepoint(op.write) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
        this.beforeCommit();
      }).immediate();
    } catch (err) {
      for (const op of batch) op.reject(err);
      return;
    }
    batch.forEach((op, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) op.resolve(outcome.value);
      else op.reject(outcome.error);
    });
  }
}
