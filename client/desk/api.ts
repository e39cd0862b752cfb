// JSON over fetch with the session cookie. Browsers send Origin on same-origin POSTs, which
// is what the server's CSRF check (server/auth/csrf.ts) wants; nothing else is needed.
import type { ApiErrorBody } from '../../shared/types.ts';
import { TEXT } from './text.ts';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly fields: Record<string, string> = {}) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'network', TEXT.errorGeneric);
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const error = (body as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, error?.code ?? 'http_error', error?.message ?? TEXT.errorGeneric, error?.fields ?? {});
  }
  return body as T;
}
