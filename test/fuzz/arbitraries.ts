// What an attacker sends, as fast-check arbitraries: broken %-escapes, odd Unicode, huge values,
// wrong JSON types, missing fields, malformed cookies.
import fc from 'fast-check';

/** Characters a raw HTTP path may carry as they are; anything else is %-encoded. */
function toRawPathPart(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x21 && code <= 0x7e && ch !== '?' && ch !== '#' && ch !== '/') out += ch;
    else out += [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

export const BROKEN_ESCAPES = ['%', '%%', '%ZZ', '%E0', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF%FE', '%00', '..%2F..%2Fpackage.json', '%2e%2e', '%u0041'];
const ODD_TEXT = ['', ' ', '\u0000', '\u202e', '\ufeff', '🇮🇩', 'ي', 'Ω≈ç√', '\ud83d', '<script>', "' OR 1=1 --", '$where', '__proto__', 'constructor', 'NaN', '-1', '1e309', '0x10'];

const oddString = fc.oneof(
  fc.constantFrom(...ODD_TEXT),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 1000, max: 5000 }).map((n) => 'A'.repeat(n)),
);
const isBroken = (v: string) => BROKEN_ESCAPES.includes(v);

/** One path segment: something plausible, broken escapes, odd Unicode, or a very long one. */
export function segment(plausible: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...plausible) },
    { weight: 3, arbitrary: fc.constantFrom(...BROKEN_ESCAPES) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...plausible), fc.constantFrom(...BROKEN_ESCAPES)).map(([a, b]) => `${a}${b}`) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(toRawPathPart) },
    { weight: 1, arbitrary: fc.integer({ min: 500, max: 6000 }).map((n) => 'Z'.repeat(n)) },
  );
}

const QUERY_NAMES = ['status', 'category', 'limit', 'q', 'overdue', 'bbox', 'lat', 'lng', 'desa', 'kecamatan', 'from', 'to', 'agency', 'agencyId',
  'cursor', 'before', 'level', 'next', 'kode', 'topic', 'ok', 'dukung', 'hub.mode', 'hub.verify_token', 'hub.challenge', 'task', 'secret', '__proto__'];

export const query: fc.Arbitrary<string> = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), fc.string({ maxLength: 8 })), fc.oneof(oddString, fc.constantFrom(...BROKEN_ESCAPES))),
  { maxLength: 5 },
).map((pairs) => pairs.map(([k, v]) => `${toRawPathPart(k)}=${isBroken(v) ? v : toRawPathPart(v.slice(0, 2000))}`).join('&'));

const FIELD_NAMES = ['category', 'description', 'kecamatan', 'desa', 'lat', 'lng', 'name', 'phone', 'anonymous', 'confidential', 'clientId', 'details',
  'type', 'note', 'reason', 'of', 'agencyId', 'userId', 'message', 'text', 'photoId', 'rating', 'comment', 'reopen', 'username', 'password', 'role',
  'title', 'startsAt', 'endsAt', 'mode', 'venue', 'link', 'facilitator', 'topic', 'consent', 'holidays', 'routes', 'overrides', 'categories',
  'reopenWorkingDays', 'afterSeq', 'sessionId', 'entry', 'object', '__proto__', 'constructor'];

/** A JSON value of the wrong type, or a huge one, or deeply nested. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  oddString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, [], {}, [[[[[]]]]]),
  fc.array(fc.constantFrom('stok_kosong', 'x', 1, null), { maxLength: 60 }),
);

/** A body: an object of known field names with wrong values, random JSON, or not JSON at all. */
export const body: fc.Arbitrary<{ type: string; text: string }> = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES), wrongValue, { maxKeys: 8 }).map((o) => ({ type: 'application/json', text: JSON.stringify(o) })) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => ({ type: 'application/json', text: JSON.stringify(v) ?? 'null' })) },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[1,2', 'null', '"', '\u0000', '{"__proto__":{"admin":true}}').map((text) => ({ type: 'application/json', text })) },
  { weight: 2, arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELD_NAMES, 'details[problems][]', 'details[problems][999999999]', 'details[a][b][c][d][e]', 'a[]', '[]'), fc.string({ maxLength: 6 })), fc.oneof(oddString, fc.constantFrom(...BROKEN_ESCAPES))), { maxLength: 8 })
    .map((pairs) => ({ type: 'application/x-www-form-urlencoded', text: pairs.map(([k, v]) => `${encodeURIComponent(k)}=${isBroken(v) ? v : encodeURIComponent(v.replace(/[\ud800-\udfff]/g, ''))}`).join('&') })) },
  { weight: 1, arbitrary: fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=x', 'text/plain', 'application/xml', 'application/json; charset=utf-7', 'application/x-www-form-urlencoded; charset=koi8-r')
    .chain((type) => fc.string({ maxLength: 200 }).map((text) => ({ type, text: type.includes('boundary=x') ? `--x\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\n\r\n${text}\r\n--x--` : text }))) },
  { weight: 1, arbitrary: fc.integer({ min: 70_000, max: 200_000 }).map((n) => ({ type: 'application/json', text: JSON.stringify({ description: 'a'.repeat(n) }) })) },
);

/** Cookies as a browser would never send them: broken escapes, odd values, repeats. */
export const cookieJunk: fc.Arbitrary<string> = fc.array(
  fc.tuple(fc.constantFrom('sw_session', 'sw_device', 'lang', 'x', ''), fc.oneof(fc.constantFrom(...BROKEN_ESCAPES, '"', '";', '=', '%E0.%ZZ', 'en', 'id'), fc.string({ maxLength: 30 }).map(toRawPathPart))),
  { minLength: 1, maxLength: 4 },
).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('; '));
