// The WhatsApp conversation as a pure function: (state, what the citizen sent, environment) →
// (next state, replies, at most one effect for the service to carry out). No I/O here: places,
// the clock and limits come in through `env`, so every turn is testable and any process can
// take the next message from the stored state.
import { CHAT, rupiah } from '../../../shared/channel-text.ts';
import { ASPIRATION_TOPICS } from '../../../shared/reference/aspiration-topics.ts';
import { CATEGORIES } from '../../../shared/reference/categories.ts';
import { FERTILISER_TYPES, PUPUK_PROBLEMS } from '../../../shared/reference/fertiliser.ts';
import { DAMAGE_TYPES, DESCRIPTION_MAX, DESCRIPTION_MIN } from '../../../shared/validation/report-input.ts';
import { WEB_TEXT } from '../../../shared/web-text.ts';
import type { CategoryId, FertiliserType, PupukDetails, PupukProblem } from '../../../shared/types.ts';
import { withPriceCheck } from '../../reports/pupuk.ts';
import type { ChannelInput, Reply } from '../inputs.ts';
import { CONVERSATION_TTL_MS, type ConversationState, type Draft, type Step } from './state.ts';

export interface PlaceRef { kecamatan: string; desa: string }

export interface MachineEnv {
  now: Date;
  /** YYYY-MM-DD in WIB: the HET in force today. */
  today: string;
  maxPhotos: number;
  maxPhotoLabel: string;
  kecamatanName(code: string): string;
  desaName(code: string): string;
  /** Where a point lies: outside the regency, or its kecamatan and desa where boundaries cover it. */
  locate(lat: number, lng: number): { inRegion: boolean; kecamatan: string | null; desa: string | null };
  /** The few desa a typed name most likely means, best first (within a kecamatan when given). */
  matchPlaces(text: string, kecamatan?: string): PlaceRef[];
}

export type Effect =
  | { type: 'submit'; draft: Draft }
  | { type: 'status'; code: string }
  | { type: 'my_reports' }
  | { type: 'one_message'; text: string }
  /** BERHENTI (stop) or MULAI: status messages to this number off or on again (server/notify/). */
  | { type: 'notify_opt'; stop: boolean };

/** `asked`: the replies end with the state's question, so its message id becomes the state's promptId. */
export interface Outcome { state: ConversationState | null; replies: Reply[]; effect?: Effect; asked?: true }

interface Option { id: string; title: string; description?: string }

const DAMAGE_LABELS = WEB_TEXT.id.damage;
const SEVERITIES: Option[] = [
  { id: 'sv:1', title: WEB_TEXT.id.severity1 }, { id: 'sv:2', title: WEB_TEXT.id.severity2 }, { id: 'sv:3', title: WEB_TEXT.id.severity3 },
];
const YES_NO: Option[] = [{ id: 'yes', title: CHAT.yes }, { id: 'no', title: CHAT.no }];
const NOT_GIVEN = /^[-–—]$|^(tidak ada|tidak|lewati|skip)$/i;

function categoryOptions(): Option[] {
  return CATEGORIES.map((c) => ({ id: `cat:${c.id}`, title: c.label }));
}

function placeOptions(env: MachineEnv, candidates: PlaceRef[]): Option[] {
  return candidates.map((c) => ({ id: `place:${c.desa}`, title: `${env.desaName(c.desa)}, ${env.kecamatanName(c.kecamatan)}` }));
}

/** A tapped option by its id; a typed one by its number, its title or its id. */
function pick(input: ChannelInput, options: Option[]): string | null {
  if (input.kind === 'choice') return options.find((o) => o.id === input.id)?.id ?? null;
  if (input.kind !== 'text') return null;
  const typed = input.text.trim().toLowerCase();
  const index = /^\d{1,2}$/.test(typed) ? Number(typed) - 1 : -1;
  if (index >= 0 && index < options.length) return options[index].id;
  return options.find((o) => o.title.toLowerCase() === typed || o.id.split(':')[1] === typed)?.id ?? null;
}

