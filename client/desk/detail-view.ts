// The opened report: what it is about, its deadlines, photos, map, category details, history
// and the actions this officer may take now.
import type { DeskAction, DeskReportView } from '../../shared/desk.ts';
import { api, ApiError } from './api.ts';
import { renderActions, type ActionsView } from './actions-view.ts';
import type { Catalog } from './catalog.ts';
import { renderCategoryDetails } from './category-details.ts';
import { facts, fill, h } from './dom.ts';
import { duration, formatDateTime, isPast } from './format.ts';
import { renderMap, type MapView } from './map-view.ts';
import { renderPhotos } from './photos-view.ts';
import { fmt, TEXT, ACTION_LABELS } from './text.ts';
import { renderTimeline } from './timeline-view.ts';
import { renderNotifications } from './notifications-view.ts';

export interface DetailView {
  el: HTMLElement;
  open(code: string): Promise<void>;
  /** A live event (with its seq) says a report changed; the open one is fetched again if it is behind. */
  changed(code: string, seq: number): void;
  current(): string | null;
  clear(): void;
}

function deadline(iso: string | null, running: boolean, now: number): HTMLElement | null {
  if (!iso) return null;
  const left = Date.parse(iso) - now;
  const late = running && left < 0;
  const remark = !running ? '' : late ? ` — ${fmt(TEXT.lateBy, { by: duration(left) })}` : ` (${fmt(TEXT.dueIn, { left: duration(left) })})`;
  return h('span', { class: late ? 'desk-late' : '' }, formatDateTime(iso), remark);
}

function section(title: string, id: string, ...body: (Node | null)[]): HTMLElement | null {
  const content = body.filter((b): b is Node => b !== null);
  return content.length ? h('section', { class: 'desk-section', 'aria-labelledby': id }, h('h3', { id }, title), ...content) : null;
}

/** What the public pages show of the text: the redacted version, or why nothing yet. */
function publicNote(r: DeskReportView): HTMLElement | null {
  if (r.confidential) return h('p', { class: 'desk-muted', id: 'detail-public-text' }, TEXT.publicTextNever);
  if (r.publicDescription !== null) {
    return h('div', { id: 'detail-public-text' }, h('p', { class: 'desk-muted' }, TEXT.publicTextRedacted), h('p', { class: 'desk-desc' }, r.publicDescription));
  }
  return r.publicText ? null : h('p', { class: 'desk-muted', id: 'detail-public-text' }, TEXT.publicTextPending);
}

function reporterOf(r: DeskReportView): string {
  if (r.reporter) return [r.reporter.name, r.reporter.phone, r.reporter.email].filter(Boolean).join(' · ');
  return r.anonymous ? TEXT.reporterHidden : TEXT.reporterNone;
}

