// Entry of the SQLite worker thread. A worker does not inherit the main thread's tsx loader
// (Node 20 runs `--import` hooks per thread only when asked), so it registers tsx itself, then
// loads the TypeScript host. Works the same under `tsx server/main.ts`, mocha's
// `--import=tsx`, the CLI and a forked bench server.
import { register } from 'tsx/esm/api';

register();
await import('./worker-host.ts');
