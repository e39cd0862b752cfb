// The SQLite threads pass long lists of like rows as columns (server/store/sqlite/row-columns.ts):
// what arrives must be the rows that were sent, whatever they hold, and anything else must
// cross untouched.
import assert from 'node:assert/strict';
import { fromRowColumns, toRowColumns } from '../../server/store/sqlite/row-columns.ts';

const rows = Array.from({ length: 40 }, (_, i) => ({
  publicId: `R${i}`, lat: i % 3 ? -7 - i / 100 : null, confidential: i % 2 === 0, excerpt: i === 5 ? undefined : `teks ${i}`,
  pupuk: i % 4 ? null : { problems: ['stok_kosong'], pricePerKg: 2500 + i },
}));

describe('rows between the SQLite threads, as columns', () => {
  it('arrives as the very rows sent, after a structured clone (nulls, undefined, nested objects, key order)', () => {
    const columns = toRowColumns(rows);
    assert.ok(columns, 'forty like rows go as columns');
    const arrived = fromRowColumns(structuredClone(columns));
    assert.deepEqual(arrived, rows);
    assert.deepEqual(arrived.map((r) => Object.keys(r)), rows.map((r) => Object.keys(r)));
    assert.equal(Object.getPrototypeOf(arrived[0]), Object.prototype);
  });

  it('leaves short lists, mixed shapes and anything not a list of plain objects as they are', () => {
    assert.equal(toRowColumns(rows.slice(0, 10)), null, 'few rows');
    assert.equal(toRowColumns([...rows.slice(1), { publicId: 'X' }]), null, 'one row of another shape');
    const reordered = rows.map((r, i) => (i === 7 ? { lat: r.lat, publicId: r.publicId, confidential: r.confidential, excerpt: r.excerpt, pupuk: r.pupuk } : r));
    assert.equal(toRowColumns(reordered), null, 'same keys in another order');
    assert.equal(toRowColumns(rows.map((r, i) => (i === 3 ? new Map(Object.entries(r)) : r))), null, 'not a plain object');
    assert.equal(toRowColumns(Array.from({ length: 40 }, (_, i) => i)), null, 'numbers');
    assert.equal(toRowColumns({ items: rows }), null, 'an object holding rows');
  });
});
