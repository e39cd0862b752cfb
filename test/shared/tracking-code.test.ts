import assert from 'node:assert/strict';
import { CODE_ALPHABET, normaliseCode } from '../../shared/tracking-code.ts';
import { generateTrackingCode } from '../../server/reports/tracking-code.ts';

describe('tracking codes', () => {
  const FORMAT = new RegExp(`^[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`);

  it('are XXXX-XXXX-XXXX from the alphabet without 0/O, 1/I/L and U', () => {
    assert.equal(CODE_ALPHABET.length, 30);
    for (const ch of '01OILU') assert.ok(!CODE_ALPHABET.includes(ch), ch);
    for (let i = 0; i < 200; i += 1) assert.match(generateTrackingCode(), FORMAT);
  });

  it('are unique across 1000 generated', () => {
    const codes = new Set(Array.from({ length: 1000 }, generateTrackingCode));

    assert.equal(codes.size, 1000);
  });

  it('use every symbol of the alphabet (no bias to a subset)', () => {
    const seen = new Set(Array.from({ length: 1000 }, generateTrackingCode).join('').replaceAll('-', ''));

    assert.equal(seen.size, CODE_ALPHABET.length);
  });

  for (const typed of ['abcd-efgh-jkmn', 'ABCDEFGHJKMN', 'abcd efgh jkmn', ' AbCd-EfGh-JkMn ']) {
    it(`reads "${typed}" as ABCD-EFGH-JKMN`, () => {
      assert.equal(normaliseCode(typed), 'ABCD-EFGH-JKMN');
    });
  }

  for (const [why, typed] of [
    ['a zero', 'ABCD-EFGH-JKM0'], ['the letter O', 'ABCD-EFGH-JKMO'], ['a one', '1BCD-EFGH-JKMN'], ['the letter I', 'IBCD-EFGH-JKMN'],
    ['the letter L', 'LBCD-EFGH-JKMN'], ['the letter U', 'UBCD-EFGH-JKMN'], ['one character short', 'ABCD-EFGH-JKM'],
    ['one character too many', 'ABCD-EFGH-JKMNP'], ['punctuation', 'ABCD/EFGH/JKMN'], ['nothing', ''],
  ]) {
    it(`rejects a code with ${why}`, () => {
      assert.equal(normaliseCode(typed), null);
    });
  }
});
