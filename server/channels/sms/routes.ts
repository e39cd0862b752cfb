// Ushahidi SMSSync's web service protocol on /webhooks/sms:
//   POST (form fields from, message, message_id, sent_to, secret, sent_timestamp, device_id) → an
//     incoming SMS; answered { payload: { success, error, task: 'send', secret, messages: [{ to, message, uuid }] } }
//     with the reply SMS inline.
//   GET  ?task=send  → the queued outgoing SMS:  { payload: { task: 'send', secret, messages } }
//   POST ?task=sent  { queued_messages: [uuid…] } → { message_uuids: [uuid…] } (those we had queued)
// Every call must carry SMS_SYNC_SECRET (field or query `secret`); without it nothing happens.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import * as v from 'valibot';
import { message as textOf } from '../../../shared/messages.ts';
import { checkWith } from '../../../shared/validation/schema.ts';
import type { Deps } from '../../deps.ts';
import { handleSmsMessage } from './handler.ts';
import { acknowledgeSms, claimSmsForGateway } from '../../notify/sms.ts';

const SMS_LEASE_MS = 60_000;
const SEND_BATCH = 20;

const IncomingSchema = v.looseObject({
  from: v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(32)),
  message: v.pipe(v.string(), v.maxLength(1600)),
  message_id: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  sent_to: v.optional(v.pipe(v.string(), v.maxLength(32))),
  sent_timestamp: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/))),
});

const SentSchema = v.looseObject({
  queued_messages: v.pipe(v.union([v.array(v.pipe(v.string(), v.maxLength(100))), v.pipe(v.string(), v.maxLength(100))]), v.transform((x) => (Array.isArray(x) ? x : [x])), v.maxLength(1000)),
});

function secretOf(req: Request): string | null {
  const fromBody: unknown = req.body && typeof req.body === 'object' && 'secret' in req.body ? req.body.secret : undefined;
  const value = typeof fromBody === 'string' ? fromBody : req.query.secret;
  return typeof value === 'string' ? value : null;
}

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(res: Response, status: number, code: 'invalid_secret' | 'invalid_webhook'): void {
  res.status(status).json({ payload: { success: false, error: textOf(code) }, error: { code, message: textOf(code) } });
}

/** SMSSync's timestamp is milliseconds since the epoch; without one, the time it reached us. */
function sentAtOf(timestamp: string | undefined, fallback: Date): string {
  const ms = timestamp ? Number(timestamp) : NaN;
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : fallback.toISOString();
}

export function smsRoutes(deps: Deps, secret: string): Router {
  const router = Router();
  const parse = [express.urlencoded({ extended: false, limit: deps.config.webhookMaxBodyBytes }), express.json({ limit: deps.config.webhookMaxBodyBytes })];

  router.get('/webhooks/sms', async (req, res) => {
    if (!sameSecret(secretOf(req), secret)) return refuse(res, 403, 'invalid_secret');
    if (req.query.task !== 'send') return void res.json({ payload: { success: true, error: null } });
    const queued = await deps.store.channels.pendingSms(SEND_BATCH);
    // Room left in the batch goes to status messages of the outbox (server/notify/sms.ts).
    const notices = queued.length < SEND_BATCH ? await claimSmsForGateway(deps, SEND_BATCH - queued.length) : [];
    const messages = [...queued.map((m) => ({ to: m.to, message: m.message, uuid: m.uuid })), ...notices];
    res.set('Cache-Control', 'no-store').json({ payload: { success: true, task: 'send', secret, messages } });
  });

  router.post('/webhooks/sms', ...parse, async (req, res) => {
    if (!sameSecret(secretOf(req), secret)) return refuse(res, 403, 'invalid_secret');
    if (req.query.task === 'sent') {
      const parsed = checkWith(SentSchema, req.body);
      if (!parsed.ok) return refuse(res, 400, 'invalid_webhook');
      const uuids = parsed.value.queued_messages;
      const confirmed = await deps.store.channels.confirmSms(uuids);
      return void res.json({ message_uuids: [...confirmed, ...await acknowledgeSms(deps, uuids.filter((u) => !confirmed.includes(u)))] });
    }
    if (req.query.task === 'result') return void res.json({ payload: { success: true, error: null } });
    const parsed = checkWith(IncomingSchema, req.body);
    if (!parsed.ok) return refuse(res, 400, 'invalid_webhook');
    const sms = parsed.value;
    const now = deps.clock();
    // Stored first and held by this request; a redelivery of the same message_id creates nothing.
    const inbound = {
      channel: 'sms' as const, messageId: sms.message_id, sender: sms.from, sentAt: sentAtOf(sms.sent_timestamp, now), receivedAt: now.toISOString(),
      payload: { input: { kind: 'text', text: sms.message }, phone: sms.from }, status: 'pending' as const,
      claimedUntil: new Date(now.getTime() + SMS_LEASE_MS).toISOString(), reply: null,
    };
    const isNew = await deps.store.channels.addInbound(inbound);
    const known = isNew ? null : await deps.store.channels.getInbound('sms', sms.message_id);
    let reply = known?.status === 'done' ? known.reply : null;
    if (reply === null) {
      reply = await handleSmsMessage(deps, known ?? inbound);
      await deps.store.channels.completeInbound('sms', sms.message_id, reply);
    }
    res.json({ payload: { success: true, error: null, task: 'send', secret, messages: [{ to: sms.from, message: reply, uuid: randomUUID() }] } });
  });

  return router;
}
