import type * as v from 'valibot';
import { checkWith } from '../../shared/validation/schema.ts';
import { AppError } from '../errors.ts';

/**
 * A body or query checked by its schema (shared/validation/), typed by it. A mismatch is a 422
 * naming each bad field (dotted path) with the message code the schema gave, `invalid_value`
 * where it gave none. For the webhooks, Open311 and the back office as much as the forms.
 */
export function parseInput<S extends v.GenericSchema>(schema: S, raw: unknown, status = 422): v.InferOutput<S> {
  const result = checkWith(schema, raw);
  if (result.ok) return result.value;
  throw new AppError('validation_failed', { status, fields: result.fields });
}
