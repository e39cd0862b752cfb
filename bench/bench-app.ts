// The app as production builds it, plus the no-op route that gives intake numbers their
// baseline; shared by the benchmark server children (bench/server.ts, bench/scale-server.ts).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app.ts';
import { buildDeps } from '../server/bootstrap.ts';
import { loadConfig } from '../server/config.ts';
import type { Deps } from '../server/deps.ts';
import { NOOP_PATH } from './server-protocol.ts';

export interface BenchApp { deps: Deps; http: Server; port: number; stop: () => Promise<void> }

export async function startBenchApp(): Promise<BenchApp> {
  const deps = await buildDeps(loadConfig(process.env));
  const { http } = createApp(deps, {
    // Same middleware, same body parser, same status as an accepted report; no validation, no store.
    extraRoutes: (app) => app.post(NOOP_PATH, (_req, res) => { res.status(201).json({ ok: true }); }),
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    deps, http, port: (http.address() as AddressInfo).port,
    stop: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      // Commits still queued (requests whose client already left) are flushed by close().
      await deps.store.close();
    },
  };
}
