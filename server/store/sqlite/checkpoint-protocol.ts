// What the main thread's Checkpointer (./checkpointer.ts) and its thread (./checkpoint-thread.ts) exchange.

/** The data the checkpointer thread is started with. */
export interface CheckpointData {
  /** Tells ./worker-boot.cjs which module this thread runs. */
  entry: 'checkpoint';
  file: string;
  /** How often it looks for commits to copy into the database file. */
  intervalMs: number;
}

/** From the thread: it is ready (or could not open the file), or it closed its connection after a 'close'. */
export type CheckpointReply = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'closed' };

export function isCheckpointData(value: unknown): value is CheckpointData {
  return typeof value === 'object' && value !== null && 'entry' in value && value.entry === 'checkpoint'
    && 'file' in value && typeof value.file === 'string' && 'intervalMs' in value && typeof value.intervalMs === 'number';
}
