// The SQLite store hosted on a worker thread (SQLITE_WORKER=on, the default): the main thread
// keeps only this thin proxy, so no query or fsync of better-sqlite3 (synchronous by design)
// holds the event loop that serves HTTP and the desk sockets. Each call posts {id, path, args}
// to ./worker-host.ts and resolves from its reply.
//
// With SQLITE_READERS, lists and aggregates go to reader threads (see BULK_READ).
//
// Forwarding is by name: the host lists the methods its SqliteStore and its sub-ports answer
// when it is ready, and each becomes a method here, so a method or sub-port added to the port
// and to SqliteStore needs no change in this file. The types come from the port (the interfaces merged below); the host
// runs the very class that the store contract holds to the port.
import type { Report } from '../../../shared/types.ts';
import { countersOfReport } from '../../readmodel/counters.ts';
import type { ReadModelDelta, Store } from '../port.ts';
import { CHECKPOINT_FALLBACK_PAGES, Checkpointer } from './checkpointer.ts';
import { HostThread } from './host-thread.ts';

type Call = (path: string, args: unknown[]) => Promise<unknown>;

export interface WorkerStoreOptions {
  /**
   * Reader threads (SQLITE_READERS), each with its own connection: WAL lets them read while the
   * writer commits, so a slow list or aggregate does not hold intake's commits (nor they it).
   * 0: every call on the one thread.
   */
  readers?: number;
  /**
   * A thread died (an uncaught error, out of memory): every call in flight on it has been
   * rejected and every later call to the store is. By default the error is rethrown on the main
   * thread, so the process ends as on any fatal error and is restarted (the cluster primary,
   * systemd): a server that cannot store must not keep answering. /readyz fails meanwhile.
   */
  onCrash?: (error: Error) => void;
}

/**
 * The store's own methods that only read, and can read much (lists, scans, aggregates, event
 * replays): with reader threads these go to the least busy one. Anything else (writes, point
 * reads, whatever a helper adds next) goes to the writer, which is correct for every method:
 * each thread is a full SqliteStore on the same WAL file, as several processes are.
 */
const BULK_READ = /^(list|aggregate|scan|sum|events)[A-Z]/;
/**
 * The store's own point reads (one row by key, a count): answered by the writer when it is
 * free, else by a reader with no list or aggregate in hand. A writer that is committing sits in its fsync and answers
 * nothing until it returns, so the settings check that precedes every request, a desk's
 * session and the write path's own read of a report queued behind each commit (and behind
 * intake's whole group). In WAL mode a reader sees every commit that returned before its read
 * began, so nothing read after a write is older on a reader. A method so named must only read.
 */
const POINT_READ = /^(get[A-Z]|count[A-Z]|settingsVersion$|lastSeq$)/;
/**
 * Reader threads run this much nicer (Linux): on a machine short of CPU a map's scans wait
 * behind the event loop (/healthz, pushes) and the writer (intake), which is the order the
 * hotline needs. Idle cores still run them at full speed.
 */
const READER_NICE = 10;

/** Defines a forwarding method on `target` for each name it does not already have. */
function forward(target: object, prefix: string, names: readonly string[], call: Call): void {
  for (const name of names) {
    if (name in target) continue;
    // Writable and configurable like a class's methods, so a test may wrap one (or a Proxy see it).
    Object.defineProperty(target, name, { value: (...args: unknown[]) => call(prefix + name, args), writable: true, configurable: true, enumerable: false });
  }
}

function isRebuildResult(value: unknown): value is { rebuilt: boolean; reports: number } {
  return typeof value === 'object' && value !== null && 'rebuilt' in value && typeof value.rebuilt === 'boolean'
    && 'reports' in value && typeof value.reports === 'number';
}

function rethrow(error: Error): void {
  setImmediate(() => { throw error; });
}

/** Whether a thread of the store died, shared by its threads (one death fails the store). */
class Health {
  failure: Error | null = null;
  constructor(private readonly onCrash: (error: Error) => void) {}
  crashed = (error: Error): void => {
    if (this.failure) return;
    this.failure = error;
    this.onCrash(error);
  };
}

