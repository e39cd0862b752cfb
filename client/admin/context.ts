// What every section of the back office draws with: the signed-in user and the reference data.
import type { DeskUser } from '../../shared/desk.ts';
import type { Agency, Category, Region } from '../../shared/types.ts';
import { api, ApiError, apiWithHeaders } from '../desk/api.ts';
import { T as TEXT } from './text.ts';

const T_ERROR = TEXT.errorGeneric;
const T_STALE = TEXT.staleReload;
import { h } from '../desk/dom.ts';

export interface AdminContext {
  user: DeskUser;
  region: Region;
  categories: Category[];
  agencies: Agency[];
  /** Reads the agencies again (after one was added or changed). */
  reloadAgencies(): Promise<void>;
  agencyName(id: string | null): string;
  kecamatanName(code: string | null): string;
}

export async function loadContext(user: DeskUser): Promise<AdminContext> {
  const [meta, desk] = await Promise.all([
    api<{ region: Region; categories: Category[] }>('/api/meta'),
    api<{ agencies: Agency[] }>('/api/desk/meta'),
  ]);
  const ctx: AdminContext = {
    user, region: meta.region, categories: meta.categories, agencies: desk.agencies,
    async reloadAgencies() { ctx.agencies = (await api<{ agencies: Agency[] }>('/api/desk/meta')).agencies; },
    agencyName: (id) => (id ? ctx.agencies.find((a) => a.id === id)?.name ?? id : ''),
    kecamatanName: (code) => (code ? meta.region.kecamatan.find((k) => k.code === code)?.name ?? code : ''),
  };
  return ctx;
}

/** A <select> of value → label, with `value` chosen. */
export function select(id: string, options: [string, string][], value: string, attrs: Record<string, string> = {}): HTMLSelectElement {
  const el = h('select', { id, ...attrs });
  for (const [v, label] of options) el.append(h('option', { value: v, selected: v === value }, label));
  return el;
}

export function field(label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'desk-field' }, h('label', { for: control.id }, label), control);
}

/** A status line under a form: the server's message (naming what is wrong) or "saved". */
export function statusLine(id: string): { el: HTMLElement; ok(text: string): void; fail(text: string): void; clear(): void } {
  const el = h('p', { id, role: 'status', class: 'admin-status' });
  return {
    el,
    ok(text) { el.className = 'admin-status ok'; el.textContent = text; },
    fail(text) { el.className = 'admin-status desk-error'; el.textContent = text; },
    clear() { el.className = 'admin-status'; el.textContent = ''; },
  };
}

/** The server's message, and what it says of each field, as one sentence for the status line. */
export function errorText(err: unknown, fallback: string): string {
  if (!(err instanceof ApiError)) return fallback;
  const fields = Object.values(err.fields).filter((m) => m !== err.message);
  return [err.message, ...fields].join(' ');
}

/**
 * A settings table edited as a whole: `open` reads it into `body` (drawing it with `draw`) and
 * keeps its ETag; `save` sends a new one with If-Match and reports on `status`, saying to reload
 * when someone else changed it meanwhile (412).
 */
export function etagTable<T>(path: string, body: HTMLElement, status: ReturnType<typeof statusLine>) {
  let etag = '';
  return {
    open(draw: (table: T) => void): void {
      void apiWithHeaders<T>(path).then((res) => {
        etag = res.headers.get('etag') ?? '';
        draw(res.body);
      }, (err: unknown) => body.replaceChildren(h('p', { class: 'desk-error' }, errorText(err, T_ERROR))));
    },
    async save(next: unknown, savedText: string): Promise<T | null> {
      status.clear();
      try {
        const res = await apiWithHeaders<T>(path, { method: 'PUT', body: next, headers: { 'If-Match': etag } });
        etag = res.headers.get('etag') ?? '';
        status.ok(savedText);
        return res.body;
      } catch (err) {
        status.fail(`${errorText(err, T_ERROR)}${err instanceof ApiError && err.status === 412 ? ` ${T_STALE}` : ''}`);
        return null;
      }
    },
  };
}
