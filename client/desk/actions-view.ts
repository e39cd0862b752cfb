// The action buttons of an opened report — only those the server listed in allowedActions —
// and, under the chosen one, the fields that action needs.
import type { DeskAction, DeskOfficer, DeskReportView } from '../../shared/desk.ts';
import { api, ApiError } from './api.ts';
import type { Catalog } from './catalog.ts';
import { fill, h } from './dom.ts';
import { ACTION_LABELS, fmt, TEXT } from './text.ts';

type FieldKind = 'text' | 'textarea' | 'public-text' | 'agency' | 'officer' | 'shown-photo' | 'hidden-photo' | 'choice';
interface FieldSpec { name: string; label: string; kind: FieldKind; required: boolean; hint?: string; options?: { value: string; label: string }[] }

const pairs = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The category's own fields, for completing a one-line report; named `details.<field>` as the action reads them. */
function detailFields(report: DeskReportView, catalog: Catalog): FieldSpec[] {
  switch (report.category) {
    case 'pupuk': return [
      { name: 'details.fertiliserType', label: TEXT.fertiliserType, kind: 'choice', required: true, options: catalog.fertiliserTypes.map((t) => ({ value: t.id, label: t.label })) },
      { name: 'details.problems', label: TEXT.problems, kind: 'choice', required: true, options: catalog.fertiliserProblems.map((p) => ({ value: p.id, label: p.label })) },
      { name: 'details.kioskName', label: TEXT.kiosk, kind: 'text', required: false },
      { name: 'details.quantity', label: TEXT.quantity, kind: 'text', required: false },
      { name: 'details.unit', label: 'Satuan', kind: 'choice', required: false, options: pairs(TEXT.unit) },
      { name: 'details.price', label: TEXT.pricePaid, kind: 'text', required: false, hint: 'Rupiah, tanpa titik.' },
      { name: 'details.priceUnit', label: 'Harga untuk', kind: 'choice', required: false, options: pairs(TEXT.priceUnit) },
    ];
    case 'jalan': return [
      { name: 'details.damageType', label: TEXT.damageType, kind: 'choice', required: true, options: pairs(TEXT.damageTypes) },
      { name: 'details.severity', label: TEXT.severity, kind: 'choice', required: true, options: pairs(TEXT.severityLevels) },
      { name: 'details.roadName', label: TEXT.roadName, kind: 'text', required: false },
    ];
    case 'aspirasi': return [{ name: 'details.topic', label: TEXT.topic, kind: 'choice', required: true, options: catalog.topics.map((t) => ({ value: t.id, label: t.label })) }];
    default: return [];
  }
}

// The fields of each action, named as POST /api/desk/reports/:publicId/actions reads them
// (shared/validation/desk-action.ts).
const FIELDS: Record<DeskAction, FieldSpec[]> = {
  verify: [{ name: 'note', label: 'Catatan', kind: 'textarea', required: false }],
  start: [{ name: 'note', label: 'Catatan', kind: 'textarea', required: false }],
  resolve: [{ name: 'note', label: 'Catatan penyelesaian untuk warga', kind: 'textarea', required: true, hint: 'Tampil di halaman lacak warga.' }],
  reject: [{ name: 'reason', label: 'Alasan penolakan', kind: 'textarea', required: true }],
  duplicate: [{ name: 'of', label: 'Nomor laporan asal', kind: 'text', required: true, hint: 'Contoh: 7KQM3XRT' }],
  forward: [
    { name: 'agencyId', label: 'Dinas tujuan', kind: 'agency', required: true },
    { name: 'note', label: 'Catatan disposisi', kind: 'textarea', required: true },
  ],
  assign: [{ name: 'userId', label: 'Petugas', kind: 'officer', required: true }],
  reply: [{ name: 'message', label: 'Balasan untuk warga', kind: 'textarea', required: true, hint: 'Tampil di halaman lacak warga.' }],
  note: [{ name: 'text', label: 'Catatan internal', kind: 'textarea', required: true, hint: 'Hanya untuk petugas; tidak tampil untuk warga.' }],
  redact: [{ name: 'text', label: 'Teks yang tampil untuk publik', kind: 'public-text', required: true, hint: 'Hapus nama, nomor HP, dan alamat rumah. Teks asli warga tetap tersimpan untuk petugas.' }],
  hide_photo: [{ name: 'photoId', label: 'Foto', kind: 'shown-photo', required: true, hint: 'Foto tetap terlihat oleh petugas.' }],
  publish_photo: [{ name: 'photoId', label: 'Foto', kind: 'hidden-photo', required: true }],
  complete_details: [], // by category: detailFields
};

const DANGER: ReadonlySet<DeskAction> = new Set(['reject', 'duplicate']);

export interface ActionsView { el: HTMLElement; isEditing(): boolean }

async function officerOptions(report: DeskReportView, catalog: Catalog): Promise<DeskOfficer[]> {
  const query = catalog.user.agencyId ? '' : `?agencyId=${encodeURIComponent(report.agencyId)}`;
  return (await api<{ items: DeskOfficer[] }>(`/api/desk/officers${query}`)).items;
}

