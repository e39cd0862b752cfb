import { Router, type Request } from 'express';
import type * as v from 'valibot';
import { AgencyChangeSchema, AgencyCreateSchema, DeadlinesInputSchema, HolidaysInputSchema, RoutingInputSchema } from '../../shared/validation/admin-input.ts';
import { webActor } from '../audit/entry.ts';
import { sameOriginOnly } from '../auth/csrf.ts';
import { requireRole, requireUser, userOf } from '../auth/middleware.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { parseInput } from '../http/parse.ts';
import { SETTING_KEYS, type Catalog } from '../reference/catalog.ts';
import { addAgency, agenciesOf, changeAgency } from './agencies.ts';
import { checkDeadlines, deadlinesOf } from './deadlines.ts';
import { holidaysOf, normaliseHolidays, yearsWithoutHolidays } from './holidays.ts';
import { checkRouting, routingOf } from './routing.ts';
import { etagOf, saveSetting } from './save.ts';

/** The page always sends If-Match with the ETag it was shown: a save never overwrites unseen changes. */
function ifMatch(req: Request): string {
  const value = req.get('if-match')?.trim();
  if (!value) throw new AppError('if_match_required', { status: 428 });
  return value;
}

/** Agencies, routing, deadlines and holidays: the admin's settings (tables with an ETag). */
export function settingsRoutes(deps: Deps): Router {
  const router = Router();
  const admin = [sameOriginOnly(deps.config.publicUrl), requireUser(deps), requireRole('admin')];
  router.use(['/api/admin/routing', '/api/admin/deadlines', '/api/admin/holidays', '/api/admin/agencies'], ...admin, (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  /** GET answers the table with its ETag; PUT checks the body, saves over the ETag seen and answers the new table. */
  const table = <T, S extends v.GenericSchema>(path: string, key: string, schema: S, current: (c: Catalog) => T, check: (c: Catalog, input: v.InferOutput<S>) => T) => {
    router.get(path, (_req, res) => {
      const value = current(deps.catalog);
      res.set('ETag', etagOf(value)).json(value);
    });
    router.put(path, async (req, res) => {
      const input = parseInput(schema, req.body);
      const saved = await saveSetting(deps, webActor(userOf(req)), {
        key, action: `${key}.update`, ifMatch: ifMatch(req), current, next: (catalog) => check(catalog, input),
      });
      res.set('ETag', etagOf(saved)).json(saved);
    });
  };
  table('/api/admin/routing', SETTING_KEYS.routing, RoutingInputSchema, routingOf, checkRouting);
  table('/api/admin/deadlines', SETTING_KEYS.deadlines, DeadlinesInputSchema, deadlinesOf, checkDeadlines);

  const holidaysBody = (holidays: ReturnType<typeof holidaysOf>) => ({ holidays, yearsWithout: yearsWithoutHolidays(holidays, deps.clock()) });

  router.get('/api/admin/holidays', (_req, res) => {
    const holidays = holidaysOf(deps.catalog);
    res.set('ETag', etagOf(holidays)).json(holidaysBody(holidays));
  });

  router.put('/api/admin/holidays', async (req, res) => {
    const holidays = normaliseHolidays(parseInput(HolidaysInputSchema, req.body));
    // If-Match is optional here only for the raw JSON API that predates the page.
    const saved = await saveSetting(deps, webActor(userOf(req)), {
      key: SETTING_KEYS.holidays, action: 'holidays.update', ifMatch: req.get('if-match')?.trim() || undefined,
      current: holidaysOf, next: () => holidays,
    });
    res.set('ETag', etagOf(saved)).json(holidaysBody(saved));
  });

  router.get('/api/admin/agencies', (_req, res) => {
    res.json({ agencies: agenciesOf(deps.catalog) });
  });

  router.post('/api/admin/agencies', async (req, res) => {
    res.status(201).json({ agency: await addAgency(deps, webActor(userOf(req)), parseInput(AgencyCreateSchema, req.body)) });
  });

  router.patch('/api/admin/agencies/:id', async (req, res) => {
    res.json({ agency: await changeAgency(deps, webActor(userOf(req)), String(req.params.id), parseInput(AgencyChangeSchema, req.body)) });
  });

  return router;
}
