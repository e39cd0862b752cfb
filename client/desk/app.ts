// The signed-in desk: wires the queue, filters, detail and live feed together. Each part
// draws itself; this file only decides what happens when something changes.
import type { DeskSummary } from '../../shared/desk.ts';
import type { DeskEventPayload } from '../../shared/realtime.ts';
import { api } from './api.ts';
import { beep, setTitleCount, unlockAudio } from './alerts.ts';
import type { Catalog } from './catalog.ts';
import { renderDetail } from './detail-view.ts';
import { h } from './dom.ts';
import { DEFAULT_FILTERS, exportUrl, inScope, toQuery, type Filters } from './filters.ts';
import { renderFilters } from './filters-view.ts';
import { renderHeader } from './header-view.ts';
import { startLive, type Live } from './live.ts';
import { loadPrefs, savePrefs } from './prefs.ts';
import { QueueState } from './queue-state.ts';
import { renderQueue } from './queue-view.ts';
import { TEXT } from './text.ts';

interface ListPage { items: DeskSummary[]; nextCursor: string | null; lastSeq: number }

const TITLE = `${TEXT.appTitle} · ${TEXT.siteName}`;
const REDRAW_MS = 60_000; // deadlines pass while nobody touches anything

export async function runDesk(root: HTMLElement, catalog: Catalog, onSignedOut: (notice?: string) => void): Promise<void> {
  let prefs = loadPrefs();
  let filters: Filters = { ...DEFAULT_FILTERS };
  let live: Live | null = null;
  let listToken = 0;
  const state = new QueueState();
  const { user } = catalog;

  const header = renderHeader(catalog, prefs, {
    prefs(next) { prefs = next; savePrefs(prefs); updateTitle(); },
    logout() { void api('/api/auth/logout', { method: 'POST' }).catch(() => undefined).then(() => stop()); },
  });
  const queue = renderQueue(catalog, { select, more: () => void loadMore().catch(() => queue.failed(TEXT.errorGeneric)) });
  const detail = renderDetail(catalog, {
    updated(r) { state.apply(r, filters, user); redraw(); },
    gone(code) { state.remove(code); redraw(); },
  });
  // A plain link: the browser downloads the CSV with the session cookie, nothing held in the page.
  const exportLink = h('a', { class: 'desk-export', href: exportUrl(filters), download: '' }, TEXT.exportCsv);
  const filterBar = renderFilters(catalog, (f) => { filters = f; exportLink.href = exportUrl(f); void loadList(); });

  root.replaceChildren(h('div', { class: 'desk-app' }, header.el, filterBar, h('p', { class: 'desk-export-row' }, exportLink), h('main', { class: 'desk-main' }, queue.el, detail.el)));
  document.addEventListener('pointerdown', unlockAudio);
  const redrawTimer = setInterval(redraw, REDRAW_MS);

  function redraw(): void {
    queue.render(state, detail.current());
    updateTitle();
  }

  function updateTitle(): void {
    setTitleCount(TITLE, state.unread.size, prefs.titleCount);
  }

  function select(code: string): void {
    state.unread.delete(code);
    const opening = detail.open(code); // sets the current code at once, so the redraw marks the row
    redraw();
    // Stacked layout (tablet): once loaded, bring the detail into view under the queue.
    void opening.then(() => {
      if (!matchMedia('(min-width: 1000px)').matches && detail.current() === code) detail.el.scrollIntoView({ block: 'start' });
    });
  }

  async function loadList(): Promise<number> {
    const token = ++listToken;
    queue.loading();
    try {
      const page = await api<ListPage>(`/api/desk/reports?${toQuery(filters)}`);
      if (token === listToken) {
        state.replace(page.items, page.nextCursor);
        redraw();
      }
      return page.lastSeq;
    } catch (err) {
      // The first load's failure goes to boot (login or retry); later ones are shown here.
      if (!live) throw err;
      if ((err as { status?: number }).status === 401) stop(TEXT.sessionEnded);
      else if (token === listToken) queue.failed(TEXT.errorGeneric);
      return 0;
    }
  }

  async function loadMore(): Promise<void> {
    if (!state.nextCursor) return;
    const page = await api<ListPage>(`/api/desk/reports?${toQuery(filters, state.nextCursor)}`);
    state.append(page.items, page.nextCursor);
    redraw();
  }

  function onEvents(events: DeskEventPayload[]): void {
    let arrived = 0;
    for (const event of events) {
      state.apply(event.report, filters, user);
      if (event.type === 'report.created' && inScope(user, event.report)) {
        state.unread.add(event.report.publicId);
        arrived += 1;
      }
      detail.changed(event.report.publicId, event.seq);
    }
    redraw();
    // The highest applied seq, visible for support staff (and tests) in the DOM.
    root.dataset.seq = String(events[events.length - 1].seq);
    if (arrived && prefs.sound) beep();
  }

  function stop(notice?: string): void {
    live?.stop();
    live = null;
    clearInterval(redrawTimer);
    document.removeEventListener('pointerdown', unlockAudio);
    document.title = TITLE;
    onSignedOut(notice);
  }

  // The list answers with the seq it was read at; the socket syncs from there, so a report
  // created between the two is neither missed nor shown twice.
  const lastSeq = await loadList();
  live = startLive(lastSeq, {
    onEvents,
    onStatus: (status) => header.setStatus(status),
    onSignedOut: () => stop(TEXT.sessionEnded),
  });
}
