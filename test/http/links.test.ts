// Absolute links come from PUBLIC_URL only: a forged Host header never reaches a citizen's link.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startServer, stop } from '../helpers/processes.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { validReport } from '../reports/report-bodies.ts';

const EVIL = 'evil.example';

async function receiptOf(app: RunningApp): Promise<{ json: { trackingUrl: string; code: string; publicId: string }; page: string }> {
  const res = await request(app.baseUrl).post('/api/reports').set('Host', EVIL).send(validReport({ confidential: false })).expect(201);
  const page = await request(app.baseUrl).get(`/terkirim/${res.body.code}`).set('Host', EVIL).set('X-Forwarded-Host', EVIL).expect(200);
  return { json: res.body, page: page.text };
}

describe('absolute links', () => {
  it('with PUBLIC_URL unset, links point at http://localhost:<PORT>, never at the Host header', async () => {
    const app = await startApp({ PUBLIC_URL: '' });
    try {
      const { json, page } = await receiptOf(app);
      const base = `http://localhost:${app.deps.config.port}`;
      assert.equal(json.trackingUrl, `${base}/lacak/${json.code}`);
      assert.ok(!page.includes(EVIL), 'the receipt page (share link included) names the forged host');
      const share = decodeURIComponent(/id="wa-link" href="([^"]+)"/.exec(page)![1].replaceAll('&amp;', '&'));
      assert.ok(share.includes(`${base}/laporan/${json.publicId}`), share);
      // The Atom feed is cached and shared: its links must not follow a forged Host either.
      const feed = await request(app.baseUrl).get('/laporan.atom').set('Host', EVIL).expect(200);
      assert.ok(!feed.text.includes(EVIL), 'the feed names the forged host');
      assert.ok(feed.text.includes(`${base}/laporan/${json.publicId}`), 'the feed links the report from the configured base');
    } finally {
      await app.close();
    }
  });

  it('with PUBLIC_URL set, every link starts with it, whatever Host says', async () => {
    const app = await startApp({ PUBLIC_URL: 'https://suarawarga.blorakab.go.id/' });
    try {
      const { json, page } = await receiptOf(app);
      assert.equal(json.trackingUrl, `https://suarawarga.blorakab.go.id/lacak/${json.code}`);
      assert.ok(page.includes(encodeURIComponent(`https://suarawarga.blorakab.go.id/laporan/${json.publicId}`)));
      assert.ok(!page.includes(EVIL));
    } finally {
      await app.close();
    }
  });

  it('warns at start when PUBLIC_URL is unset that links will not work outside this machine, and not when it is set', async function () {
    this.timeout(120_000); // two server processes start here; a loaded CI machine is slow at that
    const dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-links-'));
    try {
      for (const [publicUrl, warned] of [['', true], ['https://suarawarga.blorakab.go.id', false]] as const) {
        const server = await startServer({ DATA_DIR: dataDir, PUBLIC_URL: publicUrl, ADMIN_PASSWORD: 'admin-awal-12345', OVERDUE_SWEEP_SECONDS: '0' });
        await stop(server);
        const output = server.output();
        assert.equal(/PUBLIC_URL belum diatur.*tidak akan bisa dibuka di luar mesin ini/.test(output), warned, output);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
