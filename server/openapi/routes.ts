// GET /api/openapi.json: the OpenAPI 3.1 document of the public JSON API (./document.ts).
import { Router } from 'express';
import type { Deps } from '../deps.ts';
import { openApiDocument } from './document.ts';

export function openApiRoutes(deps: Deps): Router {
  const router = Router();
  const document = openApiDocument(deps.config);
  router.get('/api/openapi.json', (_req, res) => {
    res.set({ 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' }).json(document);
  });
  return router;
}
