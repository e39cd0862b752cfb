// OPEN311_RATE_LIMIT is counted per API key (its id), not per address: over it a key gets 429 in
// the spec's error list with Retry-After, another key and keyless GETs go on.
import assert from 'node:assert/strict';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { get, json, makeKey, postForm, readXml, roadRequest, V2 } from './helpers.ts';

describe('Open311 rate limit per key (OPEN311_RATE_LIMIT)', function () {
  this.timeout(60_000);
  let app: RunningApp;
  before(async () => { app = await startApp({ OPEN311_RATE_LIMIT: '2/1h' }); });
  after(() => app.close());

  it('answers the third request of a key within the window with 429, in the spec form, and leaves other keys and keyless reads alone', async () => {
    const { key } = await makeKey(app, 'Mitra Cepat');
    const { key: other } = await makeKey(app, 'Mitra Lain');
    assert.equal((await postForm(app, `${V2}/requests.json`, roadRequest(key))).status, 200);
    assert.equal((await get(app, `${V2}/requests.json?api_key=${key}`)).status, 200, 'a GET naming the key counts too');
    const before = await app.deps.store.lastSeq();
    const refused = await postForm(app, `${V2}/requests.json`, roadRequest(key));
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    const [error] = json(refused);
    assert.equal(error.code, 429);
    assert.match(error.description, /Terlalu banyak permintaan/);
    assert.equal(await app.deps.store.lastSeq(), before, 'nothing written');
    const asXml = await postForm(app, `${V2}/requests.xml`, roadRequest(key));
    assert.equal(asXml.status, 429);
    assert.ok(readXml(asXml.text).errors);
    assert.equal((await postForm(app, `${V2}/requests.json`, roadRequest(other))).status, 200, 'another key has its own budget');
    for (let i = 0; i < 4; i += 1) assert.equal((await get(app, `${V2}/requests.json`)).status, 200, 'reads without a key are not counted');
  });
});