function control(spec: FieldSpec, id: string, report: DeskReportView, catalog: Catalog): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  const common = { id, name: spec.name, required: spec.required, 'aria-describedby': `${id}-err${spec.hint ? ` ${id}-hint` : ''}` };
  switch (spec.kind) {
    case 'text': return h('input', { ...common, autocomplete: 'off', autocapitalize: 'characters' });
    case 'choice': {
      const select = h('select', common, h('option', { value: '' }, TEXT.choose));
      for (const o of spec.options ?? []) select.appendChild(h('option', { value: o.value }, o.label));
      return select;
    }
    case 'textarea': return h('textarea', { ...common, rows: 3, maxlength: 4000 });
    case 'public-text': {
      const area = h('textarea', { ...common, rows: 5, maxlength: 4000 });
      area.value = report.publicDescription ?? report.description;
      return area;
    }
    case 'shown-photo':
    case 'hidden-photo': {
      const hidden = spec.kind === 'hidden-photo';
      const select = h('select', common, h('option', { value: '' }, TEXT.choose));
      report.photos.forEach((p, i) => {
        if (Boolean(p.hidden) === hidden) select.appendChild(h('option', { value: p.id }, fmt(TEXT.photoOf, { n: i + 1, total: report.photos.length })));
      });
      return select;
    }
    case 'agency': {
      const select = h('select', common, h('option', { value: '' }, TEXT.choose));
      for (const a of catalog.agencies) if (a.id !== report.agencyId) select.appendChild(h('option', { value: a.id }, a.name));
      return select;
    }
    case 'officer': {
      const select = h('select', common, h('option', { value: '' }, TEXT.choose));
      officerOptions(report, catalog).then((officers) => {
        for (const o of officers) select.appendChild(h('option', { value: o.id, selected: o.id === report.assigneeId }, `${o.name} (${o.username})`));
      }, () => select.appendChild(h('option', { value: '', disabled: true }, TEXT.errorGeneric)));
      return select;
    }
  }
}

function actionForm(action: DeskAction, report: DeskReportView, catalog: Catalog, on: { done(r: DeskReportView | null): void; cancel(): void }): HTMLFormElement {
  const error = h('p', { class: 'desk-error', role: 'alert' });
  const errors = new Map<string, HTMLElement>();
  const specs = action === 'complete_details' ? detailFields(report, catalog) : FIELDS[action];
  const rows = specs.map((spec) => {
    const id = `action-${action}-${spec.name}`;
    const err = h('p', { class: 'desk-error', id: `${id}-err` });
    errors.set(spec.name, err);
    return h('div', { class: 'desk-field' },
      h('label', { for: id }, spec.label, spec.required ? '' : ` ${TEXT.optional}`),
      spec.hint && h('p', { class: 'desk-muted', id: `${id}-hint` }, spec.hint),
      control(spec, id, report, catalog), err);
  });
  const submit = h('button', { type: 'submit', class: `desk-btn ${DANGER.has(action) ? 'danger' : 'primary'}` }, ACTION_LABELS[action]);
  const cancel = h('button', { type: 'button', class: 'desk-btn ghost' }, TEXT.cancel);
  cancel.addEventListener('click', on.cancel);
  const form = h('form', { class: 'desk-action-form', 'data-action': action, novalidate: true },
    h('h3', {}, ACTION_LABELS[action]), error, ...rows, h('div', { class: 'desk-buttons' }, submit, cancel));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body: Record<string, string | Record<string, string>> = { type: action };
    const details: Record<string, string> = {};
    for (const [name, value] of new FormData(form)) {
      if (typeof value !== 'string' || !value.trim()) continue;
      if (name.startsWith('details.')) details[name.slice('details.'.length)] = value.trim();
      else body[name] = value.trim();
    }
    if (action === 'complete_details') body.details = details;
    error.textContent = '';
    for (const el of errors.values()) el.textContent = '';
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    submit.disabled = true;
    submit.textContent = TEXT.sending;
    try {
      const { report: next } = await api<{ report: DeskReportView | null }>(`/api/desk/reports/${encodeURIComponent(report.publicId)}/actions`, { method: 'POST', body });
      on.done(next);
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(0, 'unknown', TEXT.errorGeneric);
      error.textContent = apiError.message;
      for (const [field, text] of Object.entries(apiError.fields)) {
        errors.get(field)?.replaceChildren(text);
        form.querySelector(`[name="${field}"]`)?.setAttribute('aria-invalid', 'true');
      }
      form.querySelector<HTMLElement>(`[name="${Object.keys(apiError.fields)[0]}"]`)?.focus();
      submit.disabled = false;
      submit.textContent = ACTION_LABELS[action];
    }
  });
  return form;
}

export function renderActions(report: DeskReportView, catalog: Catalog, onDone: (r: DeskReportView | null, action: DeskAction) => void): ActionsView {
  const panel = h('div', { class: 'desk-action-panel' });
  const buttons = report.allowedActions.map((action) => {
    const button = h('button', { type: 'button', class: `desk-btn ${DANGER.has(action) ? 'danger-outline' : 'secondary'}`, 'data-action': action, 'aria-expanded': 'false' }, ACTION_LABELS[action]);
    button.addEventListener('click', () => open(action, button));
    return button;
  });
  let current: DeskAction | null = null;

  function close(): void {
    current = null;
    panel.replaceChildren();
    for (const b of buttons) b.setAttribute('aria-expanded', 'false');
  }

  function open(action: DeskAction, button: HTMLButtonElement): void {
    if (current === action) return close();
    close();
    current = action;
    button.setAttribute('aria-expanded', 'true');
    const form = actionForm(action, report, catalog, { done: (next) => { close(); onDone(next, action); }, cancel: close });
    fill(panel, form);
    form.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }

  const el = h('div', { class: 'desk-actions', id: 'detail-actions' },
    buttons.length ? h('div', { class: 'desk-buttons' }, ...buttons) : h('p', { class: 'desk-muted' }, TEXT.noActions), panel);
  return { el, isEditing: () => current !== null };
}
