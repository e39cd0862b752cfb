// The few Graph API calls the hotline makes, against WHATSAPP_API_BASE (tests: a local fake).
import type { WhatsAppConfig } from '../../config.ts';

export class GraphApiError extends Error {
  constructor(readonly status: number, readonly body: string) { super(`Graph API ${status}: ${body.slice(0, 300)}`); }
}

/** A failure worth trying again later: the Graph API answering 5xx or 429, or not answering at all. */
export function isTransientFailure(err: unknown): boolean {
  if (err instanceof GraphApiError) return err.status >= 500 || err.status === 429;
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError' || (err instanceof TypeError && /fetch failed/.test(err.message)));
}

export interface MediaInfo { url: string; mimeType: string; fileSize: number | null }

const TIMEOUT_MS = 15_000;

export class GraphClient {
  constructor(private readonly config: WhatsAppConfig) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Authorization: `Bearer ${this.config.accessToken}`, ...extra };
  }

  /** POST /{phone-number-id}/messages; the id of the message sent (a reply's `context.id` names it). */
  async send(body: Record<string, unknown>, timeoutMs = TIMEOUT_MS): Promise<string | null> {
    const res = await fetch(`${this.config.apiBase}/${this.config.phoneNumberId}/messages`, {
      method: 'POST', headers: this.headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new GraphApiError(res.status, text);
    const parsed: unknown = JSON.parse(text);
    const messages = parsed && typeof parsed === 'object' && 'messages' in parsed && Array.isArray(parsed.messages) ? parsed.messages : [];
    const first: unknown = messages[0];
    return first && typeof first === 'object' && 'id' in first && typeof first.id === 'string' ? first.id : null;
  }

  /** GET /{media-id}: a short-lived download URL and what the file is. */
  async mediaInfo(mediaId: string): Promise<MediaInfo> {
    const res = await fetch(`${this.config.apiBase}/${encodeURIComponent(mediaId)}`, { headers: this.headers(), signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await res.text();
    if (!res.ok) throw new GraphApiError(res.status, text);
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || !('url' in parsed) || typeof parsed.url !== 'string') throw new GraphApiError(res.status, text);
    const mimeType = 'mime_type' in parsed && typeof parsed.mime_type === 'string' ? parsed.mime_type : '';
    const fileSize = 'file_size' in parsed && typeof parsed.file_size === 'number' ? parsed.file_size : null;
    return { url: parsed.url, mimeType, fileSize };
  }

  /** Downloads a media URL (with the token, as Meta requires), refusing more than maxBytes. */
  async download(url: string, maxBytes: number): Promise<Buffer | 'too_large'> {
    const res = await fetch(url, { headers: this.headers(), signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok || !res.body) throw new GraphApiError(res.status, await res.text());
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += chunk.byteLength;
      if (size > maxBytes) return 'too_large';
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  }
}
