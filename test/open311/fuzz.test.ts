// The Open311 routes fed what a careless or hostile partner sends, with a valid key (the
// route-wide fuzz suite has none, so it stops at 403): any field, any text, attribute names and
// list forms, both formats. Never a 5xx, always the spec's answer or error list, XML always
// well-formed; a refusal writes nothing.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FUZZ_RUNS, FUZZ_SEED, shortReport } from '../fuzz/settings.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { get, makeKey, postForm, readXml, V2 } from './helpers.ts';

const FIELDS = ['service_code', 'lat', 'long', 'address_string', 'address_id', 'description', 'first_name', 'last_name', 'phone', 'email',
  'media_url', 'anonymous', 'confidential', 'jurisdiction_id', 'attribute[damageType]', 'attribute[severity]', 'attribute[problems][]',
  'attribute[fertiliserType]', 'attribute[purchaseDate]', 'attribute[__proto__]', 'attribute[]', 'attribute[a][b]', 'device_id'];
const PLAUSIBLE = ['jalan', 'pupuk', 'kesehatan', '-7.2045066', '111.537321', 'Balun, Cepu', '33.16.05.1013', 'berlubang', '2', 'urea',
  'stok_kosong', '2026-11-30T09:00:00+07:00', 'true', 'blorakab.go.id', 'Jalan berlubang besar di depan balai desa.', 'http://127.0.0.1:9/x.jpg'];
const QUERY = ['service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'page', 'page_size', 'jurisdiction_id', 'api_key'];

const value = fc.oneof(fc.constantFrom(...PLAUSIBLE), fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.double().map(String), fc.constant(''));
const values = fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 }));

describe('fuzz: Open311 with a valid key', function () {
  this.timeout(600_000);
  let app: RunningApp;
  let key: string;
  before(async () => {
    app = await startApp({ OPEN311_RATE_LIMIT: '1000000/1m', OVERDUE_SWEEP_SECONDS: '0' });
    ({ key } = await makeKey(app));
  });
  after(() => app.close());

  const check = (status: number, text: string, format: string) => {
    assert.ok(status < 500, `${status}: ${text.slice(0, 300)}`);
    if (format === 'xml') readXml(text);
    else assert.ok(typeof JSON.parse(text) === 'object');
  };

  it('POST requests answers below 500 in the spec form, and writes only on success', async () => {
    const form = fc.record({ fields: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 20 })), values, { maxKeys: 12 }), format: fc.constantFrom('json', 'xml'), withKey: fc.boolean() });
    await fc.assert(fc.asyncProperty(form, async ({ fields, format, withKey }) => {
      const before = await app.deps.store.lastSeq();
      const answer = await postForm(app, `${V2}/requests.${format}`, { ...fields, ...(withKey ? { api_key: key } : {}) });
      check(answer.status, answer.text, format);
      if (answer.status >= 400) assert.equal(await app.deps.store.lastSeq(), before, `refused (${answer.status}) but wrote`);
    }), { numRuns: FUZZ_RUNS * 10, seed: FUZZ_SEED, endOnFailure: true, reporter: shortReport });
  });

  it('GET requests and requests/{id} answer below 500 in the spec form whatever the query', async () => {
    const query = fc.record({
      params: fc.dictionary(fc.constantFrom(...QUERY), fc.oneof(fc.constantFrom('open', 'closed,open', '2026-11-01T00:00:00Z', '2', '1001', key, 'jalan,pupuk'), fc.string({ maxLength: 40 })), { maxKeys: 6 }),
      id: fc.oneof(fc.constant(''), fc.string({ maxLength: 20 })),
      format: fc.constantFrom('json', 'xml', 'html'),
    });
    await fc.assert(fc.asyncProperty(query, async ({ params, id, format }) => {
      const search = new URLSearchParams(params).toString();
      const path = id ? `${V2}/requests/${encodeURIComponent(id)}.${format}` : `${V2}/requests.${format}`;
      const answer = await get(app, `${path}?${search}`);
      check(answer.status, answer.text, format === 'xml' ? 'xml' : 'json');
    }), { numRuns: FUZZ_RUNS * 10, seed: FUZZ_SEED, endOnFailure: true, reporter: shortReport });
  });
});
