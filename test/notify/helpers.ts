// A reporter on each channel, and what they received: WhatsApp from the fake Graph API (matched
// by the outbox id sent as biz_opaque_callback_data), SMS from the gateway's task=send poll.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { FakeGraphApi, SentMessage } from '../../server/channels/whatsapp/fake-graph-api.ts';
import { hashTrackingCode } from '../../server/reports/tracking-code.ts';
import { Citizen, codeIn, SMS_SECRET, textOf } from '../channels/whatsapp-helpers.ts';
import { validReport } from '../helpers/fixtures.ts';
import type { RunningApp } from '../helpers/start-app.ts';
import { submitReport } from '../helpers/submit.ts';

export type Channel = 'whatsapp' | 'sms' | 'web';
export interface Reporter { channel: Channel; code: string; publicId: string; phone: string }

const LAPOR = 'LAPOR#JALAN#CEPU#BALUN#Jalan berlubang besar di depan SD';
let n = 0;

/** A distinct Indonesian mobile number per reporter. */
export function freshPhone(): string {
  n += 1;
  return `62812${String(Date.now() % 1e5).padStart(5, '0')}${String(n).padStart(3, '0')}`;
}

async function publicIdOf(app: RunningApp, code: string): Promise<string> {
  const report = await app.deps.store.getReportByCodeHash(hashTrackingCode(code));
  assert.ok(report, `a report with code ${code}`);
  return report.publicId;
}

export async function postSms(app: RunningApp, from: string, message: string): Promise<string> {
  const res = await fetch(`${app.baseUrl}/webhooks/sms`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ from, message, message_id: randomUUID(), secret: SMS_SECRET }),
  });
  const body = await res.json() as { payload: { messages: { message: string }[] } };
  return body.payload.messages[0].message;
}

/** A reporter who sent a report the way `channel` does; `at` is when their message was sent. */
export async function reporterOn(app: RunningApp, fake: FakeGraphApi, channel: Channel, at: Date, phone = freshPhone()): Promise<Reporter & { citizen?: Citizen }> {
  if (channel === 'whatsapp') {
    const citizen = new Citizen(app, fake, { phone, name: 'Warga' });
    const replies = await citizen.send({ type: 'text', text: LAPOR }, { timestamp: Math.floor(at.getTime() / 1000) });
    const code = codeIn(textOf(replies.at(-1)!));
    return { channel, code, publicId: await publicIdOf(app, code), phone, citizen };
  }
  if (channel === 'sms') {
    const code = codeIn(await postSms(app, `+${phone}`, LAPOR));
    return { channel, code, publicId: await publicIdOf(app, code), phone };
  }
  const { code, publicId } = await submitReport(app.baseUrl, validReport({ phone: `+${phone}`, notifyConsent: true, anonymous: true }));
  return { channel, code, publicId, phone };
}

/** WhatsApp messages sent for this report's outbox, once the sender has drained. */
export async function whatsappNotices(app: RunningApp, fake: FakeGraphApi, publicId: string): Promise<SentMessage[]> {
  await app.channels.notifier?.drained();
  return fake.sent.filter((m) => typeof m.body.biz_opaque_callback_data === 'string' && m.body.biz_opaque_callback_data.startsWith(`${publicId}.`));
}

export interface GatewaySms { to: string; message: string; uuid: string }

/** What the gateway phone fetches now (task=send). */
export async function pollSms(app: RunningApp): Promise<GatewaySms[]> {
  const res = await request(app.baseUrl).get('/webhooks/sms').query({ task: 'send', secret: SMS_SECRET }).expect(200);
  return res.body.payload.messages as GatewaySms[];
}

/** The phone confirms it queued these (task=sent); returns the uuids we acknowledged. */
export async function confirmSms(app: RunningApp, uuids: string[]): Promise<string[]> {
  const res = await request(app.baseUrl).post('/webhooks/sms').query({ task: 'sent', secret: SMS_SECRET }).send({ queued_messages: uuids }).expect(200);
  return res.body.message_uuids as string[];
}

export function templateParamsOf(m: SentMessage): string[] {
  const template = m.body.template as { components: { parameters: { text: string }[] }[] };
  return template.components[0].parameters.map((p) => p.text);
}
