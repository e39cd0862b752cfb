// Every HTTP route of the app, enumerated from its router, receives what an attacker would send:
// broken %-escapes and odd Unicode in path and query, wrong JSON types, missing fields, huge
// values, malformed cookies — signed in and not. Never a 5xx, /healthz still answers, and nothing
// is written unless the answer was a success. Property-based (fast-check) with a fixed seed;
// FUZZ_RUNS (cases per route, default 12) and FUZZ_SEED run it longer or elsewhere (README).
import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { SESSION_COOKIE } from '../../server/auth/sessions.ts';
import { addAndLogin, login, type Person } from '../helpers/desk.ts';
import { validReport } from '../helpers/fixtures.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { body, cookieJunk, query, segment } from './arbitraries.ts';
import { CHANNELS_ON, FUZZ_RUNS, FUZZ_SEED, shortReport, UNLIMITED } from './settings.ts';
import { fillPath, paramsOf, routesOf, type RouteSpec } from './routes.ts';

interface Answer { status: number; text: string }

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** A raw request: the path goes out exactly as given (broken escapes included). */
function send(baseUrl: string, method: string, path: string, headers: Record<string, string>, payload?: { type: string; text: string }): Promise<Answer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: url.hostname, port: url.port, method, path, agent,
      headers: { ...headers, ...(payload ? { 'Content-Type': payload.type, 'Content-Length': String(Buffer.byteLength(payload.text)) } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8').slice(0, 500) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload) req.write(payload.text);
    req.end();
  });
}

/** Everything a request could write: the event log, accounts, settings, Ngopi sessions. */
async function snapshot(app: RunningApp): Promise<string> {
  const { store } = app.deps;
  const [lastSeq, users, settings, sessions] = await Promise.all([store.lastSeq(), store.listUsers(), store.settingsVersion(), store.listNgopiSessions()]);
  return JSON.stringify({ lastSeq, users: users.map((u) => [u.username, u.role, u.disabled, u.passwordHash]), settings, sessions: sessions.map((s) => [s.id, s.title, s.startsAt]) });
}

describe('fuzz: every HTTP route', function () {
  // A bound, not a measure: ~850 requests take ~20 s on a quiet machine and several times that
  // when the machine is shared; the cases assert answers, never durations.
  this.timeout(900_000);
  let app: RunningApp;
  let admin: Person;
  let officer: Person;
  let code: string;
  let ids: string[];
  let routes: RouteSpec[];
  let served = 0;

  before(async () => {
    app = await startApp({ ...UNLIMITED, ...CHANNELS_ON, OVERDUE_SWEEP_SECONDS: '0' });
    admin = await addAndLogin(app, 'admin.fuzz', 'admin');
    officer = await addAndLogin(app, 'petugas.fuzz', 'officer', { agencyId: 'dpupr' });
    const created = await fetch(`${app.baseUrl}/api/reports`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(validReport()) });
    const receipt: unknown = await created.json();
    // The tracking code and, where the receipt has one, the public id: both are plausible parameters.
    ids = ['code', 'publicId'].map((key) => (receipt && typeof receipt === 'object' ? Reflect.get(receipt, key) : undefined)).filter((v): v is string => typeof v === 'string');
    code = ids[0];
    routes = routesOf(app.app);
  });
  after(async () => {
    agent.destroy();
    await app?.close();
  });

  it('finds the routes in the app itself: the citizen, desk, admin and health routes are all there', () => {
    // Parameter names may change (a code, a public id); the shape of the path is what counts.
    const names = routes.map((r) => `${r.method} ${r.path.replace(/:\w+/g, ':_')}`);
    for (const expected of ['POST /api/reports', 'GET /api/reports/:_', 'POST /api/desk/reports/:_/actions', 'GET /lapor/:_', 'GET /healthz', 'POST /webhooks/whatsapp', 'POST /webhooks/sms', 'POST /open311/v2/requests.:_', 'GET /open311/v2/requests/:_.:_', 'GET /open311/v2/services/:_.:_', 'GET /open311/v2/tokens/:_.:_', 'GET /open311/v2/discovery.:_']) {
      assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    }
    assert.ok(routes.length > 40, `${routes.length} routes`);
  });

  it('every route, fed malformed input, answers below 500, keeps /healthz up, and writes only on success', async () => {
    const failures: string[] = [];
    // The state after the last request: a refusal must leave it as it was.
    let last = await snapshot(app);
    for (const route of routes) {
      // Logging out would end the sessions the other cases lean on: it gets a session of its own.
      const ends = /logout/.test(route.path);
      const params = paramsOf(route.path);
      const plausible = ['pupuk', ...ids, code.toLowerCase(), 'petugas.lain', '33.16.05', 'x.jpg', 'tidak-ada'];
      const request = fc.record({
        values: fc.tuple(...params.map(() => segment(plausible))),
        query,
        payload: body,
        who: fc.constantFrom('nobody', 'admin', 'officer'),
        junk: fc.option(cookieJunk, { nil: undefined }),
        origin: fc.boolean(),
      });
      await fc.assert(fc.asyncProperty(request, async (r) => {
        const path = fillPath(route.path, Object.fromEntries(params.map((p, i) => [p, r.values[i]])));
        const session = r.who === 'nobody' ? undefined : ends ? await login(app, r.who === 'admin' ? 'admin.fuzz' : 'petugas.fuzz') : (r.who === 'admin' ? admin : officer).cookie;
        if (ends && session) last = await snapshot(app); // the login above is not the case's doing
        const cookie = [session, r.junk].filter(Boolean).join('; ');
        const headers: Record<string, string> = { ...(cookie ? { Cookie: cookie } : {}), ...(r.origin ? { Origin: app.baseUrl } : {}), Accept: 'application/json, text/html' };
        const answer = await send(app.baseUrl, route.method, `${path}${r.query ? `?${r.query}` : ''}`, headers, route.method === 'GET' ? undefined : r.payload);
        served += 1;
        if (answer.status >= 500) failures.push(`${route.method} ${path.slice(0, 120)} → ${answer.status} ${answer.text.slice(0, 200)}`);
        assert.ok(answer.status < 500, `${route.method} ${path.slice(0, 200)} answered ${answer.status}: ${answer.text}`);
        // A success (2xx, or 3xx after a plain form post) may write; a refusal must not.
        const now = await snapshot(app);
        if (answer.status >= 400) assert.equal(now, last, `${route.method} ${path.slice(0, 200)} answered ${answer.status} but wrote`);
        last = now;
      }), { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true, reporter: shortReport });
      assert.equal((await fetch(`${app.baseUrl}/healthz`)).status, 200, `/healthz after ${route.method} ${route.path}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(served >= routes.length * FUZZ_RUNS);
    // The sessions the cases used are still good: nothing a refused request did ended them.
    assert.equal((await fetch(`${app.baseUrl}/api/auth/me`, { headers: { Cookie: admin.cookie } })).status, 200, `${SESSION_COOKIE} of the admin still valid`);
  });
});
