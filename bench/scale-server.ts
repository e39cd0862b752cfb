// The server of `npm run bench -- scale`, forked with an IPC channel: the app as production
// builds it, the no-op route of the intake ratio, and its own event-loop delay, which only the
// process itself can measure (perf_hooks.monitorEventLoopDelay), reset and read over IPC.
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../server/app.ts';
import { buildDeps } from '../server/bootstrap.ts';
import { loadConfig } from '../server/config.ts';
import { NOOP_PATH } from './server-protocol.ts';

export type ScaleControl = { type: 'loop-reset' } | { type: 'loop-read' } | { type: 'stop' };
export type ScaleReply = { type: 'ready'; port: number; startMs: number } | { type: 'loop'; p50Ms: number; p99Ms: number; maxMs: number };

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig(process.env);
  const deps = await buildDeps(config);
  const { http } = createApp(deps, {
    extraRoutes: (app) => app.post(NOOP_PATH, (_req, res) => { res.status(201).json({ ok: true }); }),
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const send = (message: ScaleReply) => process.send?.(message);
  send({ type: 'ready', port: (http.address() as AddressInfo).port, startMs: performance.now() - started });

  process.on('message', async (message: ScaleControl) => {
    if (message.type === 'loop-reset') loop.reset();
    if (message.type === 'loop-read') send({ type: 'loop', p50Ms: loop.percentile(50) / 1e6, p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 });
    if (message.type !== 'stop') return;
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await deps.store.close();
    process.disconnect();
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
