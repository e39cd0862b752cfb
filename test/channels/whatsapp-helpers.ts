// Drives the real webhook as Meta does: payloads shaped as the Cloud API's messages webhook
// reference shows them, signed with the app secret, against a fake Graph API on port 0.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { FakeGraphApi, type SentMessage } from '../../server/channels/whatsapp/fake-graph-api.ts';
import { signatureOf } from '../../server/channels/whatsapp/signature.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

export const WA = {
  verifyToken: 'token-verifikasi-uji',
  appSecret: 'rahasia-aplikasi-meta-uji',
  accessToken: 'EAAG-token-uji',
  phoneNumberId: '106540352242922',
  displayPhone: '6281100000000',
};
export const SMS_SECRET = 'rahasia-smssync-uji-123';

export function channelEnv(fake: FakeGraphApi): Record<string, string> {
  return {
    WHATSAPP_VERIFY_TOKEN: WA.verifyToken, WHATSAPP_APP_SECRET: WA.appSecret, WHATSAPP_ACCESS_TOKEN: WA.accessToken,
    WHATSAPP_PHONE_NUMBER_ID: WA.phoneNumberId, WHATSAPP_API_BASE: fake.apiBase, SMS_SYNC_SECRET: SMS_SECRET, PUBLIC_URL: 'https://lapor.example.go.id',
  };
}

export async function startWithChannels(options: { dataDir?: string; clock?: () => Date; fake?: FakeGraphApi; env?: Record<string, string> } = {}): Promise<{ app: RunningApp; fake: FakeGraphApi }> {
  const fake = options.fake ?? new FakeGraphApi(WA.accessToken);
  if (!options.fake) await fake.listen();
  const app = await startApp({ ...channelEnv(fake), ...options.env }, { dataDir: options.dataDir, clock: options.clock });
  return { app, fake };
}

export type Sent =
  | { type: 'text'; text: string }
  | { type: 'choice'; id: string; title: string; list?: boolean }
  | { type: 'location'; lat: number; lng: number }
  | { type: 'image'; mediaId: string; mimeType?: string; caption?: string };

export interface From { phone?: string; userId?: string; name?: string }

export function wamid(): string {
  return `wamid.HBgL${randomBytes(18).toString('base64url')}`;
}

/** One message as it appears in `value.messages[]`. */
export function messageObject(from: From, sent: Sent, options: { id?: string; contextId?: string; timestamp?: number } = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    ...(from.phone ? { from: from.phone } : {}),
    ...(from.userId ? { from_user_id: from.userId } : {}),
    id: options.id ?? wamid(),
    timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
    ...(options.contextId ? { context: { from: WA.displayPhone, id: options.contextId } } : {}),
  };
  switch (sent.type) {
    case 'text': return { ...base, type: 'text', text: { body: sent.text } };
    case 'choice': return {
      ...base, type: 'interactive',
      interactive: sent.list
        ? { type: 'list_reply', list_reply: { id: sent.id, title: sent.title } }
        : { type: 'button_reply', button_reply: { id: sent.id, title: sent.title } },
    };
    case 'location': return { ...base, type: 'location', location: { latitude: sent.lat, longitude: sent.lng, name: 'Lokasi', address: '' } };
    case 'image': return { ...base, type: 'image', image: { id: sent.mediaId, mime_type: sent.mimeType ?? 'image/jpeg', sha256: 'x', ...(sent.caption ? { caption: sent.caption } : {}) } };
  }
}

/** The whole webhook body around some messages. */
export function webhookBody(from: From, messages: Record<string, unknown>[]): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [{
      id: '102290129340398',
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: WA.displayPhone, phone_number_id: WA.phoneNumberId },
          contacts: [{ profile: { name: from.name ?? 'Warga' }, ...(from.phone ? { wa_id: from.phone } : {}), ...(from.userId ? { user_id: from.userId } : {}) }],
          messages,
        },
      }],
    }],
  };
}

export async function postWebhook(app: RunningApp, body: unknown, signature: string | null = 'valid'): Promise<Response> {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (signature === 'valid') headers['X-Hub-Signature-256'] = signatureOf(WA.appSecret, raw);
  else if (signature !== null) headers['X-Hub-Signature-256'] = signature;
  return fetch(`${app.baseUrl}/webhooks/whatsapp`, { method: 'POST', headers, body: raw });
}

/** A citizen on WhatsApp: sends signed messages and collects what the hotline answered. */
export class Citizen {
  private cursor = 0;
  constructor(readonly app: RunningApp, readonly fake: FakeGraphApi, readonly from: From) {}

  private mine(m: SentMessage): boolean {
    return this.from.phone ? m.body.to === this.from.phone : m.body.recipient === this.from.userId;
  }

  /** Sends one message and returns every message the hotline sent this citizen in answer. */
  async send(sent: Sent, options: { contextId?: string | 'last'; id?: string; timestamp?: number } = {}): Promise<SentMessage[]> {
    const contextId = options.contextId === 'last' ? this.lastId() : options.contextId;
    const res = await postWebhook(this.app, webhookBody(this.from, [messageObject(this.from, sent, { ...options, contextId })]));
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    return this.replies();
  }

  /** Tapping a button or list row of the last question. */
  async tap(id: string, options: { contextId?: string } = {}): Promise<SentMessage[]> {
    const last = this.fake.sent.filter((m) => this.mine(m)).at(-1);
    const interactive = last?.body.interactive as { type?: string } | undefined;
    return this.send({ type: 'choice', id, title: id, list: interactive?.type === 'list' }, { contextId: options.contextId ?? last?.id });
  }

  /** What was sent to this citizen since the last look, once the inbox is processed. */
  async replies(): Promise<SentMessage[]> {
    await this.app.channels.worker.idle;
    const all = this.fake.sent.slice(this.cursor);
    this.cursor = this.fake.sent.length;
    return all.filter((m) => this.mine(m));
  }

  lastId(): string | undefined {
    return this.fake.sent.filter((m) => this.mine(m)).at(-1)?.id;
  }
}

/** The visible text of a sent message: a text body or an interactive body. */
export function textOf(m: SentMessage): string {
  const text = m.body.text as { body?: string } | undefined;
  const interactive = m.body.interactive as { body?: { text?: string } } | undefined;
  return text?.body ?? interactive?.body?.text ?? '';
}

export function optionIds(m: SentMessage | undefined): string[] {
  const interactive = m?.body.interactive as { type?: string; action?: { buttons?: { reply: { id: string } }[]; sections?: { rows: { id: string }[] }[] } } | undefined;
  if (!interactive?.action) return [];
  if (interactive.action.buttons) return interactive.action.buttons.map((b) => b.reply.id);
  return (interactive.action.sections ?? []).flatMap((s) => s.rows.map((r) => r.id));
}

/** One app with the channels on and its fake Graph API for the whole describe block. */
export function withChannelsApp(): { readonly app: RunningApp; readonly fake: FakeGraphApi } {
  let started: { app: RunningApp; fake: FakeGraphApi } | null = null;
  before(async () => { started = await startWithChannels(); });
  after(async () => {
    await started?.app.close();
    await started?.fake.close();
  });
  return {
    get app() { if (!started) throw new Error('not started'); return started.app; },
    get fake() { if (!started) throw new Error('not started'); return started.fake; },
  };
}

export function codeIn(text: string): string {
  const match = /[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(text);
  assert.ok(match, `a tracking code in: ${text}`);
  return match[0];
}
