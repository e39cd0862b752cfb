// What bench/run.ts and its server children (bench/server.ts, bench/scale-server.ts) agree on.
import { fileURLToPath } from 'node:url';

/** How a server child is started: as `npm start` starts the server, with its entry as argument. */
export const BOOT = fileURLToPath(new URL('../server/boot.cjs', import.meta.url));

/** `npm start`'s V8 flags (package.json, README), so memory is measured as served. */
export const SERVER_V8_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=25'];

/** A POST route with the app's middleware and body parser that answers 201 {ok:true}: the baseline. */
export const NOOP_PATH = '/bench/noop';

/** From the server child to the orchestrator, over the fork IPC channel. */
export type ServerMessage = { type: 'ready'; port: number };

/** From the orchestrator to the server child. */
export type ControlMessage = { type: 'stop' };
