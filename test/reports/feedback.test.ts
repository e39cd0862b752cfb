import { hashTrackingCode } from '../../server/reports/tracking-code.ts';
import assert from 'node:assert/strict';
import type { Report } from '../../shared/types.ts';
import { changeReport } from '../../server/reports/change-report.ts';
import { getJson, postJson } from '../helpers/http.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { validReport } from './report-bodies.ts';

// Resolved on Monday 2026-11-02 09:00 WIB; with no holidays in November 2026 the
// 10-working-day reopen window ends at the end of Monday 2026-11-16 (WIB).
const RESOLVED_AT = new Date('2026-11-02T02:00:00Z');
const WINDOW_ENDS = '2026-11-16T16:59:59.999Z';

describe('when a citizen rates or reopens a report', () => {
  let app: RunningApp;
  let now = new Date('2026-10-30T03:00:00Z');
  before(async () => { app = await startApp({}, { clock: () => now }); });
  after(async () => { await app.close(); });

  async function submit(): Promise<string> {
    now = new Date('2026-10-30T03:00:00Z');
    const res = await postJson(app, '/api/reports', validReport({ confidential: false }));
    assert.equal(res.status, 201);
    return res.body.code;
  }

  /** The officer's resolution, written through the real store as the desk will write it. */
  async function resolve(code: string): Promise<void> {
    const at = RESOLVED_AT.toISOString();
    const { publicId } = (await app.deps.store.getReportByCodeHash(hashTrackingCode(code)))!;
    await changeReport(app.deps, publicId, { kind: 'user', name: 'Petugas DPUPR' }, (report) => ({
      before: report, after: { ...report, status: 'resolved', resolvedAt: at, updatedAt: at, dueAt: null } satisfies Report,
      type: 'report.resolved', data: { note: 'Lubang sudah ditambal.' },
    }));
  }

  const feedback = (code: string, body: Record<string, unknown>) => postJson(app, `/api/reports/${code}/feedback`, body);

  it('refuses a rating before the report is resolved with 409 feedback_not_allowed', async () => {
    const code = await submit();

    const res = await feedback(code, { rating: 5 });

    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'feedback_not_allowed');
    assert.equal(res.body.error.message, 'Penilaian hanya bisa diberikan setelah laporan selesai.');
  });

  it('refuses a reopen before the report is resolved too', async () => {
    const code = await submit();

    const res = await feedback(code, { reopen: true, reason: 'Belum dikerjakan' });

    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'feedback_not_allowed');
  });

  for (const rating of [0, 6, 2.5, 'lima']) {
    it(`refuses rating ${JSON.stringify(rating)} with 422 invalid_rating`, async () => {
      const code = await submit();
      await resolve(code);

      const res = await feedback(code, { rating });

      assert.equal(res.status, 422);
      assert.equal(res.body.error.fieldCodes.rating, 'invalid_rating');
      assert.equal(res.body.error.fields.rating, 'Beri nilai 1 sampai 5.');
    });
  }

  it('accepts a rating of 1–5 once after resolution; the second is refused with 409', async () => {
    const code = await submit();
    await resolve(code);
    now = new Date('2026-11-03T03:00:00Z');

    const first = await feedback(code, { rating: 4, comment: 'Cepat ditangani, terima kasih.' });
    const second = await feedback(code, { rating: 1 });

    assert.equal(first.status, 200);
    assert.deepEqual(first.body.feedback, { rating: 4, comment: 'Cepat ditangani, terima kasih.', at: '2026-11-03T03:00:00.000Z' });
    assert.equal(first.body.canGiveFeedback, false);
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, 'feedback_already_given');
    assert.equal((await app.deps.store.getReportByCodeHash(hashTrackingCode(code)))?.feedback?.rating, 4);
  });

  it('of three ratings sent at once, one is kept and the others are told it was already given', async () => {
    const code = await submit();
    await resolve(code);
    now = new Date('2026-11-03T03:00:00Z');

    const responses = await Promise.all([5, 3, 1].map((rating) => feedback(code, { rating })));

    assert.deepEqual(responses.map((r) => r.status).sort(), [200, 409, 409]);
    assert.ok(responses.filter((r) => r.status === 409).every((r) => r.body.error.code === 'feedback_already_given'));
    const { publicId } = (await app.deps.store.getReportByCodeHash(hashTrackingCode(code)))!;
    assert.equal((await app.deps.store.eventsOfReport(publicId)).filter((e) => e.type === 'report.feedback').length, 1);
  });

  it('shows a resolved report as open to feedback and reopenable until the end of the 10th working day', async () => {
    const code = await submit();
    await resolve(code);
    now = new Date('2026-11-05T03:00:00Z');

    const view = await getJson(app, `/api/reports/${code}`);

    assert.equal(view.body.canGiveFeedback, true);
    assert.equal(view.body.canReopenUntil, WINDOW_ENDS);
  });

  it('requires a reason to reopen', async () => {
    const code = await submit();
    await resolve(code);

    const res = await feedback(code, { reopen: true });

    assert.equal(res.status, 422);
    assert.equal(res.body.error.fieldCodes.reason, 'reopen_reason_required');
  });

  it('reopens within 10 working days: back to in_progress with the reason on the timeline', async () => {
    const code = await submit();
    await resolve(code);
    now = new Date('2026-11-16T09:00:00Z'); // Monday 16:00 WIB, the last day of the window

    const res = await feedback(code, { reopen: true, reason: 'Lubangnya muncul lagi setelah hujan.' });

    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'in_progress');
    assert.deepEqual(res.body.timeline.at(-1), { type: 'report.reopened', at: now.toISOString(), status: 'in_progress', message: 'Lubangnya muncul lagi setelah hujan.' });
    const stored = await app.deps.store.getReportByCodeHash(hashTrackingCode(code));
    assert.equal(stored?.status, 'in_progress');
    assert.equal(stored?.resolvedAt, null);
    assert.ok(stored?.followUpDueAt && stored.followUpDueAt > now.toISOString());
  });

  it('refuses a reopen after the window with 409 reopen_window_closed and leaves the report resolved', async () => {
    const code = await submit();
    await resolve(code);
    now = new Date('2026-11-16T17:00:00Z'); // Tuesday 00:00 WIB, just past the window

    const res = await feedback(code, { reopen: true, reason: 'Masih rusak.' });

    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'reopen_window_closed');
    assert.equal((await app.deps.store.getReportByCodeHash(hashTrackingCode(code)))?.status, 'resolved');
    assert.equal((await getJson(app, `/api/reports/${code}`)).body.canReopenUntil, null);
  });

  it('answers feedback on an unknown code with 404', async () => {
    const res = await feedback('2345-6789-ABCD', { rating: 5 });

    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'report_not_found');
  });
});
