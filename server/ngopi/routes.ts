// Ngopi Bareng over HTTP: the JSON API (public list; session CRUD and aspiration entry for
// organisers) and the pages (public session, summary, CSV, facilitator entry).
import { randomUUID } from 'node:crypto';
import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { message, type MessageCode } from '../../shared/messages.ts';
import { ngopiText } from '../../shared/ngopi-text.ts';
import { parseAspirationEntry, parseSessionInput } from '../../shared/validation/ngopi-input.ts';
import { wibDate } from '../../shared/working-days.ts';
import { webText } from '../../shared/web-text.ts';
import { sameOriginOnly } from '../auth/csrf.ts';
import { requireUser, userOf } from '../auth/middleware.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { toAppError } from '../http/error-handler.ts';
import { citizenLimits } from '../http/citizen-limits.ts';
import { loadClientAssets } from '../web/assets.ts';
import { formBody } from '../web/form-page.ts';
import type { SafeHtml } from '../web/html.ts';
import { langOf } from '../web/lang.ts';
import { renderPage } from '../web/layout.ts';
import { errorBody } from '../web/track-page.ts';
import { entryBody, sessionPageBody, summaryBody } from './pages.ts';
import { toCsv, toPublicAspiration, toPublicSession } from './presenter.ts';
import { isOpen } from './routing.ts';
import { trackingUrl } from '../http/links.ts';
import {
  aspirationsOf, createSession, deleteSession, enterAspiration, entrySheet, findSession, listSessions, summarise, updateSession,
} from './service.ts';

function readSession(deps: Deps, body: unknown) {
  const parsed = parseSessionInput(body, deps.catalog.region);
  if (!parsed.ok) throw new AppError('validation_failed', { status: 422, fields: parsed.fields });
  return parsed.value;
}

function readEntry(body: unknown) {
  const parsed = parseAspirationEntry(body);
  if (!parsed.ok) throw new AppError('validation_failed', { status: 422, fields: parsed.fields });
  return parsed.value;
}

const idParam = (req: Request) => String(req.params.id);

