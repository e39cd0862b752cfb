// The spec's own examples (test/open311/fixtures/, copied from wiki.open311.org) parse with our
// reader, and every answer of ours has their shape: the same element names in XML, the same keys
// in JSON, and well-formed XML whatever a report's text holds.
import assert from 'node:assert/strict';
import { addAndLogin, deskAction } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { escapeXml } from '../../server/open311/xml.ts';
import { fixture, get, json, jsonShape, makeKey, postForm, readSpecJson, readXml, roadRequest, sorted, V2, xmlShape } from './helpers.ts';

const EXAMPLES = ['discovery', 'services', 'service-definition', 'post-response', 'token', 'requests', 'request', 'errors'];

describe('Open311: the spec’s examples and the shape of our answers', function () {
  this.timeout(60_000);
  let app: RunningApp;
  let key: string;
  let publicId: string;
  before(async () => {
    app = await startApp();
    ({ key } = await makeKey(app));
    const created = await postForm(app, `${V2}/requests.json`, roadRequest(key, { description: 'Jalan <rusak> & "licin" \u0001\u0007 di tikungan, bahaya \uD800 sekali.' }));
    assert.equal(created.status, 200, created.text);
    publicId = json(created)[0].service_request_id;
  });
  after(() => app.close());

  for (const name of EXAMPLES) {
    it(`reads the spec’s ${name} example in both formats, and they say the same`, () => {
      const xml = readXml(fixture(`${name}.xml`));
      const data = readSpecJson(fixture(`${name}.json`));
      // The Spark convention: the XML root and its list element are the JSON array (or object) itself.
      const fromXml = sorted(xmlShape(xml)).map((p) => p.replace(/^[a-z_]+(\/(request|service|error)(?=\/|$))?/, '').replace(/\/(endpoint|format|attribute|value)(?=\/|$)/g, '[]'));
      const fromJson = sorted(jsonShape(data)).map((p) => p.replace(/^\[\]/, ''));
      assert.deepEqual([...new Set(fromXml)].sort(), [...new Set(fromJson)].sort());
    });
  }

  it('reads the spec’s POST example as a form body with attribute[code] pairs', () => {
    const form = new URLSearchParams(fixture('post-request.txt').trim());
    assert.equal(form.get('service_code'), '001');
    assert.equal(form.get('attribute[WHISPAWN]'), '123456');
    assert.equal(form.get('email'), 'smit333@sfgov.edu');
  });

  const cases: { title: string; path: () => string; example: string; extra?: string[] }[] = [
    { title: 'discovery', path: () => `${V2}/discovery`, example: 'discovery' },
    { title: 'services', path: () => `${V2}/services`, example: 'services' },
    { title: 'a service definition (pupuk)', path: () => `${V2}/services/pupuk`, example: 'service-definition' },
    { title: 'requests', path: () => `${V2}/requests`, example: 'requests' },
    { title: 'one request', path: () => `${V2}/requests/${publicId}`, example: 'request' },
    { title: 'a token', path: () => `${V2}/tokens/${publicId}`, example: 'token' },
    { title: 'an error', path: () => `${V2}/requests/TIDAKADA`, example: 'errors' },
  ];
  for (const c of cases) {
    it(`answers ${c.title} with the spec example’s elements (XML) and keys (JSON)`, async () => {
      const xml = await get(app, `${c.path()}.xml`);
      assert.match(xml.headers.get('content-type') ?? '', /^text\/xml; charset=utf-8/);
      assert.ok(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
      assert.deepEqual(sorted(xmlShape(readXml(xml.text))), sorted(xmlShape(readXml(fixture(`${c.example}.xml`)))));
      const data = await get(app, `${c.path()}.json`);
      assert.match(data.headers.get('content-type') ?? '', /^application\/json; charset=utf-8/);
      assert.deepEqual(sorted(jsonShape(json(data))), sorted(jsonShape(readSpecJson(fixture(`${c.example}.json`)))));
    });
  }

  it('answers a POST with the spec example’s elements, plus only the tracking_code extension', async () => {
    for (const format of ['xml', 'json'] as const) {
      const answer = await postForm(app, `${V2}/requests.${format}`, roadRequest(key));
      assert.equal(answer.status, 200, answer.text);
      const ours = format === 'xml' ? xmlShape(readXml(answer.text)) : jsonShape(json(answer));
      const spec = format === 'xml' ? xmlShape(readXml(fixture('post-response.xml'))) : jsonShape(readSpecJson(fixture('post-response.json')));
      assert.deepEqual(sorted(ours).filter((p) => !spec.has(p)), [format === 'xml' ? 'service_requests/request/tracking_code' : '[]/tracking_code']);
      assert.deepEqual(sorted(spec).filter((p) => !ours.has(p)), []);
    }
  });

  it('keeps its XML well-formed with markup, quotes, control characters and a lone surrogate in a report’s text', async () => {
    // The text is public once an officer verified it.
    const officer = await addAndLogin(app, 'petugas.dpupr', 'officer', { agencyId: 'dpupr' });
    await deskAction(app, officer.cookie, publicId, { type: 'verify' }).expect(200);
    const answer = await get(app, `${V2}/requests/${publicId}.xml`);
    assert.match(answer.text, /Jalan &lt;rusak&gt; &amp; &quot;licin&quot; +di tikungan/);
    assert.doesNotMatch(answer.text, /[\u0001\u0007]/);
    // What a form cannot carry (a lone surrogate) the serializer drops as well.
    assert.equal(escapeXml('a\uD800b\u0000c\uFFFEd\u{1F600}'), 'ab' + 'cd\u{1F600}');
    const doc = readXml(answer.text);
    assert.ok(xmlShape(doc).has('service_requests/request/description'));
    const refused = await get(app, `${V2}/services/%3Cx%3E%26.xml`);
    assert.equal(refused.status, 404);
    readXml(refused.text);
  });
});
