import { ASPIRATION_TOPICS } from '../../shared/reference/aspiration-topics.ts';
import { FERTILISER_TYPES, PUPUK_PROBLEMS } from '../../shared/reference/fertiliser.ts';
import type { Category, Region } from '../../shared/types.ts';
import { DAMAGE_TYPES, DESCRIPTION_MAX } from '../../shared/validation/report-input.ts';
import { ngopiText } from '../../shared/ngopi-text.ts';
import { WEB_TEXT, webText, type WebTextKey } from '../../shared/web-text.ts';
import type { FormValues } from './form-values.ts';
import { html, type SafeHtml } from './html.ts';
import type { Lang } from './lang.ts';

export interface FormPageInput {
  lang: Lang;
  category: Category;
  region: Region;
  values: FormValues;
  /** Input name → message, already in the page's language. */
  errors: Record<string, string>;
  clientId: string;
  today: string;
  maxPhotos: number;
  photosDropped: boolean;
  /** A refusal not tied to a field (too many requests, server trouble), in the page's language. */
  alert?: string;
}

/** `details[kioskName]` → `details-kioskName`, usable in id attributes. */
export function idOf(name: string): string {
  return name.replace(/\[\]$/, '').replace(/\[/g, '-').replace(/\]/g, '');
}

class FormBuilder {
  private focused = false;
  constructor(private readonly p: FormPageInput) {}

  t(key: WebTextKey, params: Record<string, string | number> = {}): string {
    return webText(this.p.lang, key, params);
  }

  value(name: string): string {
    return this.p.values[name]?.[0] ?? '';
  }

  has(name: string, v: string): boolean {
    return this.p.values[name]?.includes(v) ?? false;
  }

  /** The error slot exists even when empty, so the client can fill it and screen readers hear it. */
  error(name: string): SafeHtml {
    const msg = this.p.errors[name];
    return html`<p class="err" id="err-${idOf(name)}" data-for="${name}">${msg ?? ''}</p>`;
  }

  /** Without JavaScript, `autofocus` on the first bad field is how focus moves to it. */
  claimFocus(name: string): boolean {
    const focus = Boolean(this.p.errors[name]) && !this.focused;
    if (focus) this.focused = true;
    return focus;
  }

  aria(name: string, hint = false, focusable = true): SafeHtml {
    const described = `${hint ? `hint-${idOf(name)} ` : ''}err-${idOf(name)}`;
    const focus = focusable && this.claimFocus(name);
    return html`aria-describedby="${described}"${this.p.errors[name] ? html` aria-invalid="true"` : ''}${focus ? html` autofocus` : ''}`;
  }

  text(name: string, label: string, opts: { type?: string; hint?: string; required?: boolean; inputmode?: string; max?: string; autocomplete?: string } = {}): SafeHtml {
    const id = idOf(name);
    return html`<div class="field">
<label for="f-${id}">${label}</label>
${opts.hint ? html`<p class="hint" id="hint-${id}">${opts.hint}</p>` : ''}
<input id="f-${id}" name="${name}" type="${opts.type ?? 'text'}" value="${this.value(name)}"${opts.required ? html` required` : ''}${opts.inputmode ? html` inputmode="${opts.inputmode}"` : ''}${opts.max ? html` max="${opts.max}"` : ''} autocomplete="${opts.autocomplete ?? 'off'}" ${this.aria(name, Boolean(opts.hint))}>
${this.error(name)}
</div>`;
  }

  select(name: string, label: string, options: readonly { value: string; label: string }[], opts: { required?: boolean; blank?: boolean } = {}): SafeHtml {
    const id = idOf(name);
    return html`<div class="field">
<label for="f-${id}">${label}</label>
<select id="f-${id}" name="${name}"${opts.required ? html` required` : ''} ${this.aria(name)}>
${opts.blank ? html`<option value="">${this.t('choose')}</option>` : ''}
${options.map((o) => html`<option value="${o.value}"${this.has(name, o.value) ? html` selected` : ''}>${o.label}</option>`)}
</select>
${this.error(name)}
</div>`;
  }

  choiceGroup(type: 'radio' | 'checkbox', name: string, legend: string, options: readonly { value: string; label: string }[]): SafeHtml {
    const id = idOf(name);
    const focus = this.claimFocus(name);
    return html`<fieldset class="choices" id="f-${id}" ${this.aria(name, false, false)}>
<legend>${legend}</legend>
${options.map((o, i) => html`<label class="choice"><input type="${type}" name="${name}" value="${o.value}"${this.has(name, o.value) ? html` checked` : ''}${focus && i === 0 ? html` autofocus` : ''}> <span>${o.label}</span></label>`)}
${this.error(name)}
</fieldset>`;
  }

