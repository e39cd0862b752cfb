// What the citizen typed, keyed by the form's input names (`details[kioskName]`), so a form
// re-rendered after an error shows every value again.
export type FormValues = Record<string, string[]>;

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function formValuesFrom(body: unknown): FormValues {
  const values: FormValues = {};
  if (!body || typeof body !== 'object') return values;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'details' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [dk, dv] of Object.entries(value as Record<string, unknown>)) {
        const name = Array.isArray(dv) ? `details[${dk}][]` : `details[${dk}]`;
        values[name] = strings(dv);
      }
    } else {
      values[key] = strings(value);
    }
  }
  return values;
}

/** The schema names a bad field `details.kioskName`; the form calls it `details[kioskName]`. */
export function inputNameOf(field: string): string {
  // A bad photo is named `photos.2`; its message belongs under the one photo input.
  if (/^photos\.\d+$/.test(field)) return 'photos';
  return field.replace(/\.(\w+)/g, '[$1]');
}

const SWITCHES = ['anonymous', 'notifyConsent', 'confidential'] as const;

/**
 * A checkbox sends nothing when off, so each switch has a hidden "false" before it; the
 * browser then sends both, and the last value is what the citizen chose. What of name and
 * phone an anonymous report keeps is decided at intake, by the one rule (shared/anonymity.ts).
 */
export function normaliseFormPost(body: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(body && typeof body === 'object' ? (body as Record<string, unknown>) : {}) };
  nestBracketKeys(out);
  for (const key of SWITCHES) {
    const v = out[key];
    if (Array.isArray(v)) out[key] = v[v.length - 1];
  }
  return out;
}

/**
 * multer nests `details[x]` itself; a urlencoded post (parsed with extended: false) leaves
 * the brackets flat, so they are nested here and both encodings reach the schema alike.
 */
function nestBracketKeys(out: Record<string, unknown>): void {
  for (const key of Object.keys(out)) {
    const match = /^details\[(\w+)\](\[\])?$/.exec(key);
    if (!match) continue;
    const details = (out.details && typeof out.details === 'object' ? out.details : {}) as Record<string, unknown>;
    const value = out[key];
    details[match[1]] = match[2] && !Array.isArray(value) ? [value] : value;
    out.details = details;
    delete out[key];
  }
}
