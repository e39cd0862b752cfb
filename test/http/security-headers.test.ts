// What every response tells the browser: one page policy everywhere a page is served, uploads
// sandboxed, no framing, no sniffing, and every text compressed for phones that pay per byte.
import assert from 'node:assert/strict';
import request from 'supertest';
import { addAndLogin } from '../helpers/desk.ts';
import { jpegWithGps, validReport } from '../helpers/fixtures.ts';
import { postForm, toFormData } from '../helpers/http.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { buildClientOnce } from '../web/browser.ts';

describe('security headers and compression', function () {
  this.timeout(120_000);
  let app: RunningApp;
  before(async () => {
    await buildClientOnce();
    app = await startApp({ MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' });
  });
  after(() => app.close());

  it('the citizen pages, the desk, the map and a Ngopi page carry the same policy: own scripts only, tiles from MAP_TILE_URL', async () => {
    const policies = new Set<string>();
    for (const path of ['/', '/lapor/pupuk', '/lacak', '/desk', '/peta', '/ngopi/tidak-ada']) {
      const res = await request(app.app).get(path);
      assert.match(res.type, /html/, path);
      policies.add(String(res.headers['content-security-policy']));
    }
    assert.equal(policies.size, 1, [...policies].join('\n'));
    const [policy] = [...policies];
    assert.match(policy, /(^|;)script-src 'self'(;|$)/);
    assert.match(policy, /img-src 'self' blob: data: https:\/\/\*\.tiles\.example\.org/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.doesNotMatch(policy, /unsafe-eval/);
  });

  it('every answer, JSON included, forbids framing and sniffing and keeps the referrer on this site', async () => {
    for (const path of ['/api/meta', '/healthz', '/tidak-ada']) {
      const res = await request(app.app).get(path);
      assert.equal(res.headers['x-frame-options'], 'DENY', path);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
      assert.equal(res.headers['referrer-policy'], 'same-origin', path);
      assert.equal(res.headers['x-powered-by'], undefined, path);
      assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS while the public address is plain HTTP');
    }
  });

  it('with an HTTPS PUBLIC_URL, browsers are told to stay on HTTPS', async () => {
    const https = await startApp({ PUBLIC_URL: 'https://lapor.blorakab.go.id' });
    try {
      const res = await request(https.app).get('/healthz');
      assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/);
    } finally {
      await https.close();
    }
  });

  it('a photo on the desk is served sandboxed, so an upload can never act as a page', async () => {
    const officer = await addAndLogin(app, 'pu1', 'officer', { agencyId: 'dpupr' });
    const created = await postForm(app, '/api/reports', toFormData(validReport(), [{ bytes: await jpegWithGps(), filename: 'a.jpg', type: 'image/jpeg' }]));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const photo = (await app.deps.store.getReport(created.body.publicId))?.photos[0];
    assert.ok(photo);
    const res = await request(app.app).get(`/api/desk/media/${photo.id}.jpg`).set('Cookie', officer.cookie).expect(200);
    assert.equal(res.headers['content-type'], 'image/jpeg');
    assert.equal(res.headers['content-security-policy'], "default-src 'none'; sandbox");
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  it('pages, JSON and the built script are gzipped when the browser accepts it, and assets are cached a year', async () => {
    const page = await request(app.app).get('/lapor/pupuk').set('Accept-Encoding', 'gzip').expect(200);
    assert.equal(page.headers['content-encoding'], 'gzip');
    const script = /<script type="module" src="(\/assets\/main-[\w-]+\.js)"/.exec(page.text)?.[1];
    assert.ok(script, 'the page names its built script');
    const asset = await request(app.app).get(script).set('Accept-Encoding', 'gzip').expect(200);
    assert.equal(asset.headers['content-encoding'], 'gzip');
    assert.match(String(asset.headers['content-type']), /javascript/);
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(asset.headers['content-security-policy'], undefined, 'a policy means nothing on a script; its bytes are saved');
    const meta = await request(app.app).get('/api/meta').set('Accept-Encoding', 'gzip').expect(200);
    assert.equal(meta.headers['content-encoding'], 'gzip');
    const plain = await request(app.app).get('/lapor/pupuk').set('Accept-Encoding', 'identity').expect(200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.text, /name="details\[kioskName\]"/);
  });

  it('a path outside the built files is not served from them', async () => {
    for (const path of ['/assets/..%2F..%2Fpackage.json', '/assets/%2e%2e/sw.js', '/assets/%ZZ', '/assets/']) {
      const res = await request(app.app).get(path);
      assert.ok([400, 404].includes(res.status), `${path}: ${res.status}`);
      assert.doesNotMatch(res.text, /"name": "suara-warga"/);
    }
  });
});
