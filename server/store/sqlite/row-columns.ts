// A store's lists (pins, scans, counter rows) cross between the SQLite threads as columns: one
// array per field instead of thousands of objects. Structured clone writes and rebuilds every
// object key by key: 2,000 scanned points (with excerpts, as first measured at 1M reports) took
// about 5 ms to cross, as a few arrays about 2.5 (the query itself 6); the rows are rebuilt on
// arrival as sent.

/** Rows of one shape, by column: `columns[i][r]` is field `keys[i]` of row `r`. */
export interface RowColumns { keys: string[]; columns: unknown[][] }

/** Below this many rows, the objects cross as they are (nothing to gain). */
const MIN_ROWS = 32;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** The columns of `value` when it is a long array of plain objects with the same keys in the same order, else null. */
export function toRowColumns(value: unknown): RowColumns | null {
  if (!Array.isArray(value) || value.length < MIN_ROWS || !value.every(isPlainObject)) return null;
  const keys = Object.keys(value[0]);
  const sameShape = value.every((row) => {
    const own = Object.keys(row);
    return own.length === keys.length && own.every((key, i) => key === keys[i]);
  });
  if (!sameShape) return null;
  return { keys, columns: keys.map((key) => value.map((row) => row[key])) };
}

/** The rows again: plain objects with the keys in their order. */
export function fromRowColumns({ keys, columns }: RowColumns): Record<string, unknown>[] {
  const count = columns[0]?.length ?? 0;
  const rows = new Array<Record<string, unknown>>(count);
  for (let r = 0; r < count; r++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) row[keys[k]] = columns[k][r];
    rows[r] = row;
  }
  return rows;
}
