// The live list of a Ngopi Bareng page: joins the session's room on the public namespace and
// adds or updates each aspiration as it arrives. Loaded only on /ngopi/:id (socket.io-client is
// not part of the form pages' weight).
import { io, type Socket } from 'socket.io-client';
import { PUBLIC_NAMESPACE, type PublicAspiration, type PublicClientToServer, type PublicServerToClient } from '../../../shared/ngopi.ts';
import { ngopiText } from '../../../shared/ngopi-text.ts';
import { findTopic } from '../../../shared/reference/aspiration-topics.ts';
import { STATUSES } from '../../../shared/reference/statuses.ts';

/** The same markup as the server's aspirationItem, built with textContent so no text becomes markup. */
function itemOf(a: PublicAspiration, lang: string): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.id = a.publicId;
  const topic = findTopic(a.topic);
  const strong = li.appendChild(document.createElement('strong'));
  strong.textContent = topic ? (lang === 'en' ? topic.labelEn : topic.label) : a.topic;
  li.append(' ');
  const status = li.appendChild(document.createElement('span'));
  status.className = 'status';
  const s = STATUSES.find((x) => x.id === a.status);
  status.textContent = s ? (lang === 'en' ? s.labelEn : s.label) : a.status;
  const p = li.appendChild(document.createElement('p'));
  p.textContent = a.text ?? ngopiText(lang === 'en' ? 'en' : 'id', 'awaitingVerification');
  const link = li.appendChild(document.createElement('a'));
  link.href = `/laporan/${a.publicId}`;
  link.textContent = a.publicId;
  return li;
}

export function startLiveList(section: HTMLElement): void {
  const sessionId = section.dataset.session ?? '';
  const lang = section.dataset.lang ?? 'id';
  const list = section.querySelector<HTMLOListElement>('#live-list');
  const empty = section.querySelector<HTMLElement>('#live-empty');
  if (!list) return;
  const show = (a: PublicAspiration) => {
    const item = itemOf(a, lang);
    const existing = list.querySelector(`li[data-id="${CSS.escape(a.publicId)}"]`);
    if (existing) existing.replaceWith(item);
    else list.append(item);
    if (empty) empty.hidden = true;
  };
  const socket: Socket<PublicServerToClient, PublicClientToServer> = io(PUBLIC_NAMESPACE, { transports: ['websocket', 'polling'] });
  socket.on('ngopi:aspiration', show);
  // On every (re)connection: join again, and the answer fills whatever was missed meanwhile.
  socket.on('connect', () => {
    socket.emit('ngopi:join', { sessionId }, (response) => {
      if ('items' in response) {
        response.items.forEach(show);
        section.dataset.live = 'on';
      }
    });
  });
  socket.on('disconnect', () => { section.dataset.live = 'off'; });
}
