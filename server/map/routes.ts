import { Router, type Request } from 'express';
import { MAP_PIN_LIMIT, parseMapFilters, type MapFilters } from '../../shared/map.ts';
import { sameOriginOnly } from '../auth/csrf.ts';
import { requireUser, userOf } from '../auth/middleware.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { DIST_DIR, loadClientAssets } from '../web/assets.ts';
import type { Bounds } from '../../shared/geo.ts';
import { toFeatureCollection } from '../places/boundaries.ts';
import { renderMapPage } from './page.ts';
import { kecamatanGroups, mapPins, mapPoints } from './service.ts';

const DEFAULT_PIN_LIMIT = 1000;
const MAX_PIN_LIMIT = 5000;
const MAP_ENTRY = 'map/main.ts';

function one(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The map filters of a request; a bad one is a 422 naming it. */
export function readMapFilters(deps: Deps, req: Request): MapFilters {
  const { filters, errors } = parseMapFilters((name) => one(req.query[name]), deps.catalog.agencies.map((a) => a.id));
  if (Object.keys(errors).length) throw new AppError('validation_failed', { status: 422, fields: errors });
  return filters;
}

/** ?bbox=minLng,minLat,maxLng,maxLat */
function readBbox(raw: string | undefined): Bounds | undefined {
  if (!raw) return undefined;
  const n = raw.split(',').map(Number);
  const valid = n.length === 4 && n.every(Number.isFinite) && n[0] <= n[2] && n[1] <= n[3]
    && Math.abs(n[0]) <= 180 && Math.abs(n[2]) <= 180 && Math.abs(n[1]) <= 90 && Math.abs(n[3]) <= 90;
  if (!valid) throw new AppError('validation_failed', { status: 422, fields: { bbox: 'invalid_coordinates' } });
  return { minLng: n[0], minLat: n[1], maxLng: n[2], maxLat: n[3] };
}

function readLimit(raw: string | undefined, fallback = DEFAULT_PIN_LIMIT): number {
  const limit = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PIN_LIMIT) throw new AppError('validation_failed', { status: 422, fields: { limit: 'invalid_number' } });
  return limit;
}

export function mapRoutes(deps: Deps, options: { distDir?: string } = {}): Router {
  const router = Router();
  const assets = loadClientAssets(options.distDir ?? DIST_DIR, MAP_ENTRY);

  // The page itself is public (an empty shell with a login form); every number comes from the API.
  router.get('/peta', (req, res) => {
    const { filters } = parseMapFilters((name) => one(req.query[name]), deps.catalog.agencies.map((a) => a.id));
    res.set('Cache-Control', 'no-cache').type('html').send(renderMapPage({
      assets, filters, agencies: deps.catalog.agencies, categories: deps.catalog.categories, regionName: deps.catalog.region.name,
    }));
  });

  router.use('/api/map', sameOriginOnly(deps.config.publicUrl), requireUser(deps), (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/api/map/kecamatan', async (req, res) => {
    res.json(await kecamatanGroups(deps, userOf(req), readMapFilters(deps, req)));
  });

  router.get('/api/map/reports', async (req, res) => {
    const kecamatan = one(req.query.kecamatan);
    if (kecamatan && !deps.catalog.region.kecamatan.some((k) => k.code === kecamatan)) {
      throw new AppError('validation_failed', { status: 422, fields: { kecamatan: 'invalid_kecamatan' } });
    }
    res.type('application/geo+json').json(await mapPins(deps, userOf(req), readMapFilters(deps, req), {
      bbox: readBbox(one(req.query.bbox)), kecamatan, limit: readLimit(one(req.query.limit)),
    }));
  });

  // The clustered map's pins: a box is required (a pin is where a citizen stood), the answer lean
  // columns (see MapPointAnswer).
  router.get('/api/map/pins', async (req, res) => {
    const bbox = readBbox(one(req.query.bbox));
    if (!bbox) throw new AppError('validation_failed', { status: 422, fields: { bbox: 'required' } });
    res.json(await mapPoints(deps, userOf(req), readMapFilters(deps, req), {
      bbox, limit: readLimit(one(req.query.limit), MAP_PIN_LIMIT),
    }));
  });

  // ?level=kecamatan leaves the (much larger) desa layer out; null means "none known" (neither
  // imported nor shipped for this region).
  router.get('/api/map/boundaries', (req, res) => {
    const level = one(req.query.level);
    if (level && level !== 'kecamatan' && level !== 'desa') throw new AppError('validation_failed', { status: 422, fields: { level: 'invalid_choice' } });
    const { kecamatan, desa } = deps.catalog.places.boundaries;
    res.json({
      ...(level !== 'desa' ? { kecamatan: toFeatureCollection(kecamatan) } : {}),
      ...(level !== 'kecamatan' ? { desa: toFeatureCollection(desa) } : {}),
    });
  });

  return router;
}