  /** A hidden "false" then the checkbox: the last value sent is the citizen's choice. */
  switch(name: string, label: string, hint: string, defaultOn: boolean): SafeHtml {
    const sent = this.p.values[name];
    const on = sent ? sent[sent.length - 1] === 'true' : defaultOn;
    return html`<div class="field switch">
<input type="hidden" name="${name}" value="false">
<label class="choice"><input type="checkbox" id="f-${name}" name="${name}" value="true"${on ? html` checked` : ''} aria-describedby="hint-${name}"> <span>${label}</span></label>
<p class="hint" id="hint-${name}">${hint}</p>
</div>`;
  }
}

function pupukFields(b: FormBuilder, p: FormPageInput): SafeHtml {
  return html`<fieldset class="group"><legend>${b.t('pupukSection')}</legend>
${b.choiceGroup('radio', 'details[fertiliserType]', b.t('fertiliserType'), FERTILISER_TYPES.map((f) => ({ value: f.id, label: f.label })))}
${b.choiceGroup('checkbox', 'details[problems][]', b.t('problems'), PUPUK_PROBLEMS.map((x) => ({ value: x.id, label: x.label })))}
${b.text('details[kioskName]', b.t('kioskName'))}
${b.text('details[kioskDesa]', b.t('kioskDesa'))}
${b.text('details[purchaseDate]', b.t('purchaseDate'), { type: 'date', max: p.today })}
<div class="row">
${b.text('details[quantity]', b.t('quantity'), { inputmode: 'decimal' })}
${b.select('details[unit]', b.t('unit'), [{ value: 'bag', label: b.t('unitBag') }, { value: 'kg', label: b.t('unitKg') }])}
</div>
<div class="row">
${b.text('details[price]', b.t('price'), { inputmode: 'numeric' })}
${b.select('details[priceUnit]', b.t('priceUnit'), [{ value: 'total', label: b.t('priceTotal') }, { value: 'bag', label: b.t('priceBag') }, { value: 'kg', label: b.t('priceKg') }])}
</div>
<p id="het-hint" class="het" aria-live="polite"></p>
</fieldset>`;
}

function jalanFields(b: FormBuilder, p: FormPageInput): SafeHtml {
  const damage = WEB_TEXT[p.lang].damage;
  return html`<fieldset class="group"><legend>${b.t('jalanSection')}</legend>
${b.text('details[roadName]', b.t('roadName'))}
${b.select('details[damageType]', b.t('damageType'), DAMAGE_TYPES.map((d) => ({ value: d, label: damage[d] ?? d })), { required: true, blank: true })}
${b.choiceGroup('radio', 'details[severity]', b.t('severity'), [1, 2, 3].map((n) => ({ value: String(n), label: b.t(`severity${n}` as WebTextKey) })))}
</fieldset>`;
}

function aspirasiFields(b: FormBuilder, p: FormPageInput): SafeHtml {
  // Inside a Ngopi Bareng session the topic is one of the known topics: it routes the aspiration.
  const session = b.value('details[session]');
  if (session) {
    return html`<fieldset class="group"><legend>${b.t('aspirasiSection')}</legend>
<input type="hidden" name="details[session]" value="${session}">
${b.select('details[topic]', b.t('topic'), ASPIRATION_TOPICS.map((t) => ({ value: t.id, label: p.lang === 'en' ? t.labelEn : t.label })), { required: true, blank: true })}
</fieldset>`;
  }
  return html`<fieldset class="group"><legend>${b.t('aspirasiSection')}</legend>
${b.text('details[topic]', b.t('topic'), { required: true })}
${b.text('details[session]', b.t('session'))}
</fieldset>`;
}

