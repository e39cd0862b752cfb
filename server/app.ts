import express from 'express';
import { createServer, type Server as HttpServer } from 'node:http';
import { Server as SocketServer } from 'socket.io';
import { adminRoutes } from './admin/routes.ts';
import { authRoutes } from './auth/routes.ts';
import type { Deps } from './deps.ts';
import { deskRoutes } from './desk/routes.ts';
import { startOverdueSweeper } from './desk/sla.ts';
import { errorHandler, notFound } from './http/error-handler.ts';
import { requestContext } from './http/request-context.ts';
import { attachDeskSocket } from './realtime/desk-socket.ts';
import { healthRoutes } from './health/routes.ts';
import { mediaRoutes } from './media/routes.ts';
import { metaRoutes } from './meta/routes.ts';
import { ngopiRoutes } from './ngopi/routes.ts';
import { attachPublicSocket } from './realtime/public-socket.ts';
import { reportRoutes } from './reports/routes.ts';
import { webRoutes } from './web/routes.ts';

export interface App {
  app: express.Express;
  http: HttpServer;
  io: SocketServer;
  deps: Deps;
}

export interface AppOptions {
  /**
   * A seam for benchmarks and tests only: mounts extra routes after the application's own
   * (so they go through the same middleware: request context, headers, body parsers) and
   * before the 404 handler. Production never passes it.
   */
  extraRoutes?: (app: express.Express) => void;
}

/** Builds the whole application without listening, so tests run it on port 0. */
export function createApp(deps: Deps, options: AppOptions = {}): App {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  app.use(requestContext(deps.logger));
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'DENY' });
    next();
  });
  app.use(healthRoutes(deps));
  app.use(express.json({ limit: deps.config.maxBodyBytes }));
  app.use(express.urlencoded({ extended: false, limit: deps.config.maxBodyBytes }));
  app.use(metaRoutes(deps));
  app.use(authRoutes(deps));
  app.use(deskRoutes(deps));
  app.use(adminRoutes(deps));
  app.use(reportRoutes(deps));
  app.use(mediaRoutes(deps));
  app.use(ngopiRoutes(deps));
  app.use(webRoutes(deps));
  options.extraRoutes?.(app);
  app.use(notFound);
  app.use(errorHandler(deps.config));

  const http = createServer(app);
  const io = new SocketServer(http, { serveClient: false });
  attachDeskSocket(io, deps);
  attachPublicSocket(io, deps);
  const stopSweeper = startOverdueSweeper(deps, deps.config.overdueSweepMs);
  http.on('close', stopSweeper);
  return { app, http, io, deps };
}