function textOf(input: ChannelInput): string | null {
  return input.kind === 'text' ? input.text.trim() : null;
}

function list(text: string, button: string, options: Option[]): Reply {
  return { kind: 'list', text, button, rows: options };
}

function buttons(text: string, options: Option[]): Reply {
  return { kind: 'buttons', text, buttons: options };
}

function optionsOf(step: Step, state: ConversationState, env: MachineEnv): Option[] {
  switch (step) {
    case 'category': return categoryOptions();
    case 'place_confirm': return YES_NO;
    case 'place_choose': return placeOptions(env, state.draft.candidates ?? []);
    case 'topic': return ASPIRATION_TOPICS.map((t) => ({ id: `tp:${t.id}`, title: t.label }));
    case 'pupuk_type': return FERTILISER_TYPES.map((t) => ({ id: `ft:${t.id}`, title: t.label }));
    case 'pupuk_problem': return PUPUK_PROBLEMS.map((p) => ({ id: `pp:${p.id}`, title: p.label }));
    case 'jalan_damage': return DAMAGE_TYPES.map((d) => ({ id: `dm:${d}`, title: DAMAGE_LABELS[d] }));
    case 'jalan_severity': return SEVERITIES;
    case 'photos': return [{ id: 'photos:done', title: CHAT.photosDone }, { id: 'photos:none', title: CHAT.photosNone }];
    case 'confidential': return [{ id: 'conf:yes', title: CHAT.confidentialYes }, { id: 'conf:no', title: CHAT.confidentialNo }];
    case 'anonymous': return [{ id: 'anon:yes', title: CHAT.anonymousYes }, { id: 'anon:no', title: CHAT.anonymousNo }];
    case 'summary': return [{ id: 'sum:send', title: CHAT.send }, { id: 'sum:restart', title: CHAT.restart }, { id: 'sum:cancel', title: CHAT.cancel }];
    default: return [];
  }
}

/** The question of a step, as it is sent (and sent again after a stale reply). */
export function questionOf(state: ConversationState, env: MachineEnv): Reply {
  const options = optionsOf(state.step, state, env);
  const d = state.draft;
  switch (state.step) {
    case 'category': return list(CHAT.menu, CHAT.menuButton, options);
    case 'place': return { kind: 'location_request', text: CHAT.place };
    case 'place_confirm': {
      const c = d.candidates?.[0];
      return buttons(c ? CHAT.placeFound(env.desaName(c.desa), env.kecamatanName(c.kecamatan)) : CHAT.place, options);
    }
    case 'place_choose':
      return options.length <= 3
        ? buttons(`${CHAT.placeChoose}\n${options.map((o, i) => `${i + 1}. ${o.title}`).join('\n')}`, options)
        : list(CHAT.placeChoose, CHAT.placeChoose, options);
    case 'desa': return { kind: 'text', text: d.kecamatan ? CHAT.desaIn(env.kecamatanName(d.kecamatan)) : CHAT.placeNoBoundary(null) };
    case 'topic': return list(CHAT.topic, CHAT.topicButton, options);
    case 'pupuk_type': return list(CHAT.pupukType, CHAT.pupukTypeButton, options);
    case 'pupuk_problem': return list(CHAT.pupukProblem, CHAT.pupukProblemButton, options);
    case 'pupuk_kiosk': return { kind: 'text', text: CHAT.pupukKiosk };
    case 'pupuk_quantity': return { kind: 'text', text: CHAT.pupukQuantity };
    case 'pupuk_price': return { kind: 'text', text: CHAT.pupukPrice };
    case 'jalan_damage': return list(CHAT.jalanDamage, CHAT.jalanDamageButton, options);
    case 'jalan_severity': return buttons(CHAT.jalanSeverity, options);
    case 'description': return { kind: 'text', text: CHAT.description };
    case 'photos': return buttons(CHAT.photos(env.maxPhotos), options);
    case 'confidential': return buttons(CHAT.confidential(d.category === 'pupuk'), options);
    case 'anonymous': return buttons(CHAT.anonymous, options);
    case 'summary': return buttons(summaryOf(d, env), options);
  }
}

