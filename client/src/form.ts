// Enhances the server-rendered report form: draft saving, location help, photo shrinking,
// live HET hint, validation with the shared schema, and sending through the outbox.
import { citizenMessage } from '../../shared/citizen-messages.ts';
import { parseReportInput } from '../../shared/validation/report-input.ts';
import { clearDraft, loadDraft, newClientId, saveDraft } from './draft.ts';
import { clearErrors, showErrors } from './field-errors.ts';
import { keptContact } from '../../shared/anonymity.ts';
import { collapseSwitches, readPairs, toRaw, writePairs } from './form-fields.ts';
import { initHetHint } from './het-hint.ts';
import { initNearby } from './nearby.ts';
import { lang, t } from './i18n.ts';
import { linkSelects, regionFromPage, setPoint, useMyLocation, type LocationParts } from './location.ts';
import { getDraftPhotos, putDraftPhotos, putEntry } from './outbox.ts';
import { rememberSent } from './my-reports.ts';
import { PhotoList } from './photos.ts';
import { flushOutbox, startOutbox, type SendResult } from './sender.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The schema names fields `details.kioskName`; the form calls them `details[kioskName]`. */
const inputName = (field: string) => (/^photos\.\d+$/.test(field) ? 'photos' : field.replace(/\.(\w+)/g, '[$1]'));

function messagesOf(fieldCodes: Record<string, string>, params: Record<string, string | number> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldCodes).map(([f, c]) => [inputName(f), citizenMessage(c, params, lang)]));
}

export function initForm(form: HTMLFormElement): void {
  const category = form.dataset.category!;
  const today = form.dataset.today!;
  const alertBox = byId('form-alert');
  const status = byId('send-status');
  const progress = byId<HTMLProgressElement>('upload-progress');
  const clientIdInput = form.elements.namedItem('clientId') as HTMLInputElement;
  const loc: LocationParts = {
    kecamatan: byId('f-kecamatan'), desa: byId('f-desa'), lat: byId('f-lat'), lng: byId('f-lng'), status: byId('geo-status'), fieldset: byId('location'),
  };
  // Our own checks replace the browser's, so messages are the schema's, in the page's language.
  form.noValidate = true;

  // A page re-rendered with server errors holds newer values than the draft.
  const serverErrors = !alertBox.hidden;
  const draft = loadDraft(category);
  if (draft && !serverErrors) writePairs(form, draft.pairs);
  else if (!draft) clientIdInput.value = newClientId(clientIdInput.value);
  const region = regionFromPage(loc);
  const refill = linkSelects(loc);

  const save = () => saveDraft(category, { clientId: clientIdInput.value, pairs: readPairs(form), savedAt: new Date().toISOString() });
  form.addEventListener('input', save);
  form.addEventListener('change', save);

  const price = form.elements.namedItem('details[price]') as HTMLInputElement | null;
  // "125.000" is how rupiah are written; the schema wants a plain integer.
  price?.addEventListener('change', () => { price.value = price.value.replace(/[.\s]/g, ''); });
  const hint = document.getElementById('het-hint');
  if (hint) initHetHint(form, hint, today);
  const nearby = document.getElementById('nearby');
  if (nearby) initNearby(form, nearby, category);

  for (const el of form.querySelectorAll<HTMLElement>('.js-only')) el.hidden = false;
  byId('geo-btn').addEventListener('click', () => useMyLocation(loc, region, refill));
  byId('map-btn').addEventListener('click', async () => {
    const el = byId('map');
    if (!el.hidden) return;
    el.hidden = false;
    const start = loc.lat.value ? { lat: Number(loc.lat.value), lng: Number(loc.lng.value) } : null;
    try {
      const { openMap } = await import('./map.ts');
      await openMap(el, region, start, loc.status, (at) => setPoint(loc, region, at, refill, !loc.kecamatan.value));
    } catch {
      el.hidden = true;
      loc.status.textContent = t('mapFailed');
    }
  });

  const photos = new PhotoList(byId('f-photos'), byId('thumbs'), byId('err-photos'), Number(form.dataset.maxPhotos), (blobs) => {
    save();
    putDraftPhotos({ category, clientId: clientIdInput.value, photos: [...blobs] }).catch(() => { /* photos then live only in this page */ });
  });
  // Photos of this same draft come back after a reload; photos of an older, sent report do not.
  getDraftPhotos(category).then((d) => { if (d && d.clientId === clientIdInput.value) photos.restore(d.photos); }).catch(() => {});

  const showRejection = (r: Extract<SendResult, { kind: 'rejected' }>) => {
    status.hidden = true;
    progress.hidden = true;
    const fields = messagesOf(r.fieldCodes, r.params);
    showErrors(form, alertBox, citizenMessage(Object.keys(fields).length ? 'validation_failed' : r.code, r.params, lang, 'internal_error'), fields);
  };

  startOutbox({
    onProgress(entry, fraction) {
      if (entry.clientId !== clientIdInput.value) return;
      progress.hidden = false;
      progress.value = Math.round(fraction * 100);
    },
    onSent(entry, receipt) {
      clearDraft(entry.category, entry.clientId);
      rememberSent({ code: receipt.code, category: entry.category, at: new Date().toISOString() });
      if (entry.clientId === clientIdInput.value) location.assign(`/terkirim/${receipt.code}`);
    },
    onRejected(entry, result) {
      if (entry.clientId === clientIdInput.value) showRejection(result);
    },
    onWaiting(pending, reason) {
      if (!pending.some((e) => e.clientId === clientIdInput.value)) return;
      progress.hidden = true;
      status.textContent = t(reason === 'network' ? 'waiting' : 'serverBusy');
      status.hidden = false;
    },
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const pairs = collapseSwitches(readPairs(form).filter(([name]) => name !== 'photos'));
    const raw = toRaw(pairs);
    // The anonymous switch promises that name and phone are not sent, unless the citizen asked to
    // be told of progress: the same rule intake applies (shared/anonymity.ts).
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const kept = keptContact({ anonymous: raw.anonymous === 'true', notifyConsent: raw.notifyConsent === 'true', name: text(raw.name), phone: text(raw.phone) });
    const sent = pairs.filter(([n]) => (n !== 'name' || kept.name !== null) && (n !== 'phone' || kept.phone !== null));
    if (kept.name === null) delete raw.name;
    if (kept.phone === null) delete raw.phone;
    const parsed = parseReportInput(raw, region, today);
    if (!parsed.ok) {
      showErrors(form, alertBox, citizenMessage('validation_failed', {}, lang), messagesOf(parsed.fields));
      return;
    }
    clearErrors(form, alertBox);
    save();
    await putEntry({ clientId: clientIdInput.value, category, pairs: sent, photos: [...photos.blobs], createdAt: new Date().toISOString() });
    status.textContent = t('sending');
    status.hidden = false;
    await flushOutbox();
  });
}
