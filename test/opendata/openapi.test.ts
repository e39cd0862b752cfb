// /api/openapi.json: a valid OpenAPI 3.1 document (checked against the official 3.1 schema,
// copied into test/opendata/schemas), and real answers of the running app validate against
// the schemas it gives for them.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { addAndLogin, deskAction } from '../helpers/desk.ts';
import { pupukReport, validReport } from '../helpers/fixtures.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { submitReport, type Submitted } from '../helpers/submit.ts';

/**
 * The official schema, with `{"$dynamicRef": "#meta"}` read as `{"$ref": "#/$defs/schema"}`: in
 * this self-contained schema nothing extends the `meta` anchor, so both name the same subschema;
 * ajv resolves a `$dynamicAnchor` only at a resource root and would otherwise read it as the
 * whole document. The file stays as published.
 */
function withoutDynamicRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDynamicRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => (k === '$dynamicRef' && v === '#meta' ? ['$ref', '#/$defs/schema'] : [k, withoutDynamicRefs(v)])));
}
const OAS_31 = (() => {
  const schema = withoutDynamicRefs(JSON.parse(readFileSync(new URL('./schemas/openapi-3.1/schema.json', import.meta.url), 'utf8')));
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throw new Error('the OpenAPI 3.1 schema is not an object');
  return schema;
})();

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** The value at a JSON pointer of the document. */
function at(doc: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((node, seg) => {
    const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    return node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }, doc);
}

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // The 3.1 schema names media ranges ("application/json") with a format ajv-formats lacks.
  ajv.addFormat('media-range', /^[\w.+*-]+\/[\w.+*-]+(;.*)?$/);
  return ajv;
}

