/**
 * Normalises an Indonesian phone number to E.164 (+62…), or null when it cannot be one.
 * Accepts 08…, 628…, +62 8…, with spaces, dots and dashes, and landlines (0296…).
 */
export function normalisePhone(raw: string): string | null {
  const digits = raw.trim().replace(/[\s.\-()]/g, '');
  let national: string;
  if (/^\+62\d+$/.test(digits)) national = digits.slice(3);
  else if (/^62\d+$/.test(digits)) national = digits.slice(2);
  else if (/^0\d+$/.test(digits)) national = digits.slice(1);
  else return null;
  // Mobile numbers are 8xx with 9–12 digits after the 0; landlines start with an area code (2–9).
  if (!/^[2-9]\d{7,11}$/.test(national)) return null;
  return `+62${national}`;
}