export function summaryOf(d: Draft, env: MachineEnv): string {
  const lines: string[] = [CHAT.summaryTitle];
  const category = CATEGORIES.find((c) => c.id === d.category);
  if (category) lines.push(`• Kategori: ${category.label}`);
  if (d.kecamatan && d.desa) lines.push(`• Lokasi: Desa ${env.desaName(d.desa)}, Kec. ${env.kecamatanName(d.kecamatan)}${d.lat !== undefined ? ' (titik GPS)' : ''}`);
  const x = d.details;
  if (typeof x.topic === 'string') lines.push(`• Topik: ${ASPIRATION_TOPICS.find((t) => t.id === x.topic)?.label ?? x.topic}`);
  if (typeof x.fertiliserType === 'string') lines.push(`• Pupuk: ${FERTILISER_TYPES.find((t) => t.id === x.fertiliserType)?.label ?? x.fertiliserType}`);
  if (Array.isArray(x.problems)) lines.push(`• Masalah: ${x.problems.map((p) => PUPUK_PROBLEMS.find((q) => q.id === p)?.label ?? p).join(', ')}`);
  if (typeof x.kioskName === 'string') lines.push(`• Kios: ${x.kioskName}`);
  if (typeof x.quantity === 'number') lines.push(`• Jumlah: ${x.quantity} ${x.unit === 'bag' ? 'sak' : 'kg'}`);
  if (typeof x.price === 'number') lines.push(`• Harga: Rp ${rupiah(x.price)}${x.priceUnit === 'bag' ? ' per sak' : x.priceUnit === 'kg' ? ' per kg' : ' (total)'}`);
  if (typeof x.damageType === 'string' && x.damageType in DAMAGE_LABELS) lines.push(`• Kerusakan: ${DAMAGE_LABELS[x.damageType as keyof typeof DAMAGE_LABELS]}`);
  if (typeof x.severity === 'number') lines.push(`• Tingkat: ${SEVERITIES[x.severity - 1]?.title ?? x.severity}`);
  if (d.description) lines.push(`• Cerita: ${d.description.length > 300 ? `${d.description.slice(0, 299)}…` : d.description}`);
  lines.push(`• Foto: ${d.photos.length}`);
  lines.push(`• Dirahasiakan: ${d.confidential ? 'ya' : 'tidak'} • Anonim: ${d.anonymous ? 'ya' : 'tidak'}`);
  return lines.join('\n');
}

/** The step after the place: the category's own fields, then the description. */
function afterPlace(category: CategoryId | undefined): Step {
  if (category === 'pupuk') return 'pupuk_type';
  if (category === 'jalan') return 'jalan_damage';
  if (category === 'aspirasi') return 'topic';
  return 'description';
}

/** "2 sak", "50kg", "1,5 karung" → quantity and unit (sak/karung/zak are bags). */
export function parseQuantity(text: string): { quantity: number; unit: 'kg' | 'bag' } | null {
  const match = /^(\d+(?:[.,]\d+)?)\s*(kg|kilo|kilogram|sak|karung|zak|bag)$/i.exec(text.trim());
  if (!match) return null;
  const quantity = Number(match[1].replace(',', '.'));
  if (!(quantity >= 0.1 && quantity <= 100_000)) return null;
  return { quantity, unit: /^(kg|kilo|kilogram)$/i.test(match[2]) ? 'kg' : 'bag' };
}

