// The report's history, oldest first: who did what, when, with the note or reason they gave.
import type { DeskTimelineEntry } from '../../shared/desk.ts';
import type { Catalog } from './catalog.ts';
import { h } from './dom.ts';
import { formatDateTime } from './format.ts';
import { EVENT_LABELS, TEXT } from './text.ts';

function actorName(entry: DeskTimelineEntry): string {
  if (entry.actor.kind === 'citizen') return TEXT.actorCitizen;
  if (entry.actor.kind === 'system') return TEXT.actorSystem;
  return entry.actor.name ?? '';
}

/** The human part of an event's data, as plain text. */
function detailOf(entry: DeskTimelineEntry, catalog: Catalog): string {
  const d = entry.data;
  const str = (k: string): string => (typeof d[k] === 'string' ? (d[k] as string) : '');
  switch (entry.type) {
    case 'report.forwarded': return `${catalog.agencyName(str('from'))} → ${catalog.agencyName(str('to'))}${str('note') ? `: ${str('note')}` : ''}`;
    case 'report.duplicate': return `${TEXT.duplicateOf} ${str('of')}`;
    case 'report.assigned': return str('name');
    case 'report.feedback': return [typeof d.rating === 'number' ? `${d.rating}/5` : '', str('comment')].filter(Boolean).join(' — ');
    default: return str('note') || str('reason') || str('message') || str('text');
  }
}

export function renderTimeline(entries: DeskTimelineEntry[], catalog: Catalog): HTMLElement {
  return h('ol', { class: 'desk-timeline', id: 'detail-timeline' }, ...entries.map((entry) => {
    const detail = detailOf(entry, catalog);
    return h('li', { 'data-type': entry.type },
      h('p', { class: 'desk-tl-head' }, h('strong', {}, EVENT_LABELS[entry.type] ?? entry.type), ` · ${formatDateTime(entry.at)}`, actorName(entry) ? ` · ${actorName(entry)}` : ''),
      detail && h('p', { class: 'desk-tl-body' }, detail));
  }));
}
