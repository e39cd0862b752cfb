// One way out for every report: it is written to the outbox first, then sent from there.
// A failure leaves it in the outbox to be retried (online event, backoff timer, next page
// load), always with the same clientId, so the server creates it exactly once.
import { deleteEntry, listEntries, type OutboxEntry } from './outbox.ts';

export interface Receipt { code: string; verifyDueAt: string; trackingUrl: string }

export type SendResult =
  | { kind: 'sent'; receipt: Receipt }
  | { kind: 'rejected'; code: string; params: Record<string, string | number>; fieldCodes: Record<string, string> }
  | { kind: 'retry'; reason: 'network' | 'server'; afterMs?: number };

/** The server's error answer; codes it sends that this script does not know read as a generic message. */
interface ErrorResponse { error?: { code?: string; fieldCodes?: Record<string, string> } }

export interface OutboxHooks {
  onProgress(entry: OutboxEntry, fraction: number): void;
  onSent(entry: OutboxEntry, receipt: Receipt): void;
  onRejected(entry: OutboxEntry, result: Extract<SendResult, { kind: 'rejected' }>): void;
  onWaiting(pending: OutboxEntry[], reason: 'network' | 'server'): void;
}

const UPLOAD_TIMEOUT_MS = 180_000;
const MAX_BACKOFF_MS = 300_000;

function formDataOf(entry: OutboxEntry): FormData {
  const data = new FormData();
  for (const [name, value] of entry.pairs) if (name !== 'photos') data.append(name, value);
  entry.photos.forEach((blob, i) => data.append('photos', blob, `foto-${i + 1}.jpg`));
  return data;
}

/** XHR rather than fetch: only XHR reports upload progress, which matters on a slow line. */
export function sendEntry(entry: OutboxEntry, onProgress: (fraction: number) => void): Promise<SendResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reports');
    xhr.timeout = UPLOAD_TIMEOUT_MS;
    xhr.setRequestHeader('Idempotency-Key', entry.clientId);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    const retry = () => resolve({ kind: 'retry', reason: 'network' });
    xhr.onerror = retry;
    xhr.ontimeout = retry;
    xhr.onabort = retry;
    xhr.onload = () => {
      let body: unknown = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* a proxy's HTML error page */ }
      if (xhr.status === 200 || xhr.status === 201) return resolve({ kind: 'sent', receipt: body as Receipt });
      const retryAfter = Number(xhr.getResponseHeader('Retry-After'));
      if (xhr.status === 429) return resolve({ kind: 'retry', reason: 'server', afterMs: (retryAfter || 60) * 1000 });
      if (xhr.status >= 400 && xhr.status < 500 && xhr.status !== 408) {
        const err = (body as ErrorResponse | null)?.error;
        return resolve({ kind: 'rejected', code: err?.code ?? 'validation_failed', params: {}, fieldCodes: err?.fieldCodes ?? {} });
      }
      resolve({ kind: 'retry', reason: 'server' });
    };
    xhr.send(formDataOf(entry));
  });
}

let hooks: OutboxHooks | null = null;
let flushing = false;
let again = false;
let attempt = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(afterMs?: number): void {
  clearTimeout(timer);
  const delay = afterMs ?? Math.min(MAX_BACKOFF_MS, 5000 * 2 ** attempt);
  attempt += 1;
  timer = setTimeout(() => void flushOutbox(), delay);
}

export async function flushOutbox(): Promise<void> {
  if (!hooks) return;
  if (flushing) {
    again = true;
    return;
  }
  flushing = true;
  try {
    pass: do {
      again = false;
      const entries = await listEntries();
      for (const entry of entries) {
        const result = await sendEntry(entry, (f) => hooks?.onProgress(entry, f));
        if (result.kind === 'retry') {
          hooks.onWaiting(entries, result.reason);
          // The network came back while this attempt was failing: try again now, not after the backoff.
          if (again && navigator.onLine) continue pass;
          schedule(result.afterMs);
          return;
        }
        await deleteEntry(entry.clientId);
        if (result.kind === 'sent') hooks.onSent(entry, result.receipt);
        else hooks.onRejected(entry, result);
      }
      attempt = 0;
    } while (again);
  } catch {
    // IndexedDB unavailable or failing: try again later rather than lose the report.
    schedule();
  } finally {
    flushing = false;
  }
}

export function startOutbox(h: OutboxHooks): void {
  hooks = h;
  window.addEventListener('online', () => {
    attempt = 0;
    void flushOutbox();
  });
  void flushOutbox();
}