/** "Rp 150.000 per sak", "3000/kg", "rp300.000" → price in rupiah and what it was for. */
export function parsePrice(text: string): { price: number; priceUnit: 'total' | 'bag' | 'kg' } | null {
  const t = text.trim().toLowerCase();
  const priceUnit = /(per|\/)\s*(sak|karung|zak)/.test(t) ? 'bag' : /(per|\/)\s*(kg|kilo)/.test(t) ? 'kg' : 'total';
  const digits = /(\d[\d.,]*)/.exec(t.replace(/rp\.?\s*/g, ''));
  if (!digits) return null;
  // Indonesian writing: dots (or commas) group thousands; rupiah prices have no fractions here.
  const price = Number(digits[1].replace(/[.,](?=\d{3}(\D|$))/g, '').replace(/[.,]\d{1,2}$/, ''));
  if (!Number.isInteger(price) || price < 1 || price > 1_000_000_000) return null;
  return { price, priceUnit };
}

function priceNote(d: Draft, env: MachineEnv): Reply | null {
  const x = d.details;
  if (typeof x.fertiliserType !== 'string' || typeof x.price !== 'number') return null;
  const details: PupukDetails = {
    fertiliserType: x.fertiliserType as FertiliserType,
    problems: Array.isArray(x.problems) ? (x.problems as PupukProblem[]) : [],
    price: x.price,
    priceUnit: x.priceUnit === 'bag' || x.priceUnit === 'kg' ? x.priceUnit : 'total',
    ...(typeof x.quantity === 'number' ? { quantity: x.quantity } : {}),
    ...(x.unit === 'bag' || x.unit === 'kg' ? { unit: x.unit } : {}),
  };
  const checked = withPriceCheck(details, env.today);
  if (checked.pricePerKg === undefined) return null;
  if (checked.hetPerKg === null || checked.hetPerKg === undefined) return { kind: 'text', text: CHAT.noHet };
  return {
    kind: 'text',
    text: (checked.overHetPerKg ?? 0) > 0
      ? CHAT.overHet(checked.pricePerKg, checked.hetPerKg, checked.overHetPercent ?? 0)
      : CHAT.withinHet(checked.pricePerKg, checked.hetPerKg),
  };
}

function fresh(env: MachineEnv): ConversationState {
  return { step: 'category', draft: { details: {}, photos: [] }, updatedAt: env.now.toISOString() };
}

function at(state: ConversationState, step: Step, draft: Draft, env: MachineEnv): ConversationState {
  return { step, draft, updatedAt: env.now.toISOString() };
}

function ask(state: ConversationState, env: MachineEnv, before: Reply[] = []): Outcome {
  return { state, replies: [...before, questionOf(state, env)], asked: true };
}

function retry(state: ConversationState, env: MachineEnv, why: string = CHAT.notUnderstood): Outcome {
  return ask(state, env, [{ kind: 'text', text: why }]);
}

/** Offers the places a typed name matched: one to confirm, a few to choose from, none to type again. */
function offerPlaces(state: ConversationState, env: MachineEnv, typed: string, withinKecamatan?: string): Outcome {
  const candidates = env.matchPlaces(typed, withinKecamatan).slice(0, 3);
  if (candidates.length === 0) return ask(state, env, [{ kind: 'text', text: CHAT.placeNone(typed) }]);
  const draft = { ...state.draft, candidates };
  return ask(at(state, candidates.length === 1 ? 'place_confirm' : 'place_choose', draft, env), env);
}

function choosePlace(state: ConversationState, env: MachineEnv, place: PlaceRef): Outcome {
  const { candidates: _dropped, ...rest } = state.draft;
  return ask(at(state, afterPlace(rest.category), { ...rest, kecamatan: place.kecamatan, desa: place.desa }, env), env);
}

