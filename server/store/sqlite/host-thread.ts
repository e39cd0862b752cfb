// One worker thread running a SqliteStore (./worker-host.ts), seen from the main thread: calls
// posted as {id, path, args} and settled from the replies, and what happens when it dies.
import { Worker } from 'node:worker_threads';
import { packRows, unpackRows } from './row-columns.ts';
import { rebuildError, type HostData, type HostReply } from './worker-protocol.ts';

interface PendingCall { resolve: (value: unknown) => void; reject: (error: unknown) => void; onProgress?: (reports: number) => void }

export class HostThread {
  private readonly pending = new Map<number, PendingCall>();
  private nextId = 1;
  private failure: Error | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;
  private crashCause: Error | null = null;

  /**
   * Starts the thread, which opens (and, unless another thread did, migrates) the store;
   * resolves with the methods it answers, by sub-port ('' for the store), once it is ready, or
   * rejects as opening would.
   */
  static async start(file: string, onCrash: (error: Error) => void, nice = 0, autocheckpointPages?: number): Promise<{ thread: HostThread; methods: Record<string, string[]> }> {
    const data: HostData = { file, nice, ...(autocheckpointPages === undefined ? {} : { autocheckpointPages }) };
    // execArgv: []: the boot file registers tsx itself (see worker-boot.cjs); the main thread's
    // flags (tsx's preflight, --import) are not the worker's business.
    const worker = new Worker(new URL('./worker-boot.cjs', import.meta.url), { workerData: data, execArgv: [] });
    const methods = await new Promise<Record<string, string[]>>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        worker.off('message', onMessage).off('error', reject).off('exit', onExit);
        outcome();
      };
      const onMessage = (reply: HostReply) => {
        if (reply.type === 'ready') settle(() => resolve(reply.methods));
        if (reply.type === 'failed') settle(() => { void worker.terminate(); reject(rebuildError(reply.error)); });
      };
      const onExit = (code: number) => settle(() => reject(new Error(`the SQLite worker stopped while opening (exit code ${code})`)));
      worker.on('message', onMessage).once('error', reject).once('exit', onExit);
    });
    return { thread: new HostThread(worker, onCrash), methods };
  }

  private constructor(readonly worker: Worker, private readonly onCrash: (error: Error) => void) {
    worker.on('message', (reply: HostReply) => this.receive(reply));
    worker.on('error', (error) => { this.crashCause = error; });
    worker.on('exit', (code) => {
      if (!this.closed) this.crash(this.crashCause ?? new Error(`the SQLite worker stopped (exit code ${code})`));
    });
    // Idle, the thread does not keep the process alive (a CLI that forgot close still ends);
    // a call in flight does (see call).
    worker.unref();
  }

  /** Calls in flight on this thread (the store sends a read to the least busy reader). */
  get load(): number {
    return this.pending.size;
  }

  call(path: string, args: unknown[], onProgress?: (reports: number) => void): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('the SQLite store is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const { value, packed } = packRows(args);
      // Throws (DataCloneError) when an argument cannot cross threads, e.g. a function.
      this.worker.postMessage({ id, path, args: value, packed });
      this.pending.set(id, { resolve, reject, onProgress });
      if (this.pending.size === 1) this.worker.ref();
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
    if (this.pending.size === 0) this.worker.unref();
    if (reply.type === 'result') call.resolve(unpackRows(reply.value, reply.packed));
    else call.reject(rebuildError(reply.error));
  }

  private crash(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
    this.onCrash(error);
  }

  /** The store's close (queued group commits are written), then the thread ends; later calls are refused. */
  close(): Promise<void> {
    if (!this.closing) {
      const closed = this.failure ? Promise.resolve() : this.call('close', []);
      this.closed = true;
      this.closing = closed.finally(() => this.worker.terminate()).then(() => undefined);
    }
    return this.closing;
  }
}