function locationFields(b: FormBuilder, p: FormPageInput): SafeHtml {
  const kec = b.value('kecamatan');
  const bounds = p.region.bounds;
  return html`<fieldset class="group" id="location"${bounds ? html` data-bounds="${[bounds.minLat, bounds.maxLat, bounds.minLng, bounds.maxLng].join(',')}"` : ''}><legend>${b.t('location')}</legend>
<div class="field">
<label for="f-kecamatan">${b.t('kecamatan')}</label>
<select id="f-kecamatan" name="kecamatan" required ${b.aria('kecamatan')}>
<option value="">${b.t('choose')}</option>
${p.region.kecamatan.map((k) => html`<option value="${k.code}"${k.centroid ? html` data-c="${k.centroid.lat},${k.centroid.lng}"` : ''}${kec === k.code ? html` selected` : ''}>${k.name}</option>`)}
</select>
${b.error('kecamatan')}
</div>
<div class="field">
<label for="f-desa">${b.t('desa')}</label>
<select id="f-desa" name="desa" required ${b.aria('desa')}>
<option value="">${b.t('choose')}</option>
${p.region.kecamatan.map((k) => html`<optgroup label="${k.name}" data-k="${k.code}">${k.desa.map((d) => html`<option value="${d.code}"${b.has('desa', d.code) ? html` selected` : ''}>${d.name}</option>`)}</optgroup>`)}
</select>
${b.error('desa')}
</div>
<input type="hidden" name="lat" id="f-lat" value="${b.value('lat')}">
<input type="hidden" name="lng" id="f-lng" value="${b.value('lng')}">
${b.error('lat')}
<div class="js-only actions" hidden>
<button type="button" class="btn secondary" id="geo-btn">📍 ${b.t('useMyLocation')}</button>
<button type="button" class="btn secondary" id="map-btn">🗺️ ${b.t('openMap')}</button>
</div>
<p id="geo-status" class="hint" role="status" aria-live="polite"></p>
<div id="map" class="map" hidden></div>
</fieldset>`;
}

const DETAIL_FIELDS: Partial<Record<string, (b: FormBuilder, p: FormPageInput) => SafeHtml>> = {
  pupuk: pupukFields,
  jalan: jalanFields,
  aspirasi: aspirasiFields,
};

export function formBody(p: FormPageInput): SafeHtml {
  const b = new FormBuilder(p);
  const label = p.lang === 'en' ? p.category.labelEn : p.category.label;
  const hasErrors = Object.keys(p.errors).length > 0;
  const alertText = p.alert ?? (hasErrors ? b.t('errorSummary') : '');
  const details = DETAIL_FIELDS[p.category.id];
  return html`<p><a href="/" class="back">← ${b.t('back')}</a></p>
<h1><span aria-hidden="true">${p.category.icon}</span> ${b.t('reportTitle', { category: label })}</h1>
<div id="form-alert" class="alert" role="alert" tabindex="-1"${alertText ? '' : html` hidden`}>${alertText}${p.photosDropped ? html` ${b.t('photosLost')}` : ''}</div>
<form id="report-form" method="post" action="/lapor/${p.category.id}" enctype="multipart/form-data" data-category="${p.category.id}" data-today="${p.today}" data-max-photos="${p.maxPhotos}">
<input type="hidden" name="category" value="${p.category.id}">
<input type="hidden" name="clientId" value="${p.clientId}">
${details ? details(b, p) : ''}
<div class="field">
<label for="f-description">${b.t('description')}</label>
<p class="hint" id="hint-description">${b.t('descriptionHint')}</p>
<textarea id="f-description" name="description" rows="5" required maxlength="${DESCRIPTION_MAX}" ${b.aria('description', true)}>${b.value('description')}</textarea>
${b.error('description')}
</div>
${locationFields(b, p)}
<fieldset class="group"><legend>${b.t('photos')}</legend>
<div class="field">
<label for="f-photos" class="btn secondary file-label">📷 ${b.t('photos')}</label>
<p class="hint" id="hint-photos">${b.t('photosHint', { max: p.maxPhotos })}</p>
<input id="f-photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple ${b.aria('photos', true)}>
${b.error('photos')}
<ul id="thumbs" class="thumbs"></ul>
</div>
</fieldset>
<fieldset class="group"><legend>${b.t('contact')}</legend>
${b.text('name', b.t('name'), { autocomplete: 'name' })}
${b.text('phone', b.t('phone'), { type: 'tel', inputmode: 'tel', hint: b.t('phoneHint'), autocomplete: 'tel' })}
${b.switch('anonymous', b.t('anonymous'), b.t('anonymousHint'), false)}
${b.switch('notifyConsent', b.t('notifyConsent'), b.t('notifyConsentHint'), false)}
${b.switch('confidential', b.t('confidential'), b.t('confidentialHint'), p.category.id === 'pupuk')}
</fieldset>
<section id="nearby" class="notice" aria-live="polite" data-count="${ngopiText(p.lang, 'supportCount', { n: '{n}' })}" hidden>
<h2>${ngopiText(p.lang, 'similarTitle')}</h2>
<ul id="nearby-list"></ul>
<p class="hint">${ngopiText(p.lang, 'similarHint')}</p>
</section>
<div id="send-status" class="notice" role="status" aria-live="polite" hidden></div>
<progress id="upload-progress" max="100" value="0" hidden></progress>
<button type="submit" class="btn primary">${b.t('submit')}</button>
</form>`;
}
