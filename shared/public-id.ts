// A report's public id names it everywhere anyone may look: desk URLs, the public pages, events,
// dukung, exports. Random, not a sequence, so gaps never reveal how many reports are confidential.
// Same alphabet as tracking codes (read aloud, typed on cheap keyboards), but 8 characters and no
// dashes: nothing that looks like a public id can ever be taken for a tracking code.
import { CODE_ALPHABET } from './tracking-code.ts';

export const PUBLIC_ID_LENGTH = 8;

/** Accepts lower case; null when the input cannot be a public id. */
export function normalisePublicId(input: string): string | null {
  const id = input.trim().toUpperCase();
  if (id.length !== PUBLIC_ID_LENGTH) return null;
  for (const ch of id) if (!CODE_ALPHABET.includes(ch)) return null;
  return id;
}
