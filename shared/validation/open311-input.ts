// Open311 GeoReport v2 input (server/open311/): the partner's form posts and query strings, as
// valibot schemas. Field names are the spec's (snake_case); what they become in a report is the
// Open311 service's job (server/open311/service.ts), checked there by the report's own schema.
import * as v from 'valibot';
import type { MessageCode } from '../messages.ts';
import { text } from './fields.ts';

/** A partner's name, as the desk shows it beside each report it sent. */
export const ApiKeyNameSchema = v.pipe(text({ min: 2, max: 100, tooShort: 'required', tooLong: 'text_too_long' }), v.check((n) => !/[\u0000-\u001f\u007f]/.test(n), 'invalid_value' satisfies MessageCode));
