// One inbound WhatsApp message, taken from the inbox: read the conversation, take one turn of
// the state machine, carry out its effect (submit, status), store the new state, send the replies.
import { CHAT } from '../../../shared/channel-text.ts';
import { normalisePhone } from '../../../shared/validation/phone.ts';
import { wibDate } from '../../../shared/working-days.ts';
import type { Deps } from '../../deps.ts';
import type { Upload } from '../../reports/service.ts';
import { ConversationConflictError, type ConversationRecord, type InboundMessage } from '../../store/channel-port.ts';
import { converse, type Effect, type MachineEnv, type Outcome } from '../conversation/machine.ts';
import { readState, type ConversationState, type Draft } from '../conversation/state.ts';
import { readPayload, type ChannelInput, type InboundPayload, type Reply } from '../inputs.ts';
import { clientIdOf, myReportsText, receiptText, statusText, submitFromChannel } from '../intake.ts';
import { answerOneMessage } from '../one-message.ts';
import { placeFinder } from '../places.ts';
import type { GraphClient } from './graph-client.ts';
import { toGraphMessage, type Recipient } from './messages.ts';
import type { ReplyAddress } from '../../notify/contact.ts';
import { setNotifyOptOut } from '../../notify/opt-out.ts';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const APPLIED_KEPT = 50;

