// The WAL checkpointer of the SQLite store on worker threads, seen from the main thread: one
// small thread with a connection of its own that copies committed pages from the WAL into the
// database file (./checkpoint-thread.ts), so that no commit on the writer thread does it.
import { Worker } from 'node:worker_threads';
import type { CheckpointData, CheckpointReply } from './checkpoint-protocol.ts';

/** How often the thread looks for new commits; at most this much WAL is written between checkpoints. */
export const CHECKPOINT_INTERVAL_MS = 200;
/**
 * The writer's own automatic checkpoint (SQLite's default is 1,000 pages), kept for two jobs.
 * The WAL starts over from its beginning only when a write begins with every frame already
 * copied; under a steady stream of commits the checkpointer, copying beside them, never quite
 * catches up at that instant, so the WAL would only grow. At this size the writer checkpoints
 * itself, which then copies only what came since the checkpointer's last pass (a fraction of
 * a second of commits), and the WAL starts over: about 40 MB of WAL at most. It also bounds the
 * WAL should the checkpointer stop.
 */
export const CHECKPOINT_FALLBACK_PAGES = 10_000;

export class Checkpointer {
  private closing: Promise<void> | null = null;
  private exited = false;

  /** Starts the thread on a file the writer has opened and migrated; resolves once it is ready. */
  static async start(file: string, onCrash: (error: Error) => void, intervalMs = CHECKPOINT_INTERVAL_MS): Promise<Checkpointer> {
    const data: CheckpointData = { entry: 'checkpoint', file, intervalMs };
    const worker = new Worker(new URL('./worker-boot.cjs', import.meta.url), { workerData: data, execArgv: [] });
    await new Promise<void>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        worker.off('message', onMessage).off('error', reject).off('exit', onExit);
        outcome();
      };
      const onMessage = (reply: CheckpointReply) => {
        if (reply.type === 'ready') settle(resolve);
        if (reply.type === 'failed') settle(() => { void worker.terminate(); reject(new Error(`the SQLite checkpointer could not open the store: ${reply.message}`)); });
      };
      const onExit = (code: number) => settle(() => reject(new Error(`the SQLite checkpointer stopped while opening (exit code ${code})`)));
      worker.on('message', onMessage).once('error', reject).once('exit', onExit);
    });
    return new Checkpointer(worker, onCrash);
  }

  private constructor(private readonly worker: Worker, onCrash: (error: Error) => void) {
    let cause: Error | null = null;
    worker.on('error', (error) => { cause = error; });
    // A thread of the store that dies fails the store, as the writer's or a reader's would.
    worker.on('exit', (code) => {
      this.exited = true;
      if (!this.closing) onCrash(cause ?? new Error(`the SQLite checkpointer stopped (exit code ${code})`));
    });
    // Never what keeps a process alive (its timer runs on its own thread).
    worker.unref();
  }

  /** Closes its connection, then ends the thread. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      this.worker.once('exit', () => resolve());
      this.worker.on('message', (reply: CheckpointReply) => {
        if (reply.type === 'closed') void this.worker.terminate();
      });
      this.worker.postMessage('close');
    });
    return this.closing;
  }
}
