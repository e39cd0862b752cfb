// The citizen web: server-rendered pages that work without JavaScript, enhanced by client/.
// Handlers only read the request, call the same services as the JSON API, and render.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { message, type MessageCode } from '../../shared/messages.ts';
import { findCategory } from '../../shared/reference/categories.ts';
import type { Category } from '../../shared/types.ts';
import { normaliseCode } from '../../shared/tracking-code.ts';
import { trackingCodeParam } from '../http/report-params.ts';
import { parseFeedbackInput } from '../../shared/validation/feedback-input.ts';
import { wibDate } from '../../shared/working-days.ts';
import { webText } from '../../shared/web-text.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { toAppError } from '../http/error-handler.ts';
import { citizenLimits } from '../http/citizen-limits.ts';
import { photoUpload, readReportInput, receiptOf, uploadsOf } from '../reports/routes.ts';
import { findReportByCode, getPublicView, giveFeedback, submitReport } from '../reports/service.ts';
import { ngopiText } from '../../shared/ngopi-text.ts';
import { DIST_DIR, loadClientAssets, type ClientAssets } from './assets.ts';
import { formBody } from './form-page.ts';
import { formValuesFrom, inputNameOf, normaliseFormPost, type FormValues } from './form-values.ts';
import { homeBody } from './home-page.ts';
import type { SafeHtml } from './html.ts';
import { langOf, LANG_COOKIE, type Lang } from './lang.ts';
import { renderPage } from './layout.ts';
import { receiptBody } from './receipt-page.ts';
import { errorBody, trackFormBody, trackViewBody } from './track-page.ts';
import { reportUrl } from '../http/links.ts';

const YEAR_SECONDS = 365 * 24 * 3600;

export interface WebOptions { distDir?: string }

function runMiddleware(handler: (req: Request, res: Response, next: (err?: unknown) => void) => unknown, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => { handler(req, res, (err?: unknown) => (err ? reject(err) : resolve())); });
}

function fieldMessages(err: AppError, lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(err.fields ?? {}).map(([field, code]) => [inputNameOf(field), message(code as MessageCode, err.params, lang)]));
}

