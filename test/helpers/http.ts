import type { RunningApp } from './start-app.ts';

export interface JsonResponse<T = any> { status: number; headers: Headers; body: T }

async function read<T>(res: Response): Promise<JsonResponse<T>> {
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON: keep the text */ }
  return { status: res.status, headers: res.headers, body: body as T };
}

export async function getJson<T = any>(app: Pick<RunningApp, 'baseUrl'>, path: string, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
  return read<T>(await fetch(`${app.baseUrl}${path}`, { headers }));
}

export async function postJson<T = any>(app: Pick<RunningApp, 'baseUrl'>, path: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
  return read<T>(await fetch(`${app.baseUrl}${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body),
  }));
}

export async function postRaw<T = any>(app: RunningApp, path: string, body: string, contentType: string): Promise<JsonResponse<T>> {
  return read<T>(await fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': contentType }, body }));
}

export interface FilePart { bytes: Buffer; filename: string; type: string }

/**
 * The form as a browser's multipart post sends it: nested values under bracket names
 * (`details[fertiliserType]`, `details[problems][]`), every value a string, files in `photos`.
 */
export function toFormData(body: Record<string, unknown>, files: FilePart[] = [], fileField = 'photos'): FormData {
  const form = new FormData();
  const add = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((v) => form.append(`${name}[]`, String(v)));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) add(`${name}[${k}]`, v);
    else form.append(name, String(value));
  };
  for (const [key, value] of Object.entries(body)) add(key, value);
  for (const file of files) form.append(fileField, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.filename);
  return form;
}

export async function postForm<T = any>(app: RunningApp, path: string, form: FormData, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
  return read<T>(await fetch(`${app.baseUrl}${path}`, { method: 'POST', body: form, headers }));
}
