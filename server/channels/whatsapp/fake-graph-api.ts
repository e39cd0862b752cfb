// A local stand-in for Meta's Graph API, shaped as the Cloud API documents it, for tests and
// for `npm run chat` (talk to the bot without a Meta account). Listens where it is told (port 0
// in tests), records every message sent, and serves media that a test or the chat added.
//   POST /{version}/{phone-number-id}/messages → { messaging_product, contacts: [{ input, wa_id }], messages: [{ id }] }
//   GET  /{version}/{media-id}                 → { messaging_product, url, mime_type, sha256, file_size, id }
//   GET  /media-download/{media-id}            → the bytes (the token required, as Meta's URLs do)
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentMessage {
  /** The wamid the fake answered with. */
  id: string;
  phoneNumberId: string;
  body: Record<string, unknown>;
}

interface Waiter { predicate: (m: SentMessage) => boolean; from: number; resolve: (m: SentMessage) => void }

function graphError(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type: 'OAuthException', code, fbtrace_id: 'fake' } }));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export class FakeGraphApi {
  readonly sent: SentMessage[] = [];
  private readonly media = new Map<string, { bytes: Buffer; mimeType: string }>();
  private readonly waiters: Waiter[] = [];
  private server: Server | null = null;
  private origin = '';
  /** Sends answer with this HTTP status instead (e.g. 500 to test a Graph outage); null: normal. */
  failSendsWith: number | null = null;
  /** The next sends that get no answer at all (the caller times out); nothing is sent. */
  hangNext = 0;
  /** The next sends answered with `failNextWith` (e.g. 503), then normal again. */
  failNext = 0;
  failNextWith = 503;
  /** Every send answers this much later (the benchmark's slow Graph API). */
  answerDelayMs = 0;
  /** Sends received, answered or not (sent[] holds only those that went out). */
  received = 0;
  /** While true, sends are held unanswered (and not yet sent) until releaseHeld(). */
  holdSends = false;
  private readonly held: { phoneNumberId: string; accept: () => void }[] = [];

  constructor(private readonly accessToken: string, private readonly version = 'v26.0') {}

  /** The WHATSAPP_API_BASE to give the server. */
  get apiBase(): string {
    return `${this.origin}/${this.version}`;
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => graphError(res, 500, 1, 'fake failed'));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    this.origin = `http://${host}:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Adds a media file as if a citizen had uploaded it; returns its media id. */
  addMedia(bytes: Buffer, mimeType: string): string {
    const id = String(10 ** 15 + Math.floor(Math.random() * 10 ** 15));
    this.media.set(id, { bytes, mimeType });
    return id;
  }

  /** Sends held now, by the phone number id they were sent from (tests tell processes apart by it). */
  heldFrom(phoneNumberId: string): number {
    return this.held.filter((h) => h.phoneNumberId === phoneNumberId).length;
  }

  /** Answers (and sends) every held message, and stops holding. */
  releaseHeld(): void {
    this.holdSends = false;
    for (const h of this.held.splice(0)) h.accept();
  }

  /** Resolves with the first message at index ≥ from that matches (already sent, or when it is). */
  waitFor(predicate: (m: SentMessage) => boolean, from = 0): Promise<SentMessage> {
    const found = this.sent.slice(from).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ predicate, from, resolve }));
  }

  private authorised(req: IncomingMessage): boolean {
    return req.headers.authorization === `Bearer ${this.accessToken}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const parts = url.pathname.split('/').filter(Boolean);
    if (!this.authorised(req)) return graphError(res, 401, 190, 'Invalid OAuth access token.');
    if (req.method === 'POST' && parts.length === 3 && parts[0] === this.version && parts[2] === 'messages') {
      return this.receive(parts[1], await readBody(req), res);
    }
    if (req.method === 'GET' && parts.length === 2 && parts[0] === this.version) {
      const file = this.media.get(parts[1]);
      if (!file) return graphError(res, 404, 100, 'Unsupported get request.');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({
        messaging_product: 'whatsapp', url: `${this.origin}/media-download/${parts[1]}`, mime_type: file.mimeType,
        sha256: createHash('sha256').update(file.bytes).digest('hex'), file_size: file.bytes.length, id: parts[1],
      }));
    }
    if (req.method === 'GET' && parts.length === 2 && parts[0] === 'media-download') {
      const file = this.media.get(parts[1]);
      if (!file) return graphError(res, 404, 100, 'Unsupported get request.');
      res.writeHead(200, { 'Content-Type': file.mimeType, 'Content-Length': file.bytes.length });
      return void res.end(file.bytes);
    }
    graphError(res, 400, 100, 'Unsupported request.');
  }

  private receive(phoneNumberId: string, text: string, res: ServerResponse): void {
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = Object.fromEntries(Object.entries(parsed));
    } catch {
      return graphError(res, 400, 100, 'Invalid JSON.');
    }
    if (body.messaging_product !== 'whatsapp') return graphError(res, 400, 100, '(#100) The parameter messaging_product is required.');
    if (body.recipient_type !== 'individual') return graphError(res, 400, 100, '(#100) The parameter recipient_type is required.');
    const to = typeof body.to === 'string' ? body.to : null;
    const recipient = typeof body.recipient === 'string' ? body.recipient : null;
    if (!to && !recipient) return graphError(res, 400, 100, '(#100) The parameter to is required.');
    this.received += 1;
    if (this.hangNext > 0) {
      this.hangNext -= 1;
      return; // no answer: the connection stays open until the caller gives up or the fake closes
    }
    if (this.failNext > 0) {
      this.failNext -= 1;
      return graphError(res, this.failNextWith, 2, 'Service temporarily unavailable');
    }
    if (this.failSendsWith) return graphError(res, this.failSendsWith, 2, 'Service temporarily unavailable');
    if (this.holdSends) return void this.held.push({ phoneNumberId, accept: () => this.accept(phoneNumberId, body, to, recipient, res) });
    if (this.answerDelayMs > 0) return void setTimeout(() => this.accept(phoneNumberId, body, to, recipient, res), this.answerDelayMs);
    this.accept(phoneNumberId, body, to, recipient, res);
  }

  private accept(phoneNumberId: string, body: Record<string, unknown>, to: string | null, recipient: string | null, res: ServerResponse): void {
    const message: SentMessage = { id: `wamid.FAKE${randomBytes(12).toString('hex').toUpperCase()}`, phoneNumberId, body };
    this.sent.push(message);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    // A send to a business-scoped user id comes back without wa_id.
    res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [to ? { input: to, wa_id: to } : { input: recipient, user_id: recipient }], messages: [{ id: message.id }] }));
    const index = this.sent.length - 1;
    for (const waiter of [...this.waiters]) {
      if (index >= waiter.from && waiter.predicate(message)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  }
}
