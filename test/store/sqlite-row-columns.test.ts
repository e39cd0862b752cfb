// The SQLite threads pass long lists of like rows as columns (server/store/sqlite/row-columns.ts):
// what arrives must be the rows that were sent, whatever they hold, and anything else must
// cross untouched.
import assert from 'node:assert/strict';
import { fromRowColumns, packRows, toRowColumns, unpackRows } from '../../server/store/sqlite/row-columns.ts';

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
    assert.equal(toRowColumns(rows.slice(0, 5)), null, 'few rows');
    assert.equal(toRowColumns([...rows.slice(1), { publicId: 'X' }]), null, 'one row of another shape');
    const reordered = rows.map((r, i) => (i === 7 ? { lat: r.lat, publicId: r.publicId, confidential: r.confidential, excerpt: r.excerpt, pupuk: r.pupuk } : r));
    assert.equal(toRowColumns(reordered), null, 'same keys in another order');
    assert.equal(toRowColumns(rows.map((r, i) => (i === 3 ? new Map(Object.entries(r)) : r))), null, 'not a plain object');
    assert.equal(toRowColumns(Array.from({ length: 40 }, (_, i) => i)), null, 'numbers');
    assert.equal(toRowColumns({ items: rows }), null, 'an object holding rows');
  });

  it('sends a field that every row shares once, and rebuilds it in every row', () => {
    const deltas = Array.from({ length: 31 }, (_, i) => ({ kind: 'readmodel', bucket: `2026-12-${i}`, kecamatan: '33.16.05', confidential: false, nothing: null, value: i % 2 }));
    const columns = toRowColumns(deltas);
    assert.ok(columns);
    assert.deepEqual(columns.columns.map((c) => c !== null), [false, true, false, false, false, true], 'only the fields that differ go as columns');
    assert.deepEqual(fromRowColumns(structuredClone(columns)), deltas);
  });

  it('finds the lists inside a call (a commit\'s counter deltas), leaves what it was given unchanged, and rebuilds the same message', () => {
    const deltas = rows.slice(0, 31).map((r) => ({ kind: 'readmodel', name: r.publicId, value: 1 }));
    const change = { report: { publicId: 'R1', photos: [] }, event: { seq: 0 }, derived: deltas };
    const args = [[change, { ...change, derived: [] }], { limit: 5 }];
    const before = structuredClone(args);
    const { value, packed } = packRows(args);
    assert.deepEqual(packed, [[0, 0, 'derived']]);
    assert.deepEqual(args, before, 'the caller\'s objects are not touched');
    assert.equal(Reflect.get(args[0], 0), change, 'nor replaced');
    assert.deepEqual(unpackRows(structuredClone(value), packed), args);
  });

  it('packs a reply that is itself a list, or holds one, and walks no deeper than a commit needs', () => {
    const whole = packRows(rows);
    assert.deepEqual(whole.packed, [[]]);
    assert.deepEqual(unpackRows(structuredClone(whole.value), whole.packed), rows);
    const page = { items: rows, total: 40 };
    const held = packRows(page);
    assert.deepEqual(held.packed, [['items']]);
    assert.deepEqual(unpackRows(structuredClone(held.value), held.packed), page);
    const deep = { a: { b: { c: { d: rows } } } };
    assert.deepEqual(packRows(deep), { value: deep, packed: [] });
  });
});