export function ngopiRoutes(deps: Deps): Router {
  const router = Router();
  const { lookup: lookupLimit } = citizenLimits(deps);
  const organiser = [sameOriginOnly(deps.config.publicUrl), requireUser(deps)];
  const assets = loadClientAssets();

  const send = (req: Request, res: Response, o: { title: string; page: string; body: SafeHtml; status?: number }) => {
    res.status(o.status ?? 200).set('Cache-Control', 'no-cache');
    res.type('html').send(renderPage({ lang: langOf(req), path: req.originalUrl, assets, ...o }));
  };
  const placeName = (s: { desa: string | null; kecamatan: string | null }) =>
    [s.desa ? deps.catalog.desaName(s.desa) : null, s.kecamatan ? deps.catalog.kecamatanName(s.kecamatan) : null].filter(Boolean).join(', ') || null;

  // --- JSON API ---
  router.get('/api/ngopi', lookupLimit, async (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(await listSessions(deps));
  });

  router.get('/api/ngopi/:id', lookupLimit, async (req, res) => {
    const session = await findSession(deps, idParam(req));
    const items = (await aspirationsOf(deps, session.id)).map(toPublicAspiration).filter((a) => a !== null);
    res.set('Cache-Control', 'no-cache').json({ session: toPublicSession(session, deps.clock()), items });
  });

  router.post('/api/ngopi', ...organiser, async (req, res) => {
    res.status(201).json(await createSession(deps, userOf(req), readSession(deps, req.body)));
  });

  router.put('/api/ngopi/:id', ...organiser, async (req, res) => {
    res.json(await updateSession(deps, userOf(req), idParam(req), readSession(deps, req.body)));
  });

  router.delete('/api/ngopi/:id', ...organiser, async (req, res) => {
    await deleteSession(deps, userOf(req), idParam(req));
    res.status(204).end();
  });

  router.post('/api/ngopi/:id/aspirations', ...organiser, async (req, res) => {
    // The facilitator hands the speaker the tracking code; it is in this answer only.
    const { report, code } = await enterAspiration(deps, userOf(req), idParam(req), readEntry(req.body));
    res.status(201).json({ publicId: report.publicId, code, agencyId: report.agencyId, status: report.status, trackingUrl: code ? trackingUrl(deps.config, code) : null });
  });

  router.get('/api/ngopi/:id/summary', lookupLimit, async (req, res) => {
    res.set('Cache-Control', 'no-cache').json(await summarise(deps, idParam(req)));
  });

  // --- pages ---
  router.get('/ngopi/:id', lookupLimit, async (req, res) => {
    const lang = langOf(req);
    const session = await findSession(deps, idParam(req));
    const now = deps.clock();
    const open = isOpen(session, now);
    const items = (await aspirationsOf(deps, session.id)).map(toPublicAspiration).filter((a) => a !== null);
    const category = deps.catalog.categories.find((c) => c.id === 'aspirasi')!;
    const form = open ? formBody({
      lang, category, region: deps.catalog.region, values: { 'details[session]': [session.id], ...(session.desa ? { desa: [session.desa], kecamatan: [session.kecamatan ?? ''] } : {}) },
      errors: {}, clientId: randomUUID(), today: wibDate(now), maxPhotos: deps.config.maxPhotos, photosDropped: false,
    }) : null;
    send(req, res, { title: session.title, page: 'ngopi', body: sessionPageBody(lang, { session, placeName: placeName(session), items, open, form }) });
  });

  router.get('/ngopi/:id/ringkasan', lookupLimit, async (req, res) => {
    const summary = await summarise(deps, idParam(req));
    send(req, res, { title: ngopiText(langOf(req), 'summaryTitle', { title: summary.session.title }), page: 'summary', body: summaryBody(langOf(req), summary) });
  });

  router.get('/ngopi/:id/ringkasan.csv', lookupLimit, async (req, res) => {
    const summary = await summarise(deps, idParam(req));
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="ngopi-${summary.session.id}-ringkasan.csv"`,
      'Cache-Control': 'no-cache',
    }).send(toCsv(summary));
  });

  const entryPage = async (req: Request, res: Response, o: { values?: Record<string, string>; errors?: Record<string, string>; saved?: string; alert?: string; status?: number } = {}) => {
    const user = userOf(req);
    const { session, reports } = await entrySheet(deps, user, idParam(req));
    send(req, res, {
      title: session.title, page: 'entry', status: o.status,
      body: entryBody({
        lang: langOf(req), session, user, region: deps.catalog.region, agencies: deps.catalog.agencies,
        reports, values: o.values ?? {}, errors: o.errors ?? {}, saved: o.saved, alert: o.alert,
      }),
    });
  };

  router.get('/desk/ngopi/:id', requireUser(deps), async (req, res) => {
    const topic = typeof req.query.topic === 'string' ? req.query.topic : '';
    const saved = typeof req.query.ok === 'string' ? req.query.ok : undefined;
    await entryPage(req, res, { values: { topic }, saved });
  });

  // Post/redirect/get, keeping the topic: the facilitator types the next one at once.
  router.post('/desk/ngopi/:id', ...organiser, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, string>;
    try {
      const { report } = await enterAspiration(deps, userOf(req), idParam(req), readEntry(body));
      res.redirect(303, `/desk/ngopi/${encodeURIComponent(idParam(req))}?topic=${encodeURIComponent(body.topic ?? '')}&ok=${report.publicId}`);
    } catch (err) {
      const appError = toAppError(err, deps.config);
      if (!appError || appError.status !== 422) throw err;
      const lang = langOf(req);
      const errors = Object.fromEntries(Object.entries(appError.fields ?? {}).map(([k, c]) => [k, message(c as MessageCode, {}, lang)]));
      await entryPage(req, res, { values: body, errors, status: 422, alert: message('validation_failed', {}, lang) });
    }
  });

  // Errors on these pages are pages, in the reader's language; the API keeps its JSON.
  const pageErrors: ErrorRequestHandler = (err, req, res, next) => {
    const appError = toAppError(err, deps.config);
    if (!appError || res.headersSent || req.path.startsWith('/api/')) return next(err);
    res.set(appError.headers);
    send(req, res, { title: webText(langOf(req), 'errorTitle'), page: 'error', status: appError.status, body: errorBody(langOf(req), message(appError.code, appError.params, langOf(req))) });
  };
  router.use(pageErrors);
  return router;
}
