// What bench/run.ts and its server child (bench/server.ts) agree on.

/** A POST route with the app's middleware and body parser that answers 201 {ok:true}: the baseline. */
export const NOOP_PATH = '/bench/noop';

/** From the server child to the orchestrator, over the fork IPC channel. */
export type ServerMessage = { type: 'ready'; port: number };

/** From the orchestrator to the server child. */
export type ControlMessage = { type: 'stop' };