// The port's methods and sub-ports are defined at construction from the host's list (see
// forward); the merged interface gives them their types.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface WorkerStore extends Store {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class WorkerStore {
  readonly kind = 'sqlite' as const;
  /** Lists and aggregates in flight, by reader thread. */
  private readonly bulkReads = new Map<HostThread, number>();

  /**
   * Starts the writer (which migrates), then the readers and the checkpointer; resolves once
   * all answer, rejects as opening would. The writer leaves checkpoints to the checkpointer.
   */
  static async open(file: string, options: WorkerStoreOptions = {}): Promise<WorkerStore> {
    const health = new Health(options.onCrash ?? rethrow);
    const writer = await HostThread.start(file, health.crashed, 0, CHECKPOINT_FALLBACK_PAGES);
    try {
      const [checkpointer, readers] = await Promise.all([
        Checkpointer.start(file, health.crashed),
        Promise.all(Array.from({ length: options.readers ?? 0 }, () => HostThread.start(file, health.crashed, READER_NICE))),
      ]);
      return new WorkerStore(writer.thread, readers.map((r) => r.thread), checkpointer, writer.methods, health);
    } catch (error) {
      await writer.thread.close();
      throw error;
    }
  }

  private constructor(readonly writer: HostThread, readonly readers: readonly HostThread[], private readonly checkpointer: Checkpointer, methods: Record<string, string[]>, private readonly health: Health) {
    forward(this, '', methods[''] ?? [], (path, args) => this.call(path, args));
    for (const sub of Object.keys(methods)) {
      if (sub === '' || sub in this) continue;
      const subPort: object = Object.create(null);
      forward(subPort, `${sub}.`, methods[sub] ?? [], (path, args) => this.call(path, args));
      Object.defineProperty(this, sub, { value: subPort, writable: false, configurable: true, enumerable: true });
    }
  }

  /** Every thread, the writer first. */
  get threads(): HostThread[] {
    return [this.writer, ...this.readers];
  }

  private call(path: string, args: unknown[], onProgress?: (reports: number) => void): Promise<unknown> {
    if (this.health.failure) return Promise.reject(this.health.failure);
    const thread = this.threadFor(path);
    if (thread === this.writer || !BULK_READ.test(path)) return thread.call(path, args, onProgress);
    // Counted, so a point read is not queued behind a long scan (see POINT_READ).
    this.bulkReads.set(thread, (this.bulkReads.get(thread) ?? 0) + 1);
    return thread.call(path, args, onProgress).finally(() => this.bulkReads.set(thread, (this.bulkReads.get(thread) ?? 1) - 1));
  }

  private threadFor(path: string): HostThread {
    if (this.readers.length === 0) return this.writer;
    if (POINT_READ.test(path)) return this.writer.load === 0 ? this.writer : this.readers.find((reader) => (this.bulkReads.get(reader) ?? 0) === 0) ?? this.writer;
    if (!BULK_READ.test(path)) return this.writer;
    return this.readers.reduce((best, reader) => (reader.load < best.load ? reader : best));
  }

  /** Every thread answers (so /readyz fails when any cannot). */
  async ping(): Promise<void> {
    if (this.health.failure) throw this.health.failure;
    await Promise.all(this.threads.map((thread) => thread.call('ping', [])));
  }

  /**
   * Counts with the read model's one rule, which the worker imports itself (a function cannot
   * be posted); any other rule is refused rather than silently replaced.
   */
  async rebuildReadModel(countersOf: (report: Report) => ReadModelDelta[], options: { onlyIfFlagged?: boolean; onProgress?: (reports: number) => void } = {}): Promise<{ rebuilt: boolean; reports: number }> {
    if (countersOf !== countersOfReport) throw new Error('the SQLite worker rebuilds the read model with countersOfReport only');
    const result = await this.call('rebuildReadModel', [null, { onlyIfFlagged: options.onlyIfFlagged === true }], options.onProgress);
    if (!isRebuildResult(result)) throw new Error('the SQLite worker answered rebuildReadModel with something else');
    return result;
  }

  /** Commits queued in the writer are written, then every thread ends; later calls are refused. */
  async close(): Promise<void> {
    await Promise.all([...this.threads.map((thread) => thread.close()), this.checkpointer.close()]);
  }
}
