// The server under load, run as a child of bench/run.ts (forked with `--import tsx` and an IPC
// channel). Configuration comes from the environment exactly as in production; the only
// addition is the no-op route that gives the intake numbers their baseline.
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app.ts';
import { buildDeps } from '../server/bootstrap.ts';
import { loadConfig } from '../server/config.ts';
import { NOOP_PATH, type ControlMessage, type ServerMessage } from './server-protocol.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const deps = await buildDeps(config);
  const { http } = createApp(deps, {
    // Same middleware, same body parser, same status as an accepted report; no validation, no store.
    extraRoutes: (app) => app.post(NOOP_PATH, (_req, res) => { res.status(201).json({ ok: true }); }),
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const send = (message: ServerMessage) => process.send?.(message);
  send({ type: 'ready', port: (http.address() as AddressInfo).port });

  process.on('message', async (message: ControlMessage) => {
    if (message.type !== 'stop') return;
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    // Commits still queued (requests whose client already left) are flushed by close().
    await deps.store.close();
    process.disconnect();
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
