// The public pages (HTTP only): /laporan, /laporan.atom, /laporan/:publicId (+ dukung),
// /statistik, and /api/public/* for the map on /laporan. Services: ./service.ts, ./statistics.ts.
import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { message, type MessageCode } from '../../shared/messages.ts';
import { ngopiText } from '../../shared/ngopi-text.ts';
import { parsePublicFilters, publicFiltersToQuery, type PublicFilters } from '../../shared/validation/public-filters.ts';
import { sameOriginOnly } from '../auth/csrf.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { citizenLimits } from '../http/citizen-limits.ts';
import { toAppError } from '../http/error-handler.ts';
import { deviceIds } from '../reports/device.ts';
import { supportReport } from '../reports/support.ts';
import { DIST_DIR, loadClientAssets } from '../web/assets.ts';
import type { SafeHtml } from '../web/html.ts';
import { langOf } from '../web/lang.ts';
import { renderPage } from '../web/layout.ts';
import { publicPageText, type PublicTextKey } from '../../shared/public-text.ts';
import { errorBody } from '../web/track-page.ts';
import { renderAtom } from './atom.ts';
import { listBody, reportLink } from './list-page.ts';
import { reportBody, reportTitle } from './report-page.ts';
import { findPublicReport, getPublicReport, listPublicReports, publicFeed, publicMap } from './service.ts';
import { statisticsCache } from './statistics-cache.ts';
import { statsBody } from './stats-page.ts';
import { linkBase } from '../http/links.ts';

/** Public answers may sit in shared caches briefly; a hidden photo or a redaction shows within this. */
const PUBLIC_MAX_AGE_S = 60;

/** A public id as it may appear in a path; anything else is the same 404 as an unknown id. */
const PUBLIC_ID = /^[A-Za-z0-9-]{4,40}$/;

function filtersOf(req: Request): PublicFilters {
  const parsed = parsePublicFilters(req.query);
  if (!parsed.ok) throw new AppError('validation_failed', { status: 422, fields: parsed.fields });
  return parsed.value;
}

function publicIdParam(req: Request): string {
  const id = String(req.params.publicId);
  if (!PUBLIC_ID.test(id)) throw new AppError('public_report_not_found', { status: 404 });
  return id;
}

