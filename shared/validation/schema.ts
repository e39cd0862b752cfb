// How every input is checked, in the browser and on the server: one valibot schema per input,
// whose issue messages are message codes (shared/messages.ts). `checkWith` turns the issues into
// the field → code map the forms and the API's `fieldCodes` show, first issue per field.
import * as v from 'valibot';
import type { MessageCode } from '../messages.ts';

export type FieldErrors = Record<string, MessageCode>;
export type ParseResult<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors };

/**
 * Our schemas name their messages by code (snake_case); valibot's own defaults are English
 * sentences. The shape is checked here, not the table, so the browser's form script does not
 * carry every server message (its page-weight budget): the browser reads codes through
 * shared/citizen-messages.ts, the server's message() falls back for a code it lacks, and
 * test/shared/message-codes.test.ts holds every code the schemas name to the table.
 */
const CODE_SHAPE = /^[a-z][a-z0-9_]*$/;
function isCodeShaped(value: string): value is MessageCode {
  return CODE_SHAPE.test(value);
}

/**
 * Issues → `{ 'details.price': 'invalid_number' }`. A message that is not a code (valibot's own
 * English default, for a case no schema named) becomes `invalid_value`; an issue about the
 * whole input is filed under `body`.
 */
export function fieldErrorsOf(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    fields[v.getDotPath(issue) ?? 'body'] ??= isCodeShaped(issue.message) ? issue.message : 'invalid_value';
  }
  return fields;
}

export function checkWith<S extends v.GenericSchema>(schema: S, raw: unknown): ParseResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, raw);
  return result.success ? { ok: true, value: result.output } : { ok: false, fields: fieldErrorsOf(result.issues) };
}
