// The WAL checkpointer thread of the SQLite store on worker threads (see ./checkpointer.ts).
// SQLite's automatic checkpoint runs inside the COMMIT of whichever write crosses the
// threshold: that commit (a citizen's report, its desk push) and every call queued behind it
// on the writer thread waited for a thousand pages to be copied into the database file and
// for that file's fsync (118 ms seen at 100,000 reports on a busy machine, and longer at 1M).
// Here a connection of its own copies them, beside the writer: in WAL mode a PASSIVE checkpoint
// takes no lock a writer or reader waits for.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { isCheckpointData, type CheckpointReply } from './checkpoint-protocol.ts';

function main(): void {
  const channel = parentPort;
  if (!channel || !isCheckpointData(workerData)) throw new Error('checkpoint-thread runs as a worker thread started by Checkpointer');
  const post = (reply: CheckpointReply) => channel.postMessage(reply);
  let db: Database.Database;
  try {
    // The writer has opened (and migrated) the file already; this connection only checkpoints.
    db = new Database(workerData.file, { fileMustExist: true });
    // Never wait for a lock: a busy checkpoint is simply tried again at the next tick.
    db.pragma('busy_timeout = 0');
    // Like the writer's (synchronous=FULL): the database file is synced after a checkpoint.
    db.pragma('synchronous = FULL');
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  // Changes whenever another connection committed (the writer, or another process).
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  let seen = dataVersion.get();
  const timer = setInterval(() => {
    try {
      const now = dataVersion.get();
      if (now === seen) return;
      seen = now;
      checkpoint.get();
    } catch {
      // SQLITE_BUSY (another process checkpointing, the WAL being restarted): the next tick
      // tries again. Should this thread never manage, the writer's own fallback threshold
      // (CHECKPOINT_FALLBACK_PAGES) still bounds the WAL.
    }
  }, workerData.intervalMs);
  channel.on('message', (message: unknown) => {
    if (message !== 'close') return;
    clearInterval(timer);
    db.close();
    post({ type: 'closed' });
  });
  post({ type: 'ready' });
}

main();