function withPhoto(state: ConversationState, env: MachineEnv, input: Extract<ChannelInput, { kind: 'image' }>): { draft: Draft; note: Reply } {
  const d = state.draft;
  if (input.problem === 'too_large') return { draft: d, note: { kind: 'text', text: CHAT.photoTooLarge(env.maxPhotoLabel) } };
  if (input.problem === 'not_image') return { draft: d, note: { kind: 'text', text: CHAT.photoNotImage } };
  if (input.problem === 'unavailable') return { draft: d, note: { kind: 'text', text: CHAT.photoUnavailable } };
  if (d.photos.includes(input.mediaId)) return { draft: d, note: { kind: 'text', text: CHAT.photoReceived(d.photos.length, env.maxPhotos) } };
  if (d.photos.length >= env.maxPhotos) return { draft: d, note: { kind: 'text', text: CHAT.photoTooMany(env.maxPhotos) } };
  const photos = [...d.photos, input.mediaId];
  return { draft: { ...d, photos }, note: { kind: 'text', text: CHAT.photoReceived(photos.length, env.maxPhotos) } };
}

/** One turn of the conversation. */
export function converse(current: ConversationState | null, input: ChannelInput, contextId: string | undefined, env: MachineEnv): Outcome {
  const expired = current !== null && env.now.getTime() - Date.parse(current.updatedAt) >= CONVERSATION_TTL_MS;
  const state = expired ? null : current;
  const typed = textOf(input);

  if (typed !== null) {
    if (/^(LAPOR|CEK)\s*#/i.test(typed)) return { state, replies: [], effect: { type: 'one_message', text: typed } };
    if (/^batal$/i.test(typed)) return { state: null, replies: [{ kind: 'text', text: CHAT.cancelled }] };
    if (/^menu$/i.test(typed)) return ask(fresh(env), env);
    if (/^cek$/i.test(typed)) return { state, replies: [], effect: { type: 'my_reports' } };
    if (/^(berhenti|mulai)$/i.test(typed)) return { state, replies: [], effect: { type: 'notify_opt', stop: /^berhenti$/i.test(typed) } };
    const check = /^cek\s+(.+)$/i.exec(typed);
    if (check) return { state, replies: [], effect: { type: 'status', code: check[1] } };
  }

  if (state === null) {
    return ask(fresh(env), env, [{ kind: 'text', text: expired ? CHAT.expired : CHAT.welcome }]);
  }

  // A tap on an older message's button (or a reply quoting it) answers a question no longer asked.
  if (contextId && state.promptId && contextId !== state.promptId) {
    return ask(state, env, [{ kind: 'text', text: CHAT.stale }]);
  }

  if (input.kind === 'unsupported') return retry(state, env, CHAT.unsupported);
  if (input.kind === 'image' && state.draft.category) {
    const { draft, note } = withPhoto(state, env, input);
    return ask(at(state, state.step, draft, env), env, [note]);
  }

  const d = state.draft;
  const chosen = pick(input, optionsOf(state.step, state, env));
  const value = chosen?.split(':')[1];
  switch (state.step) {
    case 'category': {
      if (!value) return retry(state, env);
      const category = CATEGORIES.find((c) => c.id === value)?.id;
      if (!category) return retry(state, env);
      return ask(at(state, 'place', { details: {}, photos: [], category }, env), env);
    }
    case 'place': {
      if (input.kind === 'location') {
        const found = env.locate(input.lat, input.lng);
        if (!found.inRegion) return ask(state, env, [{ kind: 'text', text: CHAT.placeOutside }]);
        const draft = { ...d, lat: input.lat, lng: input.lng };
        if (found.kecamatan && found.desa) return ask(at(state, 'place_confirm', { ...draft, candidates: [{ kecamatan: found.kecamatan, desa: found.desa }] }, env), env);
        const next = at(state, 'desa', { ...draft, ...(found.kecamatan ? { kecamatan: found.kecamatan } : {}) }, env);
        return { state: next, replies: [{ kind: 'text', text: CHAT.placeNoBoundary(found.kecamatan ? env.kecamatanName(found.kecamatan) : null) }] };
      }
      if (typed) return offerPlaces(state, env, typed);
      return retry(state, env);
    }
    case 'place_confirm': {
      const candidate = d.candidates?.[0];
      if (chosen === 'yes' && candidate) return choosePlace(state, env, candidate);
      if (chosen === 'no') return ask(at(state, 'place', { ...d, candidates: undefined }, env), env);
      if (typed) return offerPlaces(state, env, typed, d.kecamatan);
      return retry(state, env);
    }
    case 'place_choose': {
      const candidate = d.candidates?.find((c) => c.desa === value);
      if (candidate) return choosePlace(state, env, candidate);
      if (typed) return offerPlaces(state, env, typed);
      return retry(state, env);
    }
    case 'desa':
      if (typed) return offerPlaces(state, env, typed, d.kecamatan);
      return retry(state, env);
    case 'topic':
      if (!value) return retry(state, env);
      return ask(at(state, 'description', { ...d, details: { topic: value } }, env), env);
    case 'pupuk_type':
      if (!value) return retry(state, env);
      return ask(at(state, 'pupuk_problem', { ...d, details: { fertiliserType: value } }, env), env);
    case 'pupuk_problem':
      if (!value) return retry(state, env);
      return ask(at(state, 'pupuk_kiosk', { ...d, details: { ...d.details, problems: [value] } }, env), env);
    case 'pupuk_kiosk': {
      if (!typed) return retry(state, env);
      if (typed.length > 200) return retry(state, env, CHAT.pupukKiosk);
      const details = NOT_GIVEN.test(typed) ? d.details : { ...d.details, kioskName: typed };
      return ask(at(state, 'pupuk_quantity', { ...d, details }, env), env);
    }
    case 'pupuk_quantity': {
      if (!typed) return retry(state, env);
      if (NOT_GIVEN.test(typed)) return ask(at(state, 'description', d, env), env);
      const q = parseQuantity(typed);
      if (!q) return retry(state, env, CHAT.pupukQuantityBad);
      return ask(at(state, 'pupuk_price', { ...d, details: { ...d.details, ...q } }, env), env);
    }
    case 'pupuk_price': {
      if (!typed) return retry(state, env);
      if (NOT_GIVEN.test(typed)) return ask(at(state, 'description', d, env), env);
      const p = parsePrice(typed);
      if (!p) return retry(state, env, CHAT.pupukPriceBad);
      const draft = { ...d, details: { ...d.details, ...p } };
      const note = priceNote(draft, env);
      return ask(at(state, 'description', draft, env), env, note ? [note] : []);
    }
    case 'jalan_damage':
      if (!value) return retry(state, env);
      return ask(at(state, 'jalan_severity', { ...d, details: { damageType: value } }, env), env);
    case 'jalan_severity':
      if (!value) return retry(state, env);
      return ask(at(state, 'description', { ...d, details: { ...d.details, severity: Number(value) } }, env), env);
    case 'description': {
      if (!typed) return retry(state, env);
      if (typed.length < DESCRIPTION_MIN) return retry(state, env, CHAT.descriptionShort);
      if (typed.length > DESCRIPTION_MAX) return retry(state, env, CHAT.descriptionLong);
      return ask(at(state, 'photos', { ...d, description: typed }, env), env);
    }
    case 'photos':
      if (chosen === 'photos:done' || chosen === 'photos:none' || (typed && /^(selesai|tanpa foto|tidak ada)$/i.test(typed))) {
        return ask(at(state, 'confidential', d, env), env);
      }
      return retry(state, env);
    case 'confidential':
      if (!chosen) return retry(state, env);
      return ask(at(state, 'anonymous', { ...d, confidential: chosen === 'conf:yes' }, env), env);
    case 'anonymous':
      if (!chosen) return retry(state, env);
      return ask(at(state, 'summary', { ...d, anonymous: chosen === 'anon:yes' }, env), env);
    case 'summary':
      if (chosen === 'sum:send') return { state, replies: [], effect: { type: 'submit', draft: d } };
      if (chosen === 'sum:restart') return ask(fresh(env), env);
      if (chosen === 'sum:cancel') return { state: null, replies: [{ kind: 'text', text: CHAT.cancelled }] };
      return retry(state, env);
  }
}
