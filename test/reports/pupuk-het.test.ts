import assert from 'node:assert/strict';
import { postJson } from '../helpers/http.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { pupukReport } from './report-bodies.ts';

describe('when a pupuk report names a price, the receipt shows the server\'s HET check', () => {
  let app: RunningApp;
  // 2025-11-10 10:00 WIB, after the HET change.
  before(async () => { app = await startApp({}, { clock: () => new Date('2025-11-10T03:00:00Z') }); });
  after(async () => { await app.close(); });

  async function detailsFor(details: Record<string, unknown>) {
    const res = await postJson(app, '/api/reports', pupukReport(details));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.details;
  }

  it('urea bought 2025-10-21 at Rp2.300/kg: HET Rp2.250, Rp50 over', async () => {
    const d = await detailsFor({ purchaseDate: '2025-10-21', price: 2300, priceUnit: 'kg' });

    assert.deepEqual([d.pricePerKg, d.hetPerKg, d.overHetPerKg], [2300, 2250, 50]);
  });

  it('urea bought 2025-10-22 at Rp2.300/kg: HET Rp1.800, Rp500 over', async () => {
    const d = await detailsFor({ purchaseDate: '2025-10-22', price: 2300, priceUnit: 'kg' });

    assert.deepEqual([d.pricePerKg, d.hetPerKg, d.overHetPerKg, d.overHetPercent], [2300, 1800, 500, 27.8]);
  });

  it('a price per bag and a total for two bags give the same price per kg', async () => {
    const perBag = await detailsFor({ purchaseDate: '2025-11-03', quantity: 2, unit: 'bag', price: 115_000, priceUnit: 'bag' });
    const total = await detailsFor({ purchaseDate: '2025-11-03', quantity: 2, unit: 'bag', price: 230_000, priceUnit: 'total' });

    assert.deepEqual([perBag.pricePerKg, perBag.overHetPerKg], [2300, 500]);
    assert.deepEqual([total.pricePerKg, total.overHetPerKg], [2300, 500]);
  });

  it('without a purchase date, the HET of the report day applies', async () => {
    const d = await detailsFor({ purchaseDate: undefined, quantity: 10, unit: 'kg', price: 23_000, priceUnit: 'total' });

    assert.deepEqual([d.pricePerKg, d.hetPerKg], [2300, 1800]);
  });

  it('non-subsidised fertiliser gets hetPerKg null and nothing over', async () => {
    const d = await detailsFor({ fertiliserType: 'lainnya', purchaseDate: '2025-11-03', price: 9000, priceUnit: 'kg' });

    assert.deepEqual([d.pricePerKg, d.hetPerKg, d.overHetPerKg], [9000, null, 0]);
  });

  it('ignores an HET the client claims and computes its own', async () => {
    const d = await detailsFor({ purchaseDate: '2025-11-03', price: 2300, priceUnit: 'kg', hetPerKg: 5000, overHetPerKg: 0 });

    assert.deepEqual([d.hetPerKg, d.overHetPerKg], [1800, 500]);
  });

  it('puts the amount over HET on the desk summary of the created event', async () => {
    const res = await postJson(app, '/api/reports', pupukReport({ purchaseDate: '2025-11-03', price: 2300, priceUnit: 'kg' }));

    const [event] = await app.deps.store.eventsOfReport(res.body.publicId);
    assert.equal(event.summary.overHetPerKg, 500);
  });
});
