import { randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH, formatCode } from '../../shared/tracking-code.ts';

/** A fresh tracking code from the OS's CSPRNG: about 59 bits, unguessable. */
export function generateTrackingCode(): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return formatCode(raw);
}
