import * as v from 'valibot';
import { AppError } from '../errors.ts';

/** A body or query checked by its schema; a mismatch is a 422 naming each bad field (dotted path). */
export function parseInput<S extends v.GenericSchema>(schema: S, raw: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, raw);
  if (result.success) return result.output;
  const fields: Record<string, 'invalid_value'> = {};
  for (const issue of result.issues) fields[v.getDotPath(issue) ?? 'body'] = 'invalid_value';
  throw new AppError('validation_failed', { status: 422, fields });
}