export function renderDetail(catalog: Catalog, on: { updated(r: DeskReportView): void; gone(code: string): void }): DetailView {
  const el = h('section', { class: 'desk-detail', id: 'detail', 'aria-label': TEXT.detailPane, tabindex: -1 }, h('p', { class: 'desk-muted desk-empty' }, TEXT.pickReport));
  let code: string | null = null;
  let map: MapView | null = null;
  let actions: ActionsView | null = null;
  let notice = '';
  let loadToken = 0;
  let shownSeq = 0; // the newest event the shown version already includes

  function show(r: DeskReportView): void {
    shownSeq = Math.max(0, ...r.timeline.map((e) => e.seq));
    map?.dispose();
    map = null;
    const now = Date.now();
    const category = catalog.category(r.category);
    const overdue = isPast(r.dueAt, now);
    actions = renderActions(r, catalog, (next, action: DeskAction) => {
      notice = fmt(TEXT.actionDone, { action: ACTION_LABELS[action] });
      if (next) { show(next); on.updated(next); } else { gone(); }
    });
    if (r.lat !== null && r.lng !== null) map = renderMap({ lat: r.lat, lng: r.lng }, catalog);

    fill(el,
      h('header', { class: 'desk-detail-head' },
        h('h2', { id: 'detail-code' }, r.publicId),
        h('span', { class: `desk-badge status-${r.status}`, id: 'detail-status' }, catalog.statusLabel(r.status)),
        overdue && h('span', { class: 'desk-badge overdue' }, TEXT.overdue),
        r.confidential && h('span', { class: 'desk-badge quiet' }, TEXT.confidential),
      ),
      h('p', { class: 'desk-detail-sub' }, `${category?.label ?? r.category} · ${catalog.agencyName(r.agencyId)}`),
      notice && h('p', { class: 'desk-ok', role: 'status', id: 'detail-notice' }, notice),
      section(TEXT.actions, 'h-actions', actions.el),
      facts([
        [TEXT.place, `${catalog.desaName(r.desa)}, Kec. ${catalog.kecamatanName(r.kecamatan)}`],
        [TEXT.reportedAt, formatDateTime(r.createdAt)],
        [TEXT.channel, TEXT.channels[r.channel] ?? r.channel],
        [TEXT.origin, r.origin?.partner],
        [TEXT.placeFoundBy, r.origin ? [TEXT.placeBy[r.origin.place] ?? r.origin.place, r.origin.address ? ` — “${r.origin.address}”` : ''].join('') : null],
        // A link only (never an <img>): the officer's browser fetches nothing until they choose to.
        [TEXT.mediaLink, r.origin?.mediaUrl ? h('a', { href: r.origin.mediaUrl, rel: 'noopener noreferrer nofollow', target: '_blank', referrerpolicy: 'no-referrer' }, r.origin.mediaUrl) : null],
        [TEXT.verifyDue, deadline(r.verifyDueAt, r.status === 'new', now)],
        [TEXT.followUpDue, deadline(r.followUpDueAt, r.status === 'verified' || r.status === 'in_progress', now)],
        [TEXT.reporter, reporterOf(r)],
        [TEXT.duplicateOf, r.duplicateOf],
        [TEXT.supporters, r.supportCount > 0 ? String(r.supportCount) : null],
      ], { class: `desk-facts${overdue ? ' is-overdue' : ''}`, id: 'detail-facts' }),
      section(TEXT.description, 'h-desc', h('p', { class: 'desk-desc', id: 'detail-description' }, r.description), publicNote(r)),
      section(TEXT.details, 'h-details', renderCategoryDetails(r, catalog)),
      section(TEXT.photos, 'h-photos', renderPhotos(r.photos, r.publicText)),
      section(TEXT.map, 'h-map', map?.el ?? null),
      renderNotifications(r.publicId),
      section(TEXT.timeline, 'h-timeline', renderTimeline(r.timeline, catalog)),
    );
    notice = '';
  }

  function gone(): void {
    map?.dispose();
    map = null;
    actions = null;
    fill(el, h('p', { class: 'desk-muted desk-empty', id: 'detail-gone' }, TEXT.detailGone));
    if (code) on.gone(code);
  }

  async function open(next: string): Promise<void> {
    const token = ++loadToken;
    if (next !== code) {
      shownSeq = 0;
      map?.dispose();
      map = null;
      fill(el, h('p', { class: 'desk-muted desk-empty' }, TEXT.detailLoading));
    }
    code = next;
    try {
      const r = await api<DeskReportView>(`/api/desk/reports/${encodeURIComponent(next)}`);
      if (token !== loadToken) return;
      // A fetch started by a live event may answer after the officer's own action was shown and
      // the next form opened: it carries nothing newer, so it must not wipe what is being typed.
      const behind = Math.max(0, ...r.timeline.map((e) => e.seq)) <= shownSeq;
      if (behind && actions?.isEditing()) return;
      show(r);
    } catch (err) {
      if (token !== loadToken) return;
      if (err instanceof ApiError && err.status === 404) gone();
      else fill(el, h('p', { class: 'desk-error', role: 'alert' }, err instanceof ApiError ? err.message : TEXT.errorGeneric));
    }
  }

  return {
    el,
    open,
    changed(changedCode, seq) {
      if (changedCode !== code || seq <= shownSeq) return;
      // Never wipe what the officer is typing: offer the fresh version instead.
      if (actions?.isEditing()) {
        if (el.querySelector('#detail-changed')) return;
        const reload = h('button', { type: 'button', class: 'desk-btn ghost' }, TEXT.reloadDetail);
        reload.addEventListener('click', () => void open(changedCode));
        el.prepend(h('p', { class: 'desk-notice', id: 'detail-changed', role: 'status' }, TEXT.detailChanged, ' ', reload));
        return;
      }
      void open(changedCode);
    },
    current: () => code,
    clear() {
      map?.dispose();
      map = null;
      code = null;
      fill(el, h('p', { class: 'desk-muted desk-empty' }, TEXT.pickReport));
    },
  };
}
