import compression from 'compression';
import express from 'express';
import { createServer, type Server as HttpServer } from 'node:http';
import { Server as SocketServer } from 'socket.io';
import { DESK_TRANSPORTS } from '../shared/realtime.ts';
import { accountRoutes } from './accounts/routes.ts';
import { setUpChannels, type Channels } from './channels/setup.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import type { Deps } from './deps.ts';
import { deskPageRoutes } from './desk/page.ts';
import { deskRoutes } from './desk/routes.ts';
import { startOverdueSweeper } from './desk/sla.ts';
import { errorHandler, notFound } from './http/error-handler.ts';
import { freshSettings } from './http/fresh-settings.ts';
import { requestContext } from './http/request-context.ts';
import { securityHeaders } from './http/security-headers.ts';
import { attachDeskSocket } from './realtime/desk-socket.ts';
import { healthRoutes } from './health/routes.ts';
import { mapRoutes } from './map/routes.ts';
import { mediaRoutes } from './media/routes.ts';
import { metaRoutes } from './meta/routes.ts';
import { ngopiRoutes } from './ngopi/routes.ts';
import { openDataRoutes } from './opendata/routes.ts';
import { openApiRoutes } from './openapi/routes.ts';
import { open311Routes } from './open311/routes.ts';
import { attachPublicSocket } from './realtime/public-socket.ts';
import { placeRoutes } from './places/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { listenForSettingsChanges } from './settings/nudge.ts';
import { settingsRoutes } from './settings/routes.ts';
import { statsRoutes } from './stats/routes.ts';
import { publicRoutes } from './public/routes.ts';
import { webRoutes } from './web/routes.ts';

export interface App {
  app: express.Express;
  http: HttpServer;
  io: SocketServer;
  deps: Deps;
  /** WhatsApp and SMS: the inbox worker (tests wait on it) and the Graph client. */
  channels: Channels;
}

export interface AppOptions {
  /**
   * A seam for benchmarks and tests only: mounts extra routes after the application's own
   * (so they go through the same middleware: request context, headers, body parsers) and
   * before the 404 handler. Production never passes it.
   */
  extraRoutes?: (app: express.Express) => void;
}

/** Machine-read answers, gzipped faster than the pages (see createApp). */
function isDataPath(path: string): boolean {
  return path.startsWith('/api/') || path.startsWith('/open311/') || path.startsWith('/data/');
}

/** Builds the whole application without listening, so tests run it on port 0. */
export function createApp(deps: Deps, options: AppOptions = {}): App {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  app.use(requestContext(deps.logger));
  app.use(securityHeaders(deps.config));
  // Farmers pay for every byte: pages, JSON and the built assets are gzipped on the way out, in
  // zlib's thread pool (not on the event loop, as gzipSync was). Build-time compression would
  // cover the assets only; the pages are rendered per request and need this anyway. Pages and
  // assets at level 9 with a 512-byte threshold: a citizen's first load is ~1 KB lighter for
  // little CPU (a few KB each, assets fetched once per phone and cached a year). Data (the
  // JSON APIs, Open311, the open-data exports) at level 4: the desk map's 1,000 pins (350 KB)
  // gzip in about 3.4 ms instead of 9.3 at zlib's default 6 for 13 % more bytes (65 KB, not 58),
  // and the 6 ms saved are a third of the pins read's 20 ms goal on two cores; a 244 MB export is not
  // squeezed at the price of level 9 either.
  app.use(compression({ level: 9, threshold: 512, filter: (req, res) => !isDataPath(req.path) && compression.filter(req, res) }));
  app.use(compression({ level: 4, threshold: 512, filter: (req, res) => isDataPath(req.path) && compression.filter(req, res) }));
  app.use(healthRoutes(deps));
  app.use(freshSettings(deps));
  // Before the body parsers: the WhatsApp signature is checked over the raw body.
  const channels = setUpChannels(deps);
  app.use(channels.router);
  // Before the app's body parsers too: Open311 reads form posts only, and answers even a body it
  // cannot parse in the spec's error form.
  app.use(open311Routes(deps));
  app.use(express.json({ limit: deps.config.maxBodyBytes }));
  app.use(express.urlencoded({ extended: false, limit: deps.config.maxBodyBytes }));
  app.use(metaRoutes(deps));
  app.use(openApiRoutes(deps));
  app.use(authRoutes(deps));
  app.use(deskRoutes(deps, () => channels.notifier?.wake()));
  app.use(settingsRoutes(deps));
  app.use(auditRoutes(deps));
  app.use(accountRoutes(deps));
  app.use(mapRoutes(deps));
  app.use(statsRoutes(deps));
  app.use(reportRoutes(deps));
  app.use(placeRoutes(deps));
  app.use(mediaRoutes(deps));
  app.use(deskPageRoutes(deps));
  app.use(ngopiRoutes(deps));
  app.use(publicRoutes(deps));
  app.use(openDataRoutes(deps));
  app.use(webRoutes(deps));
  options.extraRoutes?.(app);
  app.use(notFound);
  app.use(errorHandler(deps.config));

  const http = createServer(app);
  const io = new SocketServer(http, {
    serveClient: false,
    // With Redis there may be several processes behind one address: an event emitted in one
    // reaches sockets in all (Redis pub/sub), and clients must use WebSocket only, because
    // long-polling's separate requests could land on a process that does not know the session.
    ...(deps.redis ? { adapter: deps.redis.ioAdapter, transports: [...DESK_TRANSPORTS] } : {}),
  });
  attachDeskSocket(io, deps);
  attachPublicSocket(io, deps);
  const stopSweeper = startOverdueSweeper(deps, deps.config.overdueSweepMs);
  const stopSettingsListener = listenForSettingsChanges(deps);
  http.on('close', stopSettingsListener);
  http.on('close', stopSweeper);
  channels.worker.start();
  http.on('close', () => channels.worker.stop());
  channels.notifier?.start();
  http.on('close', () => channels.notifier?.stop());
  return { app, http, io, deps, channels };
}
