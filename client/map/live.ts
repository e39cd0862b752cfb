// The staff map's live link: each committed change in the user's rooms (the /desk socket)
// triggers one coalesced reload of the aggregates, which already apply filters and scope.
import { io } from 'socket.io-client';
import { DESK_NAMESPACE, DESK_TRANSPORTS, type DeskEventPayload } from '../../shared/realtime.ts';

const COALESCE_MS = 200;

export interface LiveHandlers {
  /** Events that arrived together, after one reload. */
  onChanges(events: DeskEventPayload[]): void;
  /** After a reconnect: whatever was missed is in fresh aggregates. */
  onReconnect(): void;
}

export function connectLive(status: HTMLElement, on: LiveHandlers): void {
  const socket = io(DESK_NAMESPACE, { transports: [...DESK_TRANSPORTS], withCredentials: true });
  let pending: DeskEventPayload[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onEvent = (event: DeskEventPayload) => {
    pending.push(event);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const events = pending;
      pending = [];
      on.onChanges(events);
    }, COALESCE_MS);
  };
  const show = (text: string, on: boolean) => {
    status.textContent = text;
    status.className = on ? 'live on' : 'live off';
  };
  socket.on('report:created', onEvent);
  socket.on('report:updated', onEvent);
  let connectedOnce = false;
  socket.on('connect', () => {
    show('Langsung', true);
    if (connectedOnce) on.onReconnect();
    connectedOnce = true;
  });
  socket.on('disconnect', () => show('Terputus — menyambung ulang…', false));
  socket.on('connect_error', () => show('Tidak terhubung', false));
}