function bytesLabel(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

function envOf(deps: Deps): MachineEnv {
  const now = deps.clock();
  return { now, today: wibDate(now), maxPhotos: deps.config.maxPhotos, maxPhotoLabel: bytesLabel(deps.config.maxPhotoBytes), ...placeFinder(deps.catalog) };
}

/** Asks the Graph API about a photo before accepting it, so a too-large one is refused at once. */
async function checkedInput(deps: Deps, graph: GraphClient, input: ChannelInput): Promise<ChannelInput> {
  if (input.kind !== 'image') return input;
  if (!PHOTO_TYPES.includes(input.mimeType)) return { ...input, problem: 'not_image' };
  try {
    const info = await graph.mediaInfo(input.mediaId);
    if (info.fileSize !== null && info.fileSize > deps.config.maxPhotoBytes) return { ...input, problem: 'too_large' };
    return input;
  } catch (err) {
    deps.logger.warn({ err, mediaId: input.mediaId }, 'WhatsApp media info failed');
    return { ...input, problem: 'unavailable' };
  }
}

/** Each photo through the media endpoint with the token, then into the web form's pipeline as an upload. */
async function downloadPhotos(deps: Deps, graph: GraphClient, mediaIds: string[]): Promise<Upload[] | 'unavailable' | 'too_large'> {
  const uploads: Upload[] = [];
  for (const [i, mediaId] of mediaIds.entries()) {
    try {
      const info = await graph.mediaInfo(mediaId);
      const bytes = await graph.download(info.url, deps.config.maxPhotoBytes);
      if (bytes === 'too_large') return 'too_large';
      uploads.push({ field: `photos.${i}`, bytes });
    } catch (err) {
      deps.logger.warn({ err, mediaId }, 'WhatsApp media download failed');
      return 'unavailable';
    }
  }
  return uploads;
}

interface Who { phone: string | null; name: string | undefined; replyTo: ReplyAddress }

function whoOf(payload: InboundPayload, sender: string): Who {
  // WhatsApp gives digits with the country code; only an Indonesian number is kept as the reporter's phone.
  return {
    phone: payload.phone ? normalisePhone(`+${payload.phone.replace(/^\+/, '')}`) : null, name: payload.profileName?.slice(0, 100),
    // Status messages go back to this chat, a hidden number (a business-scoped user id) included.
    replyTo: { channel: 'whatsapp', address: sender, userId: !payload.phone },
  };
}

function bodyOf(draft: Draft, who: Who, clientId: string): Record<string, unknown> {
  return {
    category: draft.category, kecamatan: draft.kecamatan, desa: draft.desa, lat: draft.lat, lng: draft.lng,
    description: draft.description, details: draft.details, confidential: draft.confidential, anonymous: draft.anonymous,
    ...(who.name ? { name: who.name } : {}), ...(who.phone ? { phone: who.phone } : {}), clientId,
  };
}

interface Turn { state: ConversationState | null; replies: Reply[]; reportId?: string; asked?: true }

async function carryOut(deps: Deps, graph: GraphClient, outcome: Outcome, effect: Effect, record: ConversationRecord | null, message: InboundMessage, who: Who): Promise<Turn> {
  const text = (t: string): Reply => ({ kind: 'text', text: t });
  switch (effect.type) {
    case 'status': return { state: outcome.state, replies: [text(await statusText(deps, effect.code))] };
    case 'my_reports': return { state: outcome.state, replies: [text(await myReportsText(deps, record?.reports ?? []))] };
    case 'notify_opt':
      await setNotifyOptOut(deps, who.replyTo, effect.stop);
      return { state: outcome.state, replies: [text(effect.stop ? CHAT.notifyStopped : CHAT.notifyStarted)] };
    case 'one_message': {
      const answer = await answerOneMessage(deps, effect.text, { channel: 'whatsapp', messageId: message.messageId, replyTo: who.replyTo, ...(who.name ? { name: who.name } : {}), ...(who.phone ? { phone: who.phone } : {}) });
      if ('text' in answer) return { state: outcome.state, replies: [text(answer.text)] };
      return { state: null, replies: [text(receiptText(deps, answer.report, answer.code))], reportId: answer.report.publicId };
    }
    case 'submit': {
      const uploads = await downloadPhotos(deps, graph, effect.draft.photos);
      if (uploads === 'unavailable' || uploads === 'too_large') {
        return { state: outcome.state, replies: [text(uploads === 'too_large' ? CHAT.photoTooLarge(bytesLabel(deps.config.maxPhotoBytes)) : CHAT.photoUnavailable)] };
      }
      const result = await submitFromChannel(deps, bodyOf(effect.draft, who, clientIdOf('whatsapp', message.messageId)), uploads, 'whatsapp', who.replyTo);
      if (!result.ok) return { state: outcome.state, replies: [text(`${CHAT.submitFailed} ${result.problems.join(' ')}`)] };
      return { state: null, replies: [text(receiptText(deps, result.report, result.code))], reportId: result.report.publicId };
    }
  }
}

/** Sends the replies in order; the id of the last one is the question now asked. */
async function sendAll(deps: Deps, graph: GraphClient, to: Recipient, replies: Reply[]): Promise<string | null> {
  let last: string | null = null;
  for (const reply of replies) last = await graph.send(toGraphMessage(to, reply));
  return last;
}

export async function handleWhatsAppMessage(deps: Deps, graph: GraphClient, message: InboundMessage): Promise<void> {
  const payload = readPayload(message.payload);
  if (!payload) {
    deps.logger.warn({ messageId: message.messageId }, 'unreadable WhatsApp inbox entry skipped');
    return;
  }
  const to: Recipient = { ...(payload.phone ? { phone: payload.phone } : {}), ...(payload.userId ? { userId: payload.userId } : {}) };
  const who = whoOf(payload, message.sender);
  const input = await checkedInput(deps, graph, payload.input);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const record = await deps.store.channels.getConversation(message.sender);
    // Applied before a crash (MongoDB writes the turn and the completion apart): nothing to redo.
    if (record?.applied.includes(message.messageId)) return deps.store.channels.completeInbound('whatsapp', message.messageId, null);
    const outcome = converse(readState(record?.state), input, payload.contextId, envOf(deps));
    const turn: Turn = outcome.effect ? await carryOut(deps, graph, outcome, outcome.effect, record, message, who) : outcome;
    // Sent before the turn is stored: the question's id is the state's promptId. A crash in
    // between sends the replies again on the retry (at least once); the report, keyed on the
    // message id, is not made twice.
    const promptId = await sendAll(deps, graph, to, turn.replies);
    const next: ConversationRecord = {
      key: message.sender,
      channel: 'whatsapp',
      state: turn.state && promptId && turn.asked ? { ...turn.state, promptId } : turn.state,
      reports: turn.reportId && !record?.reports.includes(turn.reportId) ? [...(record?.reports ?? []), turn.reportId] : record?.reports ?? [],
      applied: [...(record?.applied ?? []), message.messageId].slice(-APPLIED_KEPT),
      updatedAt: deps.clock().toISOString(),
      version: (record?.version ?? 0) + 1,
    };
    try {
      return await deps.store.channels.completeInbound('whatsapp', message.messageId, null, { record: next, expectedVersion: record?.version ?? 0 });
    } catch (err) {
      // Another process took a turn of this sender meanwhile: read again and take this one on its state.
      if (!(err instanceof ConversationConflictError)) throw err;
    }
  }
  throw new Error(`conversation ${message.sender} kept changing`);
}
