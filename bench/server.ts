// The server under load, run as a child of bench/run.ts (forked with `--import tsx` and an IPC
// channel). Configuration comes from the environment exactly as in production; the only
// addition is the no-op route that gives the intake numbers their baseline.
import { startBenchApp } from './bench-app.ts';
import type { ControlMessage, ServerMessage } from './server-protocol.ts';

async function main(): Promise<void> {
  const app = await startBenchApp();
  const send = (message: ServerMessage) => process.send?.(message);
  send({ type: 'ready', port: app.port });
  process.on('message', async (message: ControlMessage) => {
    if (message.type !== 'stop') return;
    await app.stop();
    process.disconnect();
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
