// The DCAT-US 1.1 validator: the copied schemas (./schemas/dcat-us-1.1, see NOTICE.md) loaded
// into ajv. They are draft-04 (`id`); ajv 8 reads draft-07, so `id` becomes `$id` and `$schema`
// is dropped on load; the files themselves stay as published.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';

const DIR = new URL('./schemas/dcat-us-1.1/', import.meta.url);

function toDraft07(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toDraft07);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).flatMap(([key, value]) => {
    if (key === '$schema') return [];
    if (key === 'id' && typeof value === 'string') return [['$id', value]];
    return [[key, toDraft07(value)]];
  }));
}

function load(file: string): object {
  const schema = toDraft07(JSON.parse(readFileSync(new URL(file, DIR), 'utf8')));
  if (schema === null || typeof schema !== 'object') throw new Error(`${file} is not a schema`);
  return schema;
}

export function dcatUsValidator(): ValidateFunction {
  // strict off: the published schema puts minItems/uniqueItems inside `items`, which strict mode
  // refuses. No `u` flag: its patterns escape characters (\_ \~ \!) that unicode regexps reject;
  // draft-04 validators (ECMA 262 without `u`) read them as the characters themselves.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  ajv.addSchema(load('dataset-non-federal.json'));
  return ajv.compile(load('catalog.json'));
}
