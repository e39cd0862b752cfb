import assert from 'node:assert/strict';
import { postJson } from '../helpers/http.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { pupukReport, reportOf } from './report-bodies.ts';

// The routing table as the issue states it, written out literally so a change to
// shared/reference/categories.ts has to be deliberate.
const EXPECTED: [category: string, agencyId: string, body: () => Record<string, unknown>][] = [
  ['pupuk', 'satgas-pupuk', () => pupukReport()],
  ['jalan', 'dpupr', () => reportOf('jalan')],
  ['aspirasi', 'dinkominfo', () => reportOf('aspirasi', { details: { topic: 'Lampu jalan', session: 'Ngopi Bareng' } })],
  ['kesehatan', 'dinkes', () => reportOf('kesehatan')],
  ['pendidikan', 'disdik', () => reportOf('pendidikan')],
  ['sosial', 'dinsos-p3a', () => reportOf('sosial')],
  ['perizinan', 'dpmptsp', () => reportOf('perizinan')],
  ['peternakan', 'dinakkan', () => reportOf('peternakan')],
  ['lainnya', 'dinkominfo', () => reportOf('lainnya')],
];

describe('when a report is submitted, it is routed to the agency of its category', () => {
  let app: RunningApp;
  const events: { agencyId: string; rooms: string[] }[] = [];
  before(async () => {
    app = await startApp();
    app.deps.bus.subscribe((e) => events.push({ agencyId: e.summary.agencyId, rooms: e.rooms }));
  });
  after(async () => { await app.close(); });

  for (const [category, agencyId, body] of EXPECTED) {
    it(`a ${category} report goes to ${agencyId}, and only that agency's desk room hears of it`, async () => {
      const res = await postJson(app, '/api/reports', body());

      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.category, category);
      assert.equal(res.body.agency.id, agencyId);
      assert.equal((await app.deps.store.getReport(res.body.publicId))?.agencyId, agencyId);
      const event = events.at(-1)!;
      assert.deepEqual(event.rooms.filter((r) => r.startsWith('agency:')), [`agency:${agencyId}`]);
    });
  }

  it('the table covers every category the form offers', async () => {
    const { CATEGORY_IDS } = await import('../../shared/reference/categories.ts');

    assert.deepEqual(EXPECTED.map(([c]) => c).sort(), [...CATEGORY_IDS].sort());
  });
});
