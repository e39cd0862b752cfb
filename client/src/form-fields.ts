// The form's values as [name, value] pairs (what a plain post would send), and back.
export type Pairs = [string, string][];

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function controls(form: HTMLFormElement): Control[] {
  return [...form.elements].filter((el): el is Control => el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement);
}

export function readPairs(form: HTMLFormElement): Pairs {
  const pairs: Pairs = [];
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') pairs.push([name, value]);
  return pairs;
}

/** `details[problems][]` pairs → `{ details: { problems: [...] } }`, as multer builds it on the server. */
export function toRaw(pairs: Pairs): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const details: Record<string, unknown> = {};
  for (const [name, value] of pairs) {
    const m = /^details\[(\w+)\](\[\])?$/.exec(name);
    const target = m ? details : raw;
    const key = m ? m[1] : name;
    const isList = Boolean(m?.[2]);
    const prev = target[key];
    if (isList) target[key] = [...(Array.isArray(prev) ? prev : []), value];
    // A switch sends a hidden "false" then "true": the last value wins.
    else target[key] = value;
  }
  raw.details = details;
  return raw;
}

/** Restores a draft. Hidden fields other than the ones a script sets are left as served. */
export function writePairs(form: HTMLFormElement, pairs: Pairs): void {
  const byName = new Map<string, string[]>();
  for (const [name, value] of pairs) byName.set(name, [...(byName.get(name) ?? []), value]);
  for (const el of controls(form)) {
    const values = byName.get(el.name);
    if (!values || el.type === 'file') continue;
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) el.checked = values.includes(el.value);
    else if (el.type === 'hidden') {
      if (['lat', 'lng', 'clientId'].includes(el.name)) el.value = values[0];
    } else el.value = values[0];
  }
}

/** Each switch posts a hidden "false" then its "true"; the API wants one value, the last. */
export function collapseSwitches(pairs: Pairs, names: readonly string[] = ['anonymous', 'notifyConsent', 'confidential']): Pairs {
  return pairs.filter(([name], i) => !names.includes(name) || !pairs.slice(i + 1).some(([later]) => later === name));
}
