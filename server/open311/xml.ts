// The GeoReport v2 documents in both formats. The spec's JSON is a mechanical mapping of its XML
// (the "Spark convention"): a list in JSON is a parent element whose children are named in the
// singular in XML (`service_requests` → `request`, `attributes` → `attribute`). One document
// model, two renderers, so the formats cannot drift apart.
//
// A small serializer instead of fast-xml-parser's XMLBuilder: that package is a dev dependency
// (the tests read our XML with it), the output here is five fixed shapes, and what matters is
// that every text is escaped and every character XML 1.0 forbids is dropped, which is ten lines.

export type DocValue = string | number | boolean | null | undefined | DocObject | DocValue[];
export interface DocObject { [field: string]: DocValue }

/** A document: its XML root element, and the JSON value (an array or an object) under it. */
export interface Document { root: string; body: DocObject | DocObject[] }

/** The child element of each list, by the list's name (the spec's examples). */
const ITEM_OF: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

/** Characters XML 1.0 does not allow at all (C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const NAME = /^[a-z_][a-z0-9_]*$/;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

function element(name: string, value: DocValue, indent: string): string {
  // Names come from this module's callers, never from input; checked all the same.
  if (!NAME.test(name)) throw new Error(`not an element name: ${name}`);
  if (value === undefined) return '';
  if (value === null || value === '') return `${indent}<${name}/>\n`;
  if (Array.isArray(value)) {
    const item = ITEM_OF[name];
    if (!item) throw new Error(`no item element for list ${name}`);
    return `${indent}<${name}>\n${value.map((v) => element(item, v, `${indent}  `)).join('')}${indent}</${name}>\n`;
  }
  if (typeof value === 'object') {
    return `${indent}<${name}>\n${Object.entries(value).map(([k, v]) => element(k, v, `${indent}  `)).join('')}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`;
}

export function toXml(doc: Document): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(doc.root, doc.body, '')}`;
}

/** The JSON form: the body itself, with undefined fields left out (JSON.stringify drops them). */
export function toJson(doc: Document): string {
  return JSON.stringify(doc.body);
}
