import { timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { checkWith } from '../../../shared/validation/schema.ts';
import type { WhatsAppConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { LEASE_MS, type InboxWorker } from '../inbox-worker.ts';
import type { InboundMessage } from '../../store/channel-port.ts';
import { messagesOf, WebhookSchema } from './payload.ts';
import { hasValidSignature } from './signature.ts';
import { noteWhatsAppInbound, recordStatuses } from '../../notify/statuses.ts';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * /webhooks/whatsapp. Mounted before the application's JSON parser: the signature is over the
 * raw bytes. A POST is checked, every message stored in the inbox (a redelivery is a no-op),
 * answered 200 at once, and processed from the inbox afterwards.
 */
export function whatsappRoutes(deps: Deps, config: WhatsAppConfig, worker: InboxWorker): Router {
  const router = Router();

  // Meta's verification when the webhook is configured: echo hub.challenge for the right token.
  router.get('/webhooks/whatsapp', (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (mode !== 'subscribe' || typeof token !== 'string' || !sameSecret(token, config.verifyToken) || typeof challenge !== 'string') {
      throw new AppError('verify_token_mismatch', { status: 403 });
    }
    res.type('text/plain').send(challenge);
  });

  router.post('/webhooks/whatsapp', express.raw({ type: () => true, limit: deps.config.webhookMaxBodyBytes }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!hasValidSignature(config.appSecret, raw, req.get('x-hub-signature-256'))) throw new AppError('invalid_signature', { status: 401 });
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new AppError('invalid_json', { status: 400 });
    }
    const parsed = checkWith(WebhookSchema, json);
    if (!parsed.ok) throw new AppError('invalid_webhook', { status: 400 });
    const { messages, statuses } = messagesOf(parsed.value, config.phoneNumberId);
    const now = deps.clock();
    // Stored already held by this process, which processes them right after answering.
    const held = new Date(now.getTime() + LEASE_MS).toISOString();
    const stored: InboundMessage[] = [];
    for (const m of messages) {
      const inbound: InboundMessage = {
        channel: 'whatsapp', messageId: m.messageId, sender: m.sender, sentAt: m.sentAt, receivedAt: now.toISOString(), payload: m.payload,
        status: 'pending', claimedUntil: held, reply: null,
      };
      if (await deps.store.channels.addInbound(inbound)) {
        stored.push(inbound);
        await noteWhatsAppInbound(deps, m.payload, m.sentAt);
      }
    }
    await recordStatuses(deps, statuses);
    res.status(200).json({ received: messages.length, stored: stored.length });
    void worker.take(stored);
  });

  return router;
}