describe('OpenAPI 3.1 document of the public API', () => {
  let app: RunningApp;
  let doc: Record<string, unknown>;
  let responseSchema: (path: string, method: 'get' | 'post', status: number) => ValidateFunction;
  let verified: Submitted;
  let pupuk: Submitted;

  before(async () => {
    app = await startApp({ PUBLIC_URL: 'https://lapor.blorakab.go.id' });
    const officer = await addAndLogin(app, 'petugas.pu', 'officer', { agencyId: 'dpupr' });
    verified = await submitReport(app.baseUrl, validReport({ lat: -7.16, lng: 111.57 }));
    pupuk = await submitReport(app.baseUrl, pupukReport());
    await submitReport(app.baseUrl, validReport({ category: 'kesehatan', details: {}, description: 'Puskesmas tutup terus di desa kami.' }));
    await deskAction(app, officer.cookie, verified.publicId, { type: 'verify' }).expect(200);
    await deskAction(app, officer.cookie, verified.publicId, { type: 'reply', message: 'Sudah kami cek, segera diperbaiki.' }).expect(200);
    doc = (await request(app.baseUrl).get('/api/openapi.json').expect(200)).body;
    const ajv = newAjv();
    ajv.addSchema(doc, 'openapi');
    responseSchema = (path, method, status) => {
      let pointer = `/paths/${escape(path)}/${method}/responses/${status}`;
      const response = at(doc, pointer);
      assert.ok(response && typeof response === 'object', `no ${method} ${path} ${status} in the document`);
      const target = at(doc, `${pointer}/$ref`);
      if (typeof target === 'string') pointer = target.slice(1);
      assert.ok(at(doc, `${pointer}/content/application~1json/schema`), `${method} ${path} ${status} has no JSON schema`);
      return ajv.compile({ $ref: `openapi#${pointer}/content/application~1json/schema` });
    };
  });
  after(() => app.close());

  it('is a valid OpenAPI 3.1 document by the official schema, with absolute servers from PUBLIC_URL', () => {
    const validate = newAjv().compile(OAS_31);
    assert.equal(validate(doc), true, JSON.stringify(validate.errors, null, 1));
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(doc.servers, [{ url: 'https://lapor.blorakab.go.id' }]);
  });

  it('a broken document is refused by the same schema (the check can fail)', () => {
    const validate = newAjv().compile(OAS_31);
    assert.equal(validate({ ...doc, openapi: '3.0.3' }), false);
    assert.equal(validate({ ...doc, info: {} }), false);
  });

  const cases: { title: string; path: string; docPath: string; method?: 'get' | 'post'; status?: number; origin?: boolean }[] = [
    { title: 'the public list', path: '/api/public/reports', docPath: '/api/public/reports' },
    { title: 'the public list of one kecamatan and category', path: '/api/public/reports?kecamatan=33.16.05&category=jalan', docPath: '/api/public/reports' },
    { title: 'a refused filter (422, in Indonesian)', path: '/api/public/reports?kecamatan=cepu', docPath: '/api/public/reports', status: 422 },
    { title: 'the public map', path: '/api/public/map', docPath: '/api/public/map' },
    { title: 'the public statistics', path: '/api/public/statistics', docPath: '/api/public/statistics' },
    { title: 'the reference data', path: '/api/meta', docPath: '/api/meta' },
    { title: 'nearby reports', path: '/api/reports/nearby?category=jalan&desa=33.16.05.2001&lat=-7.16&lng=111.57', docPath: '/api/reports/nearby' },
    { title: 'a refused nearby query', path: '/api/reports/nearby?category=jalan&lat=-7.16', docPath: '/api/reports/nearby', status: 422 },
    { title: 'the open-data catalogue', path: '/data/data.json', docPath: '/data/data.json' },
    { title: 'a data dictionary', path: '/data/kamus/laporan.json', docPath: '/data/kamus/{dataset}.json' },
    { title: 'an unknown data dictionary', path: '/data/kamus/rahasia.json', docPath: '/data/kamus/{dataset}.json', status: 404 },
  ];
  for (const c of cases) {
    it(`${c.title}: the real answer validates against the document`, async () => {
      const res = await request(app.baseUrl).get(c.path).expect(c.status ?? 200);
      const validate = responseSchema(c.docPath, c.method ?? 'get', c.status ?? 200);
      assert.equal(validate(res.body), true, JSON.stringify(validate.errors, null, 1));
    });
  }

  it('tracking (verified, with a reply), a confidential report by its code, an unknown code and a support validate too', async () => {
    for (const s of [verified, pupuk]) {
      const res = await request(app.baseUrl).get(`/api/reports/${s.code}`).expect(200);
      const validate = responseSchema('/api/reports/{code}', 'get', 200);
      assert.equal(validate(res.body), true, JSON.stringify(validate.errors, null, 1));
    }
    const missing = await request(app.baseUrl).get('/api/reports/AAAA-BBBB-CCCC').expect(404);
    assert.equal(responseSchema('/api/reports/{code}', 'get', 404)(missing.body), true);
    const support = await request(app.baseUrl).post(`/api/reports/${verified.publicId}/support`).set('Origin', 'https://lapor.blorakab.go.id').expect(200);
    const validate = responseSchema('/api/reports/{publicId}/support', 'post', 200);
    assert.equal(validate(support.body), true, JSON.stringify(validate.errors, null, 1));
  });

  it('the GeoJSON download validates against its schema in the document', async () => {
    const res = await request(app.baseUrl).get('/data/laporan.geojson').expect(200);
    const ajv = newAjv();
    ajv.addSchema(doc, 'openapi');
    const validate = ajv.compile({ $ref: 'openapi#/paths/~1data~1laporan.geojson/get/responses/200/content/application~1geo+json/schema' });
    const body = JSON.parse(res.text);
    assert.ok(body.features.length > 0);
    assert.equal(validate(body), true, JSON.stringify(validate.errors, null, 1));
  });

  it('a public list item with a field the public rules do not allow would fail it (closed objects)', async () => {
    const page = (await request(app.baseUrl).get('/api/public/reports').expect(200)).body;
    const leaked = { ...page, items: [{ ...page.items[0], reporterPhone: '0812' }] };
    assert.equal(responseSchema('/api/public/reports', 'get', 200)(leaked), false);
  });
});