export function publicRoutes(deps: Deps, options: { distDir?: string } = {}): Router {
  const router = Router();
  const assets = loadClientAssets(options.distDir ?? DIST_DIR);
  const { submit: submitLimit } = citizenLimits(deps);
  const devices = deviceIds(deps);
  const statistics = statisticsCache(deps);

  // The language comes from the citizen's switch (a cookie): a shared cache keeps one copy per cookie.
  const send = (req: Request, res: Response, o: { title: string; page: string; body: SafeHtml; status?: number; cache?: boolean }) => {
    res.status(o.status ?? 200).set('Cache-Control', o.cache ? `public, max-age=${PUBLIC_MAX_AGE_S}` : 'no-cache').vary('Cookie');
    res.type('html').send(renderPage({ lang: langOf(req), path: req.originalUrl, assets, ...o }));
  };
  const t = (req: Request, key: PublicTextKey) => publicPageText(langOf(req), key);

  router.get('/laporan', async (req, res) => {
    const parsed = parsePublicFilters(req.query);
    const common = { lang: langOf(req), region: deps.catalog.region, categories: deps.catalog.categories };
    if (!parsed.ok) {
      // The form comes back with what was chosen and a message beside each bad field.
      const errors = Object.fromEntries(Object.entries(parsed.fields).map(([k, c]) => [k, message(c, {}, langOf(req))]));
      return send(req, res, { title: t(req, 'listTitle'), page: 'laporan', status: 422, body: listBody({ ...common, filters: {}, page: { items: [], nextCursor: null }, errors }) });
    }
    try {
      const page = await listPublicReports(deps, parsed.value);
      send(req, res, { title: t(req, 'listTitle'), page: 'laporan', cache: true, body: listBody({ ...common, filters: parsed.value, page, errors: {} }) });
    } catch (err) {
      const appError = toAppError(err, deps.config);
      if (!appError || appError.status !== 422) throw err;
      const errors = Object.fromEntries(Object.entries(appError.fields ?? {}).map(([k, c]) => [k, message(c as MessageCode, {}, langOf(req))]));
      send(req, res, { title: t(req, 'listTitle'), page: 'laporan', status: 422, body: listBody({ ...common, filters: parsed.value, page: { items: [], nextCursor: null }, errors }) });
    }
  });

  router.get('/laporan.atom', async (req, res) => {
    const filters = filtersOf(req);
    const query = publicFiltersToQuery(filters);
    const items = await publicFeed(deps, filters);
    // From PUBLIC_URL (server/http/links.ts), never from the Host header: a feed is cached and shared.
    const origin = linkBase(deps.config);
    const place = filters.desa ? `Desa ${deps.catalog.desaName(filters.desa)}` : filters.kecamatan ? `Kec. ${deps.catalog.kecamatanName(filters.kecamatan)}` : deps.catalog.region.name;
    const category = filters.category ? deps.catalog.categories.find((c) => c.id === filters.category)?.label : undefined;
    res.status(200).set({ 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': `public, max-age=${PUBLIC_MAX_AGE_S}` }).send(renderAtom({
      base: origin,
      pageUrl: `${origin}/laporan${query ? `?${query}` : ''}`,
      selfUrl: `${origin}/laporan.atom${query ? `?${query}` : ''}`,
      title: `Laporan warga · ${[category, place].filter(Boolean).join(' · ')}`,
      items,
      updated: items.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), '1970-01-01T00:00:00.000Z'),
    }));
  });

  router.get('/laporan/:publicId', async (req, res) => {
    const report = await getPublicReport(deps, publicIdParam(req));
    const lang = langOf(req);
    const notice = req.query.dukung === '1' ? ngopiText(lang, 'supported') : req.query.dukung === '0' ? ngopiText(lang, 'alreadySupported') : undefined;
    const categories = deps.catalog.categories;
    send(req, res, { title: reportTitle(lang, categories, report), page: 'laporan-detail', body: reportBody(lang, categories, report, notice), cache: !notice });
  });

  // "Dukung" as a plain form: once per device (signed cookie), within the citizen budget.
  router.post('/laporan/:publicId/dukung', sameOriginOnly(deps.config.publicUrl), submitLimit, async (req, res) => {
    const report = await findPublicReport(deps, publicIdParam(req));
    const { counted } = await supportReport(deps, report.publicId, await devices.of(req, res));
    res.redirect(303, `${reportLink(publicIdParam(req))}?dukung=${counted ? 1 : 0}`);
  });

  router.get('/statistik', async (req, res) => {
    send(req, res, { title: t(req, 'statsPageTitle'), page: 'statistik', cache: true, body: statsBody(langOf(req), await statistics.get()) });
  });

  router.get('/api/public/reports', async (req, res) => {
    res.set('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_S}`).json(await listPublicReports(deps, filtersOf(req)));
  });

  router.get('/api/public/map', async (req, res) => {
    res.set('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_S}`).json(await publicMap(deps, filtersOf(req)));
  });

  router.get('/api/public/statistics', async (_req, res) => {
    res.set('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_S}`).json(await statistics.get());
  });

  // Errors on the pages are pages (in Indonesian, saying what to do); the API keeps JSON.
  const pageErrors: ErrorRequestHandler = (err, req, res, next) => {
    const appError = toAppError(err, deps.config);
    if (!appError || res.headersSent || req.path.startsWith('/api/') || req.path.endsWith('.atom')) return next(err);
    res.set(appError.headers);
    send(req, res, { title: t(req, 'errorTitle'), page: 'error', status: appError.status, body: errorBody(langOf(req), message(appError.code, appError.params, langOf(req))) });
  };
  router.use(pageErrors);
  return router;
}
