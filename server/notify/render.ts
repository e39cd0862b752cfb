// A message of the outbox as the reporter reads it: the table's words (shared/notifications.ts)
// with the code, the agency's name and the links filled in. Free text within WhatsApp's 24-hour
// window and on SMS; outside the window, the status template's three parameters.
import { NOTICES, STOP_HINT, type NoticeFacts } from '../../shared/notifications.ts';
import type { Deps } from '../deps.ts';
import { reportUrl, trackingUrl } from '../http/links.ts';
import type { OutboxMessage } from '../store/notify-port.ts';

/** WhatsApp's text body limit; an SMS of several parts is joined by the phone. */
const TEXT_MAX = 4096;
/** A template parameter: Meta refuses newlines, tabs and more than four spaces in a row; kept short. */
const NOTE_MAX = 200;

export function factsOf(deps: Pick<Deps, 'catalog' | 'config'>, message: OutboxMessage, code: string, reportAgencyId: string): NoticeFacts {
  const agencyId = message.data.agencyId ?? reportAgencyId;
  return {
    code,
    agency: deps.catalog.agency(agencyId)?.name ?? agencyId,
    text: message.data.text ?? '',
    // The original's public page is anyone's to see; the tracking page is the reporter's alone.
    link: message.data.duplicateOf ? reportUrl(deps.config, message.data.duplicateOf) : trackingUrl(deps.config, code),
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The free text, with how to stop; a reply too long for one WhatsApp message ends with where to read it all. */
export function noticeText(message: OutboxMessage, facts: NoticeFacts): string {
  const body = `${NOTICES[message.event].text(facts)}\n\n${STOP_HINT}`;
  if (body.length <= TEXT_MAX) return body;
  const tail = `… selengkapnya di ${trackingLink(facts)}\n\n${STOP_HINT}`;
  return `${NOTICES[message.event].text(facts).slice(0, TEXT_MAX - tail.length)}${tail}`;
}

function trackingLink(facts: NoticeFacts): string {
  return facts.link;
}

/** WhatsApp markup off, for SMS; the text stays whole (the phone sends a long SMS in parts). */
export function smsText(text: string): string {
  return text.replace(/[*_]/g, '');
}

/** {{1}} code, {{2}} new status, {{3}} a short note (the officer's words, else where to follow). */
export function templateParams(message: OutboxMessage, facts: NoticeFacts): [string, string, string] {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const note = facts.text ? clip(oneLine(facts.text), NOTE_MAX) : `Pantau di ${facts.link}`;
  return [facts.code, NOTICES[message.event].status(facts), note];
}
