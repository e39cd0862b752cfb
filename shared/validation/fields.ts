// The field shapes every input schema is built from. A value may come as JSON (typed) or from a
// plain form post (every value a string, a checkbox "on", a repeated name an array), so each
// shape accepts both and coerces; a blank string counts as absent. Messages are message codes.
import * as v from 'valibot';
import type { MessageCode } from '../messages.ts';

export const SHORT_TEXT_MAX = 200;
const CHOICES_MAX = 50;

/**
 * The one list of words meaning yes and no, from JSON, a checkbox ("on"), a hidden input
 * ("0"/"1") or typed in Bahasa Indonesia.
 */
export const YES_WORDS: readonly string[] = ['true', 'on', '1', 'ya', 'yes'];
export const NO_WORDS: readonly string[] = ['false', 'off', '0', 'tidak', 'no'];

const isBlank = (x: unknown): boolean => x === undefined || x === null || (typeof x === 'string' && x.trim() === '');
const blankToUndefined = (x: unknown): unknown => (isBlank(x) ? undefined : x);

/** An object body: anything else (a string, an array, nothing) is read as an empty one. */
export function asRecord(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const record: Record<string, unknown> = {};
  for (const [key, val] of Object.entries(value)) record[key] = val;
  return record;
}

/** An object of fields: missing required keys say `required`, anything not an object is `{}`. */
export function fieldsOf<E extends v.ObjectEntries>(entries: E) {
  return v.pipe(v.unknown(), v.transform(asRecord), v.object(entries, 'required' satisfies MessageCode));
}

/** A field that may be left out or blank. */
export function optional<S extends v.GenericSchema>(schema: S) {
  return v.optional(v.pipe(v.unknown(), v.transform(blankToUndefined), v.optional(schema)));
}

/** A field that may be left out or blank, then null (as stored). */
export function orNull<S extends v.GenericSchema>(schema: S) {
  return v.optional(v.pipe(v.unknown(), v.transform(blankToUndefined), v.optional(schema), v.transform((x) => x ?? null)), null);
}

/** A field that must be there and not blank; `missing` says so (left out, null or blank alike). */
export function required<S extends v.GenericSchema>(schema: S, missing: MessageCode = 'required') {
  // The default makes a left-out key run the pipe too, so it is named by `missing` as a blank one is.
  return v.optional(v.pipe(v.unknown(), v.transform(blankToUndefined), v.check((x) => x !== undefined, missing), schema), null);
}

/** Trimmed text of at most `max` characters (SHORT_TEXT_MAX unless said). */
export function text(o: { min?: number; max?: number; tooShort?: MessageCode; tooLong?: MessageCode } = {}) {
  return v.pipe(
    v.string('invalid_choice' satisfies MessageCode),
    v.trim(),
    v.minLength(o.min ?? 0, o.tooShort ?? 'required'),
    v.maxLength(o.max ?? SHORT_TEXT_MAX, o.tooLong ?? 'text_too_long'),
  );
}

/** A number, or a numeric string (a comma as the decimal mark, as typed in Indonesia). */
export function number(o: { min: number; max: number; integer?: boolean; invalid?: MessageCode }) {
  const invalid = o.invalid ?? 'invalid_number';
  return v.pipe(
    v.union([v.number(), v.string()], invalid),
    v.transform((x) => (typeof x === 'number' ? x : Number(x.trim().replace(',', '.')))),
    v.number(invalid),
    v.finite(invalid),
    v.minValue(o.min, invalid),
    v.maxValue(o.max, invalid),
    v.check((n) => !o.integer || Number.isInteger(n), invalid),
  );
}

/** One of `allowed`. */
export function choice<const T extends readonly string[]>(allowed: T, invalid: MessageCode = 'invalid_choice') {
  return v.picklist(allowed, invalid);
}

/** One or more of `allowed` (a single value counts as a list of one), without repeats. */
export function choices<const T extends readonly string[]>(allowed: T) {
  const known: readonly string[] = allowed;
  const isAllowed = (x: unknown): x is T[number] => typeof x === 'string' && known.includes(x);
  return v.pipe(
    v.unknown(),
    v.transform((x): unknown[] => (Array.isArray(x) ? x : [x])),
    v.check((list) => list.length > 0, 'required' satisfies MessageCode),
    // By index, so a hole in a sparse array counts as a bad entry; bounded, so a huge list costs nothing.
    v.check((list) => {
      if (list.length > CHOICES_MAX) return false;
      for (let i = 0; i < list.length; i += 1) if (!isAllowed(list[i])) return false;
      return true;
    }, 'invalid_choice' satisfies MessageCode),
    v.transform((list) => [...new Set(list.filter(isAllowed))]),
  );
}

/** Yes or no (YES_WORDS / NO_WORDS); of a repeated form name (hidden "0" + checkbox "on") the last counts. */
export function flag() {
  return v.pipe(
    v.unknown(),
    v.transform((x) => {
      const last = Array.isArray(x) ? x[x.length - 1] : x;
      if (typeof last !== 'string') return last;
      const word = last.trim().toLowerCase();
      return YES_WORDS.includes(word) ? true : NO_WORDS.includes(word) ? false : last;
    }),
    v.boolean('invalid_boolean' satisfies MessageCode),
  );
}

/** YYYY-MM-DD naming a day that exists (Date.parse alone rolls 2025-02-30 over to 2 March). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** Drops keys whose value is undefined, so a parsed value compares and stores like the input. */
export function dropUndefined<T extends object>(value: T): T {
  for (const [key, val] of Object.entries(value)) if (val === undefined) Reflect.deleteProperty(value, key);
  return value;
}
