// The server of `npm run bench -- scale`, forked with an IPC channel: the bench app (production
// app + no-op route) and its own event-loop delay, which only the process itself can measure
// (perf_hooks.monitorEventLoopDelay), reset and read over IPC.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { announceOverdue } from '../server/desk/sla.ts';
import { startBenchApp } from './bench-app.ts';

/** `sweep`: one overdue sweep with the clock `aheadMs` ahead (the same deps each time, so a later one reads only what became overdue since). */
export type ScaleControl = { type: 'loop-reset' } | { type: 'loop-read' } | { type: 'sweep'; aheadMs: number } | { type: 'stop' };
export type ScaleReply = { type: 'ready'; port: number; startMs: number } | { type: 'loop'; p50Ms: number; p99Ms: number; maxMs: number }
  | { type: 'swept'; announced: number; ms: number; p99Ms: number; maxMs: number };

async function main(): Promise<void> {
  const started = performance.now();
  const app = await startBenchApp();
  // The histogram records the time between its timer's ticks, the resolution included: at 10 ms
  // an idle loop read p50 10.1 ms, p99 14.6. At 1 ms (the finest) an idle loop reads p50 1.1:
  // the figure is then the delay plus at most 1 ms.
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const send = (message: ScaleReply) => process.send?.(message);
  let ahead = 0;
  const sweepDeps = { ...app.deps, clock: () => new Date(app.deps.clock().getTime() + ahead) };
  send({ type: 'ready', port: app.port, startMs: performance.now() - started });
  process.on('message', async (message: ScaleControl) => {
    if (message.type === 'loop-reset') loop.reset();
    if (message.type === 'loop-read') send({ type: 'loop', p50Ms: loop.percentile(50) / 1e6, p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 });
    if (message.type === 'sweep') {
      ahead = message.aheadMs;
      loop.reset();
      const started = performance.now();
      const announced = await announceOverdue(sweepDeps);
      send({ type: 'swept', announced, ms: performance.now() - started, p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 });
    }
    if (message.type !== 'stop') return;
    await app.stop();
    process.disconnect();
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
