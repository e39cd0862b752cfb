import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../../server/app.ts';
import { buildDeps, closeDeps } from '../../server/bootstrap.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import type { Deriver } from '../../server/reports/derive.ts';
import { dropTestDatabase, uniqueTestDatabaseUri } from './mongo-database.ts';

export interface RunningApp extends App {
  baseUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * STORE=mongo runs the API suites on MongoDB: a fresh database per app beside MONGODB_URI's.
 * A test that passes its own dataDir restarts on the same data, so the database then follows
 * the folder (same folder, same database) and, like the folder, is left for the test to clear.
 */
function storeEnv(dataDir: string | undefined): Record<string, string> {
  if (process.env.STORE !== 'mongo') return {};
  if (!process.env.MONGODB_URI) throw new Error('STORE=mongo needs MONGODB_URI (see README.md, section MongoDB)');
  const seed = dataDir ? createHash('sha256').update(dataDir).digest('hex').slice(0, 10) : undefined;
  return { MONGODB_URI: uniqueTestDatabaseUri(process.env.MONGODB_URI, seed), MONGODB_TRANSACTIONS: process.env.MONGODB_TRANSACTIONS ?? 'on' };
}

/**
 * The real application on port 0 with a fresh store in a temporary folder (or, with
 * STORE=mongo, a fresh MongoDB database). `env` is read as the process environment would be;
 * `clock` lets a test move time forward.
 */
export async function startApp(env: Record<string, string> = {}, options: { clock?: () => Date; dataDir?: string; derivers?: readonly Deriver[] } = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'suara-warga-test-'));
  const mongo = storeEnv(options.dataDir);
  // Every request checks the settings: tests change them from other apps and the CLI and read at
  // once (test/backoffice/settings-recheck.test.ts holds the window).
  const config = loadConfig({ RATE_LIMIT_SUBMIT: '1000/1m', RATE_LIMIT_LOOKUP: '1000/1m', RATE_LIMIT_LOGIN: '1000/1m', SETTINGS_RECHECK_MS: '0', ...mongo, ...env, DATA_DIR: dataDir, PORT: '0' });
  const deps = await buildDeps(config, { logger: createLogger('silent'), clock: options.clock, derivers: options.derivers });
  const app = createApp(deps);
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const { port } = app.http.address() as AddressInfo;
  return {
    ...app,
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    async close() {
      app.io.close();
      app.http.closeAllConnections();
      await new Promise<void>((resolve) => app.http.close(() => resolve()));
      await app.channels.worker.idle;
      await app.channels.notifier?.idle;
      await closeDeps(deps);
      if (mongo.MONGODB_URI && !options.dataDir) await dropTestDatabase(mongo.MONGODB_URI);
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
