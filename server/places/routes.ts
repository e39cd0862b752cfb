// Places over HTTP for the citizen's form: which kecamatan and desa a GPS point lies in, so
// "Gunakan lokasi saya" fills both instead of guessing the nearest kecamatan centre.
import { Router } from 'express';
import { PlacePointQuerySchema } from '../../shared/validation/places-input.ts';
import type { Deps } from '../deps.ts';
import { citizenLimits } from '../http/citizen-limits.ts';
import { parseInput } from '../http/parse.ts';
import { placeOfPoint } from './places.ts';

export function placeRoutes(deps: Deps): Router {
  const router = Router();
  const { lookup } = citizenLimits(deps);

  // `place` is null outside every known area (outside the regency, or no boundaries known).
  router.get('/api/places/at', lookup, (req, res) => {
    const { lat, lng } = parseInput(PlacePointQuerySchema, req.query);
    res.set('Cache-Control', 'no-store').json({ place: placeOfPoint(deps.catalog.places, lat, lng) });
  });

  return router;
}
