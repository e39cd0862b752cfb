// Entry of the SQLite worker threads. A worker does not inherit the main thread's tsx loader
// (Node 20 runs `--import` hooks per thread only when asked), so it registers tsx itself, then
// loads the TypeScript host. tsx's CommonJS hook, not its ESM one: in Node 20 ESM hooks run on
// a thread of their own, one more per worker, and every module load crosses to it; this starts
// the worker about a third faster. (So the host's modules must not use top-level await.)
// Works the same under `node server/boot.cjs` (which starts the server this way too), `node
// --import tsx`, mocha, the CLI and the bench.
require('tsx/cjs/api').register();
const { workerData } = require('node:worker_threads');
// The WAL checkpointer (./checkpointer.ts) or, for every other thread, the store's host.
require(workerData && workerData.entry === 'checkpoint' ? './checkpoint-thread.ts' : './worker-host.ts');
