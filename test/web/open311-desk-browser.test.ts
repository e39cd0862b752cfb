// An Open311 request on the desk in a real Chromium: where it came in and from which partner, how
// its place was found and what was typed, and the partner's media_url as a plain link — opening
// the report fetches nothing from it, neither the server nor the officer's browser.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { addUser, PASSWORD } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { json, makeKey, postForm, roadRequest, V2 } from '../open311/helpers.ts';
import { buildClientOnce, launchChromium } from './browser.ts';

describe('an Open311 request on the desk, in a browser', function () {
  this.timeout(180_000);
  let app: RunningApp;
  let browser: Browser;
  let media: Server;
  let hits = 0;

  before(async () => {
    await buildClientOnce();
    media = createServer((_req, res) => { hits += 1; res.end('x'); });
    await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', resolve));
    [app, browser] = await Promise.all([startApp({ MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' }), launchChromium()]);
    await addUser(app, 'jalan-311', 'officer', { agencyId: 'dpupr' });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await new Promise<void>((resolve) => media.close(() => resolve()));
  });

  it('shows the partner, the typed address it was placed by, and the media link without loading it', async () => {
    const { key } = await makeKey(app, 'Aplikasi Blora Satu');
    const mediaUrl = `http://127.0.0.1:${(media.address() as AddressInfo).port}/foto.jpg`;
    const answer = await postForm(app, `${V2}/requests.json`, roadRequest(key, { lat: undefined, long: undefined, address_string: 'Ds. Balun, Kec. Cepu', media_url: mediaUrl }));
    assert.equal(answer.status, 200, answer.text);
    const publicId = String(json(answer)[0].service_request_id);

    const context = await browser.newContext({ baseURL: app.baseUrl, locale: 'id-ID', viewport: { width: 1280, height: 800 } });
    try {
      const desk = await context.newPage();
      await desk.goto('/desk');
      await desk.fill('#login-username', 'jalan-311');
      await desk.fill('#login-password', PASSWORD);
      await desk.click('#login-form button[type=submit]');
      await desk.click(`#queue-list button[data-id="${publicId}"]`);
      await desk.waitForSelector(`#detail-code:text("${publicId}")`);
      const facts = await desk.textContent('#detail-facts') ?? '';
      assert.match(facts, /Masuk lewatOpen311/);
      assert.match(facts, /Mitra Open311Aplikasi Blora Satu/);
      assert.match(facts, /Lokasi darialamat yang diketik, dicocokkan ke nama desa — “Ds\. Balun, Kec\. Cepu”/);
      const link = await desk.$(`#detail-facts a[href="${mediaUrl}"]`);
      assert.ok(link, 'the media_url is a link');
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
      assert.equal(await desk.$(`img[src="${mediaUrl}"]`), null);
      assert.equal(hits, 0, 'neither the server nor the browser fetched the media_url');
    } finally {
      await context.close();
    }
  });
});
