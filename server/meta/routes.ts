import { Router } from 'express';
import { FERTILISER_TYPES, HET_TABLE, PUPUK_PROBLEMS } from '../../shared/reference/fertiliser.ts';
import { STATUSES } from '../../shared/reference/statuses.ts';
import { DAMAGE_TYPES } from '../../shared/validation/report-input.ts';
import type { Deps } from '../deps.ts';

/** Everything the form and the desk need to draw their choices, from the shared tables. */
export function metaRoutes(deps: Deps): Router {
  const router = Router();
  router.get('/api/meta', (_req, res) => {
    const { catalog, config } = deps;
    res.set('Cache-Control', 'public, max-age=300').json({
      region: catalog.region,
      agencies: catalog.agencies,
      categories: catalog.categories,
      statuses: STATUSES,
      fertiliser: { types: FERTILISER_TYPES, het: HET_TABLE, problems: PUPUK_PROBLEMS },
      jalan: { damageTypes: DAMAGE_TYPES },
      limits: { maxPhotos: config.maxPhotos, maxPhotoBytes: config.maxPhotoBytes },
      map: { tileUrl: config.mapTileUrl, attribution: config.mapTileAttribution },
    });
  });
  return router;
}
