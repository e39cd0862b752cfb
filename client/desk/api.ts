// JSON over fetch with the session cookie. Browsers send Origin on same-origin POSTs, which
// is what the server's CSRF check (server/auth/csrf.ts) wants; nothing else is needed.
import type { ApiErrorBody } from '../../shared/types.ts';
import { TEXT } from './text.ts';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly fields: Record<string, string> = {}) {
    super(message);
  }
}

export interface ApiInit { method?: 'GET' | 'POST' | 'PUT' | 'PATCH'; body?: unknown; headers?: Record<string, string> }

export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  return (await apiWithHeaders<T>(path, init)).body;
}

/** The same, with the response headers (the back office reads ETag and sends it back as If-Match). */
export async function apiWithHeaders<T>(path: string, init: ApiInit = {}): Promise<{ body: T; headers: Headers }> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'network', TEXT.errorGeneric);
  }
  if (res.status === 204) return { body: undefined as T, headers: res.headers };
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const error = (body as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, error?.code ?? 'http_error', error?.message ?? TEXT.errorGeneric, error?.fields ?? {});
  }
  return { body: body as T, headers: res.headers };
}
