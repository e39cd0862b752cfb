// Open311 GeoReport v2 at /open311/v2 (HTTP only; the use cases are in ./service.ts). Every
// resource in .json and .xml; errors in the spec's list form, in the path's format; GETs readable
// from any origin (Access-Control-Allow-Origin: *). The spec: wiki.open311.org/GeoReport_v2.
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { asRecord } from '../../shared/validation/fields.ts';
import { Open311JurisdictionQuerySchema, Open311PostSchema, Open311RequestsQuerySchema } from '../../shared/validation/open311-input.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { parseInput } from '../http/parse.ts';
import { createRateLimiter, sharedCounting } from '../http/rate-limit.ts';
import type { ApiKeyRecord } from '../store/apikey-port.ts';
import { formatOf, open311Errors, send } from './answer.ts';
import { authenticateKey } from './keys.ts';
import { createdDoc, definitionDoc, discoveryDoc, OPEN311_PATH, requestsDoc, servicesDoc, tokenDoc } from './presenter.ts';
import { createRequest, findToken, getRequest, listRequests, serviceOf } from './service.ts';

/** Public answers may sit in caches briefly, as the public pages' do; answers that used a key never. */
const PUBLIC_MAX_AGE_S = 60;
/** An id or token as it may appear in a path; anything else is the same 404 as an unknown one. */
const ID = /^[A-Za-z0-9-]{4,40}$/;

/** The key a request was authenticated with, for the rest of its handling. */
const keys = new WeakMap<Response, ApiKeyRecord>();

function keyOf(res: Response): ApiKeyRecord | null {
  return keys.get(res) ?? null;
}

/** A parameter of the query (GET) or of the form (POST). */
function paramOf(req: Request, name: string): unknown {
  return req.method === 'POST' ? asRecord(req.body)[name] : req.query[name];
}

/** The api_key sent, if one was. */
function apiKeyParam(req: Request): string | undefined {
  const raw = paramOf(req, 'api_key');
  if (raw === undefined || raw === '') return undefined;
  return typeof raw === 'string' ? raw : '\u0000'; // a repeated api_key is no key of ours
}

export function open311Routes(deps: Deps): Router {
  const router = Router();
  const { open311 } = deps.config;

  // Readable from any origin: partners' dashboards and apps call these from the browser (helmet's
  // default Cross-Origin-Resource-Policy, same-origin, is lifted here for the same reason).
  router.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') res.set({ 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
    next();
  });

  // The spec's POST is a form; bracket names (attribute[code][]) stay flat and are gathered by the schema.
  router.use(express.urlencoded({ extended: false, limit: deps.config.maxBodyBytes, parameterLimit: 200 }));

  // jurisdiction_id: absent (or blank, the spec's "optional") or ours; another one is not served here (404).
  const jurisdiction: RequestHandler = (req, _res, next) => {
    const { jurisdiction_id: given } = parseInput(Open311JurisdictionQuerySchema, { jurisdiction_id: paramOf(req, 'jurisdiction_id') }, 400);
    if (given !== undefined && given.toLowerCase() !== open311.jurisdiction) {
      throw new AppError('open311_jurisdiction_unknown', { status: 404, params: { jurisdiction: open311.jurisdiction } });
    }
    next();
  };

  /** Checks the key when one is sent (or must be): 403 when missing where required, wrong or revoked. */
  const apiKey = (required: boolean): RequestHandler => async (req, res, next) => {
    const raw = apiKeyParam(req);
    if (raw !== undefined || required) keys.set(res, await authenticateKey(deps, raw));
    next();
  };

  // OPEN311_RATE_LIMIT per key, counted by the key's id (in Redis with REDIS_URL); requests without a key pass.
  const perKey = createRateLimiter(open311.rateLimit, {
    ...sharedCounting(deps, 'open311'),
    keyGenerator: (_req, res) => keyOf(res)?.id ?? '',
    skip: (_req, res) => keyOf(res) === null,
  });

  const cache = (res: Response) => res.set('Cache-Control', keyOf(res) ? 'no-store' : `public, max-age=${PUBLIC_MAX_AGE_S}`);

  router.get('/discovery.:format', jurisdiction, (req, res) => {
    send(cache(res), formatOf(req), discoveryDoc(deps.config));
  });

  router.get('/services.:format', jurisdiction, (req, res) => {
    send(cache(res), formatOf(req), servicesDoc(deps.catalog));
  });

  router.get('/services/:code.:format', jurisdiction, (req, res) => {
    const format = formatOf(req);
    send(cache(res), format, definitionDoc(serviceOf(deps, String(req.params.code))));
  });

  router.post('/requests.:format', (req, _res, next) => {
    formatOf(req);
    if (!req.is('application/x-www-form-urlencoded')) throw new AppError('open311_form_required', { status: 400 });
    next();
  }, jurisdiction, apiKey(true), perKey, async (req, res) => {
    const format = formatOf(req);
    const key = keyOf(res);
    if (!key) throw new AppError('open311_key_missing', { status: 403 });
    const { report, code } = await createRequest(deps, key, parseInput(Open311PostSchema, req.body, 400), req.get('idempotency-key') || undefined);
    send(res.set('Cache-Control', 'no-store'), format, createdDoc(report, code, deps.catalog));
  });

  router.get('/requests.:format', jurisdiction, apiKey(false), perKey, async (req, res) => {
    const format = formatOf(req);
    const items = await listRequests(deps, parseInput(Open311RequestsQuerySchema, req.query, 400));
    send(cache(res), format, requestsDoc(items));
  });

  router.get('/requests/:id.:format', jurisdiction, apiKey(false), perKey, async (req, res) => {
    const format = formatOf(req);
    const id = String(req.params.id);
    if (!ID.test(id)) throw new AppError('open311_request_unknown', { status: 404 });
    send(cache(res), format, requestsDoc([await getRequest(deps, id, keyOf(res))]));
  });

  router.get('/tokens/:token.:format', jurisdiction, async (req, res) => {
    const format = formatOf(req);
    const token = String(req.params.token);
    if (!ID.test(token)) throw new AppError('open311_token_unknown', { status: 404 });
    send(cache(res), format, tokenDoc(await findToken(deps, token)));
  });

  // Anything else under /open311/v2 is the spec's 404, in the spec's form.
  router.use((_req, _res, next) => next(new AppError('open311_not_found', { status: 404 })));
  router.use(open311Errors(deps.config));

  const mounted = Router();
  mounted.use(OPEN311_PATH, router);
  return mounted;
}
