// Tracking codes are read aloud over the phone and typed on cheap keyboards, so the alphabet
// leaves out 0/O, 1/I/L and U (confused with V); 30 symbols × 12 characters ≈ 58.9 bits.
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;

export function formatCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

/** Accepts lower case, spaces and missing dashes; null when the input cannot be a code. */
export function normaliseCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== CODE_LENGTH) return null;
  for (const ch of compact) if (!CODE_ALPHABET.includes(ch)) return null;
  return formatCode(compact);
}
