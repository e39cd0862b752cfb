import assert from 'node:assert/strict';
import { checkPrice, hetOn } from '../../shared/reference/fertiliser.ts';

describe('the HET price check (Kepmentan 1117/2025 from 2025-10-22, Kepmentan 644/2024 before)', () => {
  const urea = { type: 'urea' as const, quantity: 1, unit: 'kg' as const, priceUnit: 'kg' as const };

  it('urea bought on 2025-10-21 at Rp2.300/kg is judged against the old HET Rp2.250: Rp50 over', () => {
    assert.deepEqual(checkPrice({ ...urea, date: '2025-10-21', price: 2300 }), { pricePerKg: 2300, hetPerKg: 2250, overHetPerKg: 50, overHetPercent: 2.2 });
  });

  it('urea bought on 2025-10-22 at Rp2.300/kg is judged against the new HET Rp1.800: Rp500 over', () => {
    assert.deepEqual(checkPrice({ ...urea, date: '2025-10-22', price: 2300 }), { pricePerKg: 2300, hetPerKg: 1800, overHetPerKg: 500, overHetPercent: 27.8 });
  });

  it('a price per 50 kg bag is divided by the bag weight', () => {
    const check = checkPrice({ type: 'urea', date: '2025-11-01', quantity: 3, unit: 'bag', price: 115_000, priceUnit: 'bag' });

    assert.equal(check?.pricePerKg, 2300);
    assert.equal(check?.overHetPerKg, 500);
  });

  it('a total for two bags is divided by 100 kg', () => {
    assert.equal(checkPrice({ type: 'urea', date: '2025-11-01', quantity: 2, unit: 'bag', price: 230_000, priceUnit: 'total' })?.pricePerKg, 2300);
  });

  it('a total for 10 kg is divided by 10', () => {
    assert.equal(checkPrice({ type: 'urea', date: '2025-11-01', quantity: 10, unit: 'kg', price: 23_000, priceUnit: 'total' })?.pricePerKg, 2300);
  });

  it('organik comes in 40 kg bags', () => {
    const check = checkPrice({ type: 'organik', date: '2025-11-01', quantity: 1, unit: 'bag', price: 32_000, priceUnit: 'bag' });

    assert.deepEqual(check, { pricePerKg: 800, hetPerKg: 640, overHetPerKg: 160, overHetPercent: 25 });
  });

  it('a price at or under the HET is not over', () => {
    assert.deepEqual(checkPrice({ ...urea, date: '2025-11-01', price: 1750 }), { pricePerKg: 1750, hetPerKg: 1800, overHetPerKg: 0, overHetPercent: 0 });
  });

  it('non-subsidised fertiliser has no HET, so nothing is over', () => {
    assert.deepEqual(checkPrice({ type: 'lainnya', date: '2025-11-01', quantity: 1, unit: 'kg', price: 9000, priceUnit: 'kg' }),
      { pricePerKg: 9000, hetPerKg: null, overHetPerKg: 0, overHetPercent: 0 });
    assert.equal(hetOn('lainnya', '2025-11-01'), null);
  });

  it('a total for zero quantity cannot be turned into a price per kg', () => {
    assert.equal(checkPrice({ type: 'urea', date: '2025-11-01', quantity: 0, unit: 'kg', price: 23_000, priceUnit: 'total' }), null);
  });

  it('names the decree in force on each side of the change', () => {
    assert.match(hetOn('urea', '2025-10-21')!.decree, /644\/2024/);
    assert.match(hetOn('urea', '2025-10-22')!.decree, /1117/);
  });
});