export function webRoutes(deps: Deps, options: WebOptions = {}): Router {
  const distDir = options.distDir ?? DIST_DIR;
  const assets: ClientAssets = loadClientAssets(distDir);
  const router = Router();
  // The same counters as the JSON API, so the pages are no side door (more reports, guessing codes).
  const { submit: submitLimit, lookup: lookupLimit } = citizenLimits(deps);
  const upload = photoUpload(deps);

  const send = (req: Request, res: Response, o: { title: string; page: string; body: SafeHtml; status?: number }) => {
    res.status(o.status ?? 200).set('Cache-Control', 'no-cache');
    res.type('html').send(renderPage({ lang: langOf(req), path: req.originalUrl, assets, ...o }));
  };

  const sendForm = (req: Request, res: Response, category: Category, o: { values?: FormValues; errors?: Record<string, string>; alert?: string; status?: number; photosDropped?: boolean } = {}) => {
    const lang = langOf(req);
    const values = o.values ?? {};
    send(req, res, {
      title: lang === 'en' ? category.labelEn : category.label,
      page: 'form',
      status: o.status,
      body: formBody({
        lang, category, region: deps.catalog.region, values, errors: o.errors ?? {},
        clientId: values.clientId?.[0] || randomUUID(), today: wibDate(deps.clock()), maxPhotos: deps.config.maxPhotos,
        photosDropped: o.photosDropped ?? false, alert: o.alert,
      }),
    });
  };

  const categoryParam = (req: Request): Category => {
    const category = findCategory(String(req.params.category));
    if (!category) throw new AppError('invalid_category', { status: 404 });
    return deps.catalog.categories.find((c) => c.id === category.id) ?? category;
  };

  // Hashed build files never change, so phones keep them a year; the service worker must
  // always be revalidated or a fixed bug would live on in the field.
  // (Compressed on the way out by the app-wide compression middleware, like every response.)
  router.use('/assets', express.static(join(distDir, 'assets'), {
    index: false, redirect: false, immutable: true, maxAge: '1y', etag: false, lastModified: false, acceptRanges: false,
  }));
  router.get('/sw.js', (_req, res, next) => {
    res.set({ 'Cache-Control': 'no-cache', 'Service-Worker-Allowed': '/' })
      .sendFile(join(distDir, 'sw.js'), (err) => { if (err) next(new AppError('not_found', { status: 404 })); });
  });
  router.get('/app-shell.json', (_req, res) => {
    const pages = ['/', '/lacak', ...deps.catalog.categories.map((c) => `/lapor/${c.id}`)];
    res.set('Cache-Control', 'no-cache').json({ urls: [...pages, ...assets.shell] });
  });

  router.get('/bahasa/:lang', (req, res) => {
    const lang: Lang = req.params.lang === 'en' ? 'en' : 'id';
    // Only a path on this site: `//host` and `/\\host` would leave it.
    const next = typeof req.query.next === 'string' && /^\/(?![/\\])/.test(req.query.next) ? req.query.next : '/';
    res.cookie(LANG_COOKIE, lang, { maxAge: YEAR_SECONDS * 1000, sameSite: 'lax', path: '/' }).redirect(303, next);
  });

  router.get('/', (req, res) => {
    send(req, res, { title: webText(langOf(req), 'tagline'), page: 'home', body: homeBody(langOf(req), deps.catalog.categories, deps.catalog.deadlines) });
  });

  router.get('/lapor/:category', (req, res) => sendForm(req, res, categoryParam(req)));

  // Whatever goes wrong, the citizen gets the form back with everything typed (photos must be
  // chosen again: browsers never refill a file input) and a message saying what to do.
  router.post('/lapor/:category', async (req, res) => {
    const category = categoryParam(req);
    const lang = langOf(req);
    try {
      await runMiddleware(upload, req, res);
      // Counted after parsing, so a refused post can still show what was typed.
      await runMiddleware(submitLimit, req, res);
      const input = readReportInput(deps, normaliseFormPost({ ...req.body, category: category.id }));
      const { code } = await submitReport(deps, input, uploadsOf(req));
      // Post/redirect/get: a reload of the receipt does not post again. The receipt is the
      // reporter's own page, addressed by their code (a form post always carries a client id,
      // so even a repeated post gets its code back from the seal).
      if (!code) throw new AppError('internal_error', { status: 500 });
      res.redirect(303, `/terkirim/${code}`);
    } catch (err) {
      const appError = toAppError(err, deps.config) ?? new AppError('internal_error', { status: 500 });
      if (appError.status >= 500) req.log?.error({ err }, 'web report submission failed');
      const errors = fieldMessages(appError, lang);
      res.set(appError.headers);
      sendForm(req, res, category, {
        values: formValuesFrom(req.body), errors, status: appError.status,
        alert: Object.keys(errors).length ? undefined : message(appError.code, appError.params, lang),
        photosDropped: uploadsOf(req).length > 0 || Boolean(appError.fields?.photos),
      });
    }
  });

  router.get('/terkirim/:code', lookupLimit, async (req, res) => {
    const code = trackingCodeParam(req);
    const receipt = receiptOf(deps, await findReportByCode(deps, code), code);
    send(req, res, {
      title: webText(langOf(req), 'receiptTitle'),
      page: 'receipt',
      body: receiptBody(langOf(req), {
        publicId: receipt.publicId, code, agencyName: receipt.agency.name, verifyDueAt: receipt.verifyDueAt,
        days: {
          verify: deps.catalog.deadlines.categories[receipt.category].verifyWorkingDays,
          followUp: deps.catalog.deadlines.categories[receipt.category].followUpWorkingDays,
          reopen: deps.catalog.deadlines.reopenWorkingDays,
        },
        publicUrl: reportUrl(deps.config, receipt.publicId),
        // Anyone with the code can open this page; a confidential report shows none of its content.
        details: receipt.confidential || !receipt.details || 'notGiven' in receipt.details ? undefined : receipt.details,
      }),
    });
  });

  router.get('/lacak', (req, res) => {
    const lang = langOf(req);
    const typed = typeof req.query.kode === 'string' ? req.query.kode : '';
    if (typed) {
      const code = normaliseCode(typed);
      if (code) return res.redirect(303, `/lacak/${code}`);
    }
    send(req, res, {
      title: webText(lang, 'trackTitle'), page: 'track', status: typed ? 422 : 200,
      body: trackFormBody(lang, typed, typed ? message('report_not_found', {}, lang) : undefined),
    });
  });

  router.get('/lacak/:code', lookupLimit, async (req, res) => {
    const lang = langOf(req);
    const code = trackingCodeParam(req);
    const view = await getPublicView(deps, code);
    const supported = req.query.dukung === '1' ? ngopiText(lang, 'supported') : req.query.dukung === '0' ? ngopiText(lang, 'alreadySupported') : undefined;
    send(req, res, {
      title: `${webText(lang, 'trackTitle')} ${code}`, page: 'track',
      body: trackViewBody(lang, code, view, { notice: req.query.ok ? webText(lang, 'feedbackThanks') : supported }),
    });
  });

  router.post('/lacak/:code/nilai', lookupLimit, async (req, res) => {
    const lang = langOf(req);
    const code = trackingCodeParam(req);
    const parsed = parseFeedbackInput(req.body);
    if (!parsed.ok) {
      const errors = Object.fromEntries(Object.entries(parsed.fields).map(([k, c]) => [k, message(c, {}, lang)]));
      return send(req, res, { title: webText(lang, 'trackTitle'), page: 'track', status: 422, body: trackViewBody(lang, code, await getPublicView(deps, code), { errors }) });
    }
    await giveFeedback(deps, code, parsed.value);
    res.redirect(303, `/lacak/${code}?ok=1`);
  });

  // Errors on these pages are pages too, in the citizen's language, saying what to do.
  const pageErrors: ErrorRequestHandler = (err, req, res, next) => {
    const appError = toAppError(err, deps.config);
    if (!appError || res.headersSent) return next(err);
    res.set(appError.headers);
    send(req, res, { title: webText(langOf(req), 'errorTitle'), page: 'error', status: appError.status, body: errorBody(langOf(req), message(appError.code, appError.params, langOf(req))) });
  };
  router.use(pageErrors);
  return router;
}
