// The SQLite store hosted on a worker thread (SQLITE_WORKER=on, the default): the main thread
// keeps only this thin proxy, so no query or fsync of better-sqlite3 (synchronous by design)
// holds the event loop that serves HTTP and the desk sockets. Each call posts {id, path, args}
// to ./worker-host.ts and resolves from its reply.
//
// Forwarding is by name: the host lists the methods its SqliteStore answers when it is ready,
// and each becomes a method here, so a method added to the port and to SqliteStore needs no
// change in this file. The types come from the port (the interfaces merged below); the host
// runs the very class that the store contract holds to the port.
import { Worker } from 'node:worker_threads';
import type { Report } from '../../../shared/types.ts';
import { countersOfReport } from '../../readmodel/counters.ts';
import type { ReadModelDelta, Store } from '../port.ts';
import { rebuildError, SUB_PORTS, type HostData, type HostReply } from './worker-protocol.ts';

interface PendingCall { resolve: (value: unknown) => void; reject: (error: unknown) => void; onProgress?: (reports: number) => void }

type Call = (path: string, args: unknown[]) => Promise<unknown>;

export interface WorkerStoreOptions {
  /**
   * The worker thread died (an uncaught error, out of memory): every call in flight has been
   * rejected and every later one is. By default the error is rethrown on the main thread, so the
   * process ends as on any fatal error and is restarted (the cluster primary, systemd): a
   * server that cannot store must not keep answering. /readyz fails meanwhile.
   */
  onCrash?: (error: Error) => void;
}

/** Defines a forwarding method on `target` for each name it does not already have. */
function forward(target: object, prefix: string, names: readonly string[], call: Call): void {
  for (const name of names) {
    if (name in target) continue;
    Object.defineProperty(target, name, { value: (...args: unknown[]) => call(prefix + name, args), enumerable: false });
  }
}

function isRebuildResult(value: unknown): value is { rebuilt: boolean; reports: number } {
  return typeof value === 'object' && value !== null && 'rebuilt' in value && typeof value.rebuilt === 'boolean'
    && 'reports' in value && typeof value.reports === 'number';
}

function rethrow(error: Error): void {
  setImmediate(() => { throw error; });
}

// The port's methods and sub-ports are defined at construction from the host's list (see
// forward); the merged interface gives them their types.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface WorkerStore extends Store {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class WorkerStore {
  readonly kind = 'sqlite' as const;
  private readonly pending = new Map<number, PendingCall>();
  private nextId = 1;
  private failure: Error | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;
  private crashCause: Error | null = null;

  /** Starts the worker, which opens (and migrates) the store; resolves once it answers, rejects as opening would. */
  static async open(file: string, options: WorkerStoreOptions = {}): Promise<WorkerStore> {
    const data: HostData = { file };
    // execArgv: []: the boot file registers tsx itself (see worker-boot.mjs); the main thread's
    // flags (tsx's preflight, --import) are not the worker's business.
    const thread = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: data, execArgv: [] });
    const methods = await new Promise<Record<string, string[]>>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        thread.off('message', onMessage).off('error', reject).off('exit', onExit);
        outcome();
      };
      const onMessage = (reply: HostReply) => {
        if (reply.type === 'ready') settle(() => resolve(reply.methods));
        if (reply.type === 'failed') settle(() => { void thread.terminate(); reject(rebuildError(reply.error)); });
      };
      const onExit = (code: number) => settle(() => reject(new Error(`the SQLite worker stopped while opening (exit code ${code})`)));
      thread.on('message', onMessage).once('error', reject).once('exit', onExit);
    });
    return new WorkerStore(thread, methods, options.onCrash ?? rethrow);
  }

  private constructor(readonly thread: Worker, methods: Record<string, string[]>, private readonly onCrash: (error: Error) => void) {
    const call: Call = (path, args) => this.call(path, args);
    forward(this, '', methods[''] ?? [], call);
    for (const sub of SUB_PORTS) {
      const subPort: object = Object.create(null);
      forward(subPort, `${sub}.`, methods[sub] ?? [], call);
      Object.defineProperty(this, sub, { value: subPort, enumerable: true });
    }
    thread.on('message', (reply: HostReply) => this.receive(reply));
    thread.on('error', (error) => { this.crashCause = error; });
    thread.on('exit', (code) => {
      if (!this.closed) this.crash(this.crashCause ?? new Error(`the SQLite worker stopped (exit code ${code})`));
    });
    // Idle, the worker does not keep the process alive (a CLI that forgot close still ends);
    // a call in flight does (see call).
    thread.unref();
  }

  private call(path: string, args: unknown[], onProgress?: (reports: number) => void): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('the SQLite store is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // Throws (DataCloneError) when an argument cannot cross threads, e.g. a function.
      this.thread.postMessage({ id, path, args });
      this.pending.set(id, { resolve, reject, onProgress });
      if (this.pending.size === 1) this.thread.ref();
    });
  }

  private receive(reply: HostReply): void {
    if (reply.type !== 'result' && reply.type !== 'error' && reply.type !== 'progress') return;
    const call = this.pending.get(reply.id);
    if (!call) return;
    if (reply.type === 'progress') {
      call.onProgress?.(reply.reports);
      return;
    }
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.thread.unref();
    if (reply.type === 'result') call.resolve(reply.value);
    else call.reject(rebuildError(reply.error));
  }

  private crash(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
    this.onCrash(error);
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

  /** Commits queued in the worker are written (its store's close), then the thread ends; later calls are refused. */
  close(): Promise<void> {
    if (!this.closing) {
      const closed = this.failure ? Promise.resolve() : this.call('close', []);
      this.closed = true;
      this.closing = closed.finally(() => this.thread.terminate()).then(() => undefined);
    }
    return this.closing;
  }
}
