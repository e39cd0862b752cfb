// The messaging channels as configured: their webhook routes (mounted before the JSON parser)
// and the inbox worker that processes what the webhooks stored.
import { Router } from 'express';
import type { Deps } from '../deps.ts';
import { InboxWorker } from './inbox-worker.ts';
import { handleSmsMessage } from './sms/handler.ts';
import { smsRoutes } from './sms/routes.ts';
import { GraphClient } from './whatsapp/graph-client.ts';
import { handleWhatsAppMessage } from './whatsapp/handler.ts';
import { whatsappRoutes } from './whatsapp/routes.ts';
import { NotifyWorker } from '../notify/worker.ts';
import { tryWhatsApp } from '../notify/whatsapp-sender.ts';

/** `notifier`: the outbox's WhatsApp sender (server/notify/), when WhatsApp is configured. */
export interface Channels { router: Router; worker: InboxWorker; graph: GraphClient | null; notifier: NotifyWorker | null }

export function setUpChannels(deps: Deps): Channels {
  const graph = deps.config.whatsapp ? new GraphClient(deps.config.whatsapp) : null;
  const worker = new InboxWorker(deps, {
    ...(graph ? { whatsapp: (m) => handleWhatsAppMessage(deps, graph, m) } : {}),
    // An SMS whose request died before it was answered: the reply is kept for the gateway's redelivery.
    sms: async (m) => deps.store.channels.completeInbound('sms', m.messageId, await handleSmsMessage(deps, m)),
  });
  const notifier = graph ? new NotifyWorker(deps, (m) => tryWhatsApp(deps, graph, m)) : null;
  const router = Router();
  if (deps.config.whatsapp) router.use(whatsappRoutes(deps, deps.config.whatsapp, worker));
  if (deps.config.smsSyncSecret) router.use(smsRoutes(deps, deps.config.smsSyncSecret));
  return { router, worker, graph, notifier };
}
