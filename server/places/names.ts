// "Which desa did they mean by this name": tolerant matching of typed kecamatan and desa names
// (a WhatsApp message, an SMS, Open311's address_string, a back-office search). Pure functions.
//
// A name and a text are compared by a key: lower case without accents or punctuation, the
// words "desa", "kelurahan", "ds.", "kec." … dropped, old spellings brought to today's
// (Van Ophuijsen/Soewandi: oe → u, dj → j, tj → c, nj → ny, sj → sy, ch → kh; Javanese dh/th
// → d/t), doubled letters made single and spaces removed, so "Ds. Sumber Rejo", "SUMBERREJO"
// and "sumberejo" all read "sumberejo". What differs after that is counted as edits
// (Damerau–Levenshtein, a swap of two letters being one edit), and the score is
// 1 − edits / length of the longer key.

/** Words that say what kind of place follows, never part of the name itself. */
const PLACE_WORDS = new Set([
  'desa', 'ds', 'dsa', 'kelurahan', 'kel', 'kalurahan', 'kecamatan', 'kec', 'kac', 'kab', 'kabupaten',
  'kota', 'di', 'dari', 'ke', 'wilayah', 'daerah', 'kampung', 'kp',
]);

const SPELLING: readonly [RegExp, string][] = [
  [/oe/g, 'u'], [/dj/g, 'j'], [/tj/g, 'c'], [/nj/g, 'ny'], [/sj/g, 'sy'], [/ch/g, 'kh'], [/dh/g, 'd'], [/th/g, 't'],
];

/** Longest text looked at; a message is cut there, so matching stays cheap whatever arrives. */
export const MAX_MATCH_TEXT = 200;
/** Below this score a name is not offered as a candidate. */
export const MIN_SCORE = 0.7;
/** Words looked at together: enough for the longest Blora name written in parts ("Tempel Lemah Bang"). */
const MAX_SPAN_WORDS = 3;

/** The words of a text as matching compares them (lower case, no accents, no punctuation, no place words). */
export function placeWords(text: string): string[] {
  return text.slice(0, MAX_MATCH_TEXT).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .split(/[^a-z0-9]+/).filter((w) => w !== '' && !PLACE_WORDS.has(w));
}

/** The key before doubled letters are made single: spelling brought up to date, no spaces. */
export function spelledKey(text: string | readonly string[]): string {
  let key = (typeof text === 'string' ? placeWords(text) : text).join('');
  for (const [from, to] of SPELLING) key = key.replace(from, to);
  return key;
}

/** The comparison key of a name or of some words: spelling brought up to date, no doubled letters, no spaces. */
export function placeKey(text: string | readonly string[]): string {
  return spelledKey(text).replace(/(.)\1+/g, '$1');
}

/** Both keys of a name: doubled letters single (Sumberrejo = Sumberejo), and as spelled (a typo "Genng" is one edit from Geneng, not two). */
export interface NameKeys { key: string; spelled: string }

export function nameKeys(text: string | readonly string[]): NameKeys {
  const spelled = spelledKey(text);
  return { key: spelled.replace(/(.)\1+/g, '$1'), spelled };
}

// Rows of the edit-distance table, reused: matching one text compares it with every name.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2));
  let [before, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) best = Math.min(best, before[j - 2] + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

export function keyScore(query: string, name: string): number {
  if (!query || !name) return 0;
  return 1 - editDistance(query, name) / Math.max(query.length, name.length);
}

/**
 * keyScore, or 0 without computing it when the lengths alone keep it below MIN_SCORE (each
 * letter of length difference is an edit): most names are skipped this way.
 */
function boundedScore(query: string, name: string): number {
  const longer = Math.max(query.length, name.length);
  if (Math.abs(query.length - name.length) > (1 - MIN_SCORE) * longer) return 0;
  return keyScore(query, name);
}

/** A run of consecutive words of the text, as keys, with where it lies (for overlap checks). */
export interface Span extends NameKeys { from: number; to: number }

/** Every run of 1 to 3 consecutive words, longest first; a key shorter than 3 letters is no name. */
export function spansOf(words: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (let size = Math.min(MAX_SPAN_WORDS, words.length); size >= 1; size--) {
    for (let from = 0; from + size <= words.length; from++) {
      const keys = nameKeys(words.slice(from, from + size));
      if (keys.key.length >= 3) spans.push({ ...keys, from, to: from + size });
    }
  }
  return spans;
}

/** Share of the score that depends on how much of the text the name accounts for. */
const COVERAGE_WEIGHT = 0.1;

/**
 * The best span of the text for one name key. A span's score is its key's similarity to the
 * name, a little less when it is only part of the text (of `wordCount` words), so that
 * "Sumber Rejo" means Sumberejo before Sumber, and a sentence scores below the bare name.
 */
export function bestSpan(spans: readonly Span[], name: NameKeys, wordCount: number): { score: number; span: Span | null } {
  let best: { score: number; span: Span | null } = { score: 0, span: null };
  for (const span of spans) {
    const single = boundedScore(span.key, name.key);
    // The spelled keys differ only where a doubled letter was: most names and texts have none.
    const similarity = span.spelled === span.key && name.spelled === name.key ? single : Math.max(single, boundedScore(span.spelled, name.spelled));
    if (similarity === 0) continue;
    const coverage = Math.min(1, (span.to - span.from) / Math.max(1, wordCount));
    const score = similarity * (1 - COVERAGE_WEIGHT + COVERAGE_WEIGHT * coverage);
    if (score > best.score) best = { score, span };
  }
  return best;
}
