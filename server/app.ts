import express from 'express';
import { createServer, type Server as HttpServer } from 'node:http';
import { Server as SocketServer } from 'socket.io';
import type { Deps } from './deps.ts';
import { errorHandler, notFound } from './http/error-handler.ts';
import { requestContext } from './http/request-context.ts';
import { healthRoutes } from './health/routes.ts';
import { mediaRoutes } from './media/routes.ts';
import { metaRoutes } from './meta/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { webRoutes } from './web/routes.ts';

export interface App {
  app: express.Express;
  http: HttpServer;
  io: SocketServer;
  deps: Deps;
}

/** Builds the whole application without listening, so tests run it on port 0. */
export function createApp(deps: Deps): App {
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
  app.use(reportRoutes(deps));
  app.use(mediaRoutes(deps));
  app.use(webRoutes(deps));
  app.use(notFound);
  app.use(errorHandler(deps.config));

  const http = createServer(app);
  const io = new SocketServer(http, { serveClient: false });
  return { app, http, io, deps };
}
