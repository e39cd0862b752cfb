// Lists of like rows (pins, scans, counter rows, a commit's counter deltas) cross between the
// SQLite threads as columns: one array per field instead of many objects, and a field with one
// value in every row only once. Structured clone writes and rebuilds every object key by key:
// 2,000 scanned points (with excerpts, as first measured at 1M reports) took about 5 ms to
// cross, as a few arrays about 2.5 (the query itself 6). An intake's commit carries 31 counter
// deltas that share their kecamatan, category, status and agency: the call took about 125 µs
// to clone on the event loop, packed about 10 to pack and 40-50 to clone (measured in process),
// of the 1.2-1.7 ms an intake costs there at this machine's slow hours. The rows are rebuilt
// on arrival as sent.

/**
 * Rows of one shape, by column: `columns[i][r]` is field `keys[i]` of row `r`, or, where
 * `columns[i]` is null, every row's field `keys[i]` is `same[i]`.
 */
export interface RowColumns { count: number; keys: string[]; columns: (unknown[] | null)[]; same: unknown[] }

/** Where a list sent as columns sits in a message: the keys and indexes leading to it. */
export type RowPath = (string | number)[];

/**
 * Below this many rows, the objects cross as they are. Low enough for a commit's 31 deltas;
 * where packing stops paying below that was not measured.
 */
const MIN_ROWS = 8;

/**
 * How deep lists are looked for: a commit's deltas sit in args → changes → a change →
 * derived; a scan's rows in the reply → items. Deeper lists, and the rows themselves, are not
 * searched, so a message of thousands of unlike rows costs a few checks, not a walk of each.
 */
const MAX_DEPTH = 3;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** The columns of `value` when it is a long enough array of plain objects with the same keys in the same order, else null. */
export function toRowColumns(value: unknown): RowColumns | null {
  if (!Array.isArray(value) || value.length < MIN_ROWS) return null;
  const first: unknown = value[0];
  if (!isPlainObject(first)) return null;
  const keys = Object.keys(first);
  // Loops, not every/map over Object.keys per row: this runs on the event loop for each commit.
  const rows: Record<string, unknown>[] = [];
  for (const row of value) {
    if (!isPlainObject(row)) return null;
    let i = 0;
    for (const key in row) if (key !== keys[i++]) return null;
    if (i !== keys.length) return null;
    rows.push(row);
  }
  const columns: (unknown[] | null)[] = [];
  const same: unknown[] = [];
  for (const key of keys) {
    const shared = first[key];
    let r = 1;
    while (r < rows.length && rows[r][key] === shared) r++;
    if (r === rows.length) {
      columns.push(null);
      same.push(shared);
    } else {
      // map, not new Array(n): a holey array is cloned element by element as an object's would be.
      columns.push(rows.map((row) => row[key]));
      same.push(null);
    }
  }
  return { count: rows.length, keys, columns, same };
}

/** The rows again: plain objects with the keys in their order. */
export function fromRowColumns({ count, keys, columns, same }: RowColumns): Record<string, unknown>[] {
  const rows = new Array<Record<string, unknown>>(count);
  for (let r = 0; r < count; r++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const column = columns[k];
      row[keys[k]] = column ? column[r] : same[k];
    }
    rows[r] = row;
  }
  return rows;
}

/**
 * `value` with its lists of like rows (at most MAX_DEPTH down) as columns, and where they are.
 * `value` itself is left as it is: what leads to a packed list is copied.
 */
export function packRows(value: unknown): { value: unknown; packed: RowPath[] } {
  const packed: RowPath[] = [];
  return { value: packAt(value, [], packed), packed };
}

// `path` is one stack for the whole walk (copied only for a list packed): the walk passes every
// field of a commit's report and event, and a new array per field cost more than the packing saved.
function packAt(value: unknown, path: RowPath, packed: RowPath[]): unknown {
  if (Array.isArray(value)) {
    const rows = toRowColumns(value);
    if (rows) {
      packed.push([...path]);
      return rows;
    }
    if (path.length >= MAX_DEPTH) return value;
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const next = packAt(value[i], path, packed);
      path.pop();
      if (next !== value[i]) (copy ??= [...value])[i] = next;
    }
    return copy ?? value;
  }
  if (path.length >= MAX_DEPTH || !isPlainObject(value)) return value;
  let copy: Record<string, unknown> | null = null;
  for (const key in value) {
    const item = value[key];
    if (typeof item !== 'object' || item === null) continue;
    path.push(key);
    const next = packAt(item, path, packed);
    path.pop();
    if (next !== item) (copy ??= { ...value })[key] = next;
  }
  return copy ?? value;
}

/** The message as packRows was given it (`value` has crossed threads and is changed in place). */
export function unpackRows(value: unknown, packed: readonly RowPath[]): unknown {
  let root = value;
  for (const path of packed) {
    if (path.length === 0) {
      root = rebuild(root);
      continue;
    }
    let parent: unknown = root;
    for (const step of path.slice(0, -1)) parent = Reflect.get(Object(parent), step);
    const last = path[path.length - 1];
    Reflect.set(Object(parent), last, rebuild(Reflect.get(Object(parent), last)));
  }
  return root;
}

function isRowColumns(value: unknown): value is RowColumns {
  return isPlainObject(value) && typeof value.count === 'number' && Array.isArray(value.keys) && Array.isArray(value.columns) && Array.isArray(value.same);
}

function rebuild(value: unknown): unknown {
  if (!isRowColumns(value)) throw new Error('a list sent as columns arrived in another form');
  return fromRowColumns(value);
}
