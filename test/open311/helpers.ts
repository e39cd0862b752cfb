// What the Open311 suites share: the spec's examples, an XML reader (fast-xml-parser, the test's
// own, not the server's serializer), element-path shapes to compare documents, keys and posts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cliActor } from '../../server/audit/entry.ts';
import { addApiKey } from '../../server/open311/keys.ts';
import type { RunningApp } from '../helpers/start-app.ts';

export const V2 = '/open311/v2';

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** The spec's JSON examples write codes as numbers with leading zeros (001), which JSON forbids: quoted, nothing else changed. */
export function readSpecJson(text: string): unknown {
  return JSON.parse(text.replace(/:\s*(0\d+)\s*([,}\n])/g, ':"$1"$2'));
}

/** Parses XML after checking it is well-formed (the validator names the line of any fault). */
export function readXml(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  assert.equal(valid, true, `well-formed XML: ${JSON.stringify(valid)}\n${text.slice(0, 400)}`);
  const parsed: unknown = new XMLParser({ ignoreDeclaration: true, parseTagValue: false, trimValues: true }).parse(text);
  assert.ok(parsed && typeof parsed === 'object');
  return parsed as Record<string, unknown>;
}

/** Every element path of an XML document (`service_requests/request/status`), repeated elements once. */
export function xmlShape(doc: unknown, prefix = ''): Set<string> {
  const paths = new Set<string>();
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v, path));
    paths.add(path);
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}/${k}`);
  };
  if (doc && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) walk(v, prefix ? `${prefix}/${k}` : k);
  return paths;
}

/** Every key path of a JSON value, arrays as `[]`. */
export function jsonShape(value: unknown, path = ''): Set<string> {
  const paths = new Set<string>();
  const walk = (v: unknown, p: string) => {
    paths.add(p);
    if (Array.isArray(v)) v.forEach((x) => walk(x, `${p}[]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${p}/${k}`);
  };
  walk(value, path);
  return paths;
}

export function sorted(set: Set<string>): string[] {
  return [...set].sort();
}

export async function makeKey(app: RunningApp, name = 'Aplikasi Blora Satu'): Promise<{ id: string; key: string }> {
  const { record, key } = await addApiKey(app.deps, name, cliActor());
  return { id: record.id, key };
}

export interface Answer { status: number; headers: Headers; text: string }

export async function get(app: RunningApp, path: string): Promise<Answer> {
  const res = await fetch(`${app.baseUrl}${path}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** A form post as the spec sends it; a list value repeats the name. */
export async function postForm(app: RunningApp, path: string, form: Record<string, string | string[] | undefined>): Promise<Answer> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const v of [value ?? []].flat()) body.append(name, v);
  const res = await fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: body.toString() });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export function json(answer: Pick<Answer, 'text'>): any {
  return JSON.parse(answer.text);
}

/** A point inside desa Gadon (33.16.05.2001), kecamatan Cepu, by the shipped boundaries. */
export const GADON = { lat: '-7.2045066', long: '111.537321' };

/** A valid road request: the least a partner must send. */
export function roadRequest(key: string, extra: Record<string, string | string[] | undefined> = {}): Record<string, string | string[] | undefined> {
  return {
    api_key: key, service_code: 'jalan', ...GADON,
    description: 'Jalan berlubang besar di depan balai desa, berbahaya untuk motor.',
    'attribute[damageType]': 'berlubang', 'attribute[severity]': '2',
    ...extra,
  };
}
