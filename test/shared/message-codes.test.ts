// Every message code a schema names exists in the message table, and every code the form's
// script can meet is in the citizen table it carries (shared/validation/schema.ts says why the
// check is by shape at run time). A typo in a schema fails here, not as a generic message.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CITIZEN_MESSAGES } from '../../shared/citizen-messages.ts';
import { isMessageCode, message } from '../../shared/messages.ts';

const VALIDATION_DIR = join(import.meta.dirname, '../../shared/validation');

/** 'snake_code' given as a valibot message: the last argument of a call, optionally `satisfies MessageCode`. */
const MESSAGE_ARGUMENT = /(?<!literal)(?:\(|,)\s*'([a-z][a-z0-9_]*)'(?:\s+satisfies MessageCode)?\s*\)/g;

function codesNamedIn(file: string): string[] {
  return [...readFileSync(join(VALIDATION_DIR, file), 'utf8').matchAll(MESSAGE_ARGUMENT)].map((m) => m[1]);
}

describe('message codes', () => {
  const files = readdirSync(VALIDATION_DIR).filter((f) => f.endsWith('.ts'));

  it('every code a schema names is in the message table', () => {
    const named = files.flatMap((file) => codesNamedIn(file).map((code) => ({ file, code })));
    assert.ok(named.length > 30, `the scan found only ${named.length} codes: has the schemas' style changed?`);
    for (const { file, code } of named) assert.ok(isMessageCode(code), `${file} names '${code}', which shared/messages.ts lacks`);
  });

  it('every code the report form\'s own schema names is in the citizen table its script carries', () => {
    const named = ['report-input.ts', 'fields.ts', 'phone.ts', 'feedback-input.ts'].filter((f) => files.includes(f)).flatMap(codesNamedIn);
    assert.ok(named.length > 5);
    for (const code of named) assert.ok(Object.hasOwn(CITIZEN_MESSAGES, code), `'${code}' is missing from shared/citizen-messages.ts`);
  });

  it('a code the table lacks reads as "invalid value" instead of failing', () => {
    assert.equal(message('tidak_ada' as never), message('invalid_value'));
  });
});
