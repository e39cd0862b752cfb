// The Ngopi Bareng pages, server-rendered and escaped through the html template: the public
// session page (live list + online form), the summary, and the facilitator's entry page.
import type { DeskUser } from '../../shared/desk.ts';
import type { NgopiSession, PublicAspiration, SessionMode } from '../../shared/ngopi.ts';
import { ngopiText, type NgopiTextKey } from '../../shared/ngopi-text.ts';
import { ASPIRATION_TOPICS, findTopic } from '../../shared/reference/aspiration-topics.ts';
import type { Agency, Region, Report } from '../../shared/types.ts';
import { formatDate } from '../web/format.ts';
import { html, type SafeHtml } from '../web/html.ts';
import type { Lang } from '../web/lang.ts';
import type { SessionSummary, Timeliness } from './presenter.ts';
import { statusLabel } from '../reports/presenter.ts';

const MODE_KEY: Record<SessionMode, NgopiTextKey> = { luring: 'modeLuring', daring: 'modeDaring', luring_daring: 'modeLuringDaring' };
const TIMELINESS_KEY: Record<Timeliness, NgopiTextKey> = { on_time: 'onTime', late: 'late', running: 'running' };

export function sessionFacts(lang: Lang, s: Pick<NgopiSession, 'startsAt' | 'endsAt' | 'mode' | 'venue' | 'link' | 'topic' | 'facilitator'>, placeName: string | null): SafeHtml {
  const t = (k: NgopiTextKey) => ngopiText(lang, k);
  const place = [s.venue, placeName].filter(Boolean).join(', ');
  return html`<dl class="facts">
<dt>${t('when')}</dt><dd>${formatDate(s.startsAt, lang, true)} – ${formatDate(s.endsAt, lang, true)} (${t(MODE_KEY[s.mode])})</dd>
${place ? html`<dt>${t('place')}</dt><dd>${place}</dd>` : ''}
${s.link ? html`<dt>${t('link')}</dt><dd><a href="${s.link}" rel="noopener nofollow">${s.link}</a></dd>` : ''}
<dt>${t('topic')}</dt><dd>${s.topic}</dd>
<dt>${t('facilitator')}</dt><dd>${s.facilitator}</dd>
</dl>`;
}

function topicLabel(lang: Lang, id: string): string {
  const topic = findTopic(id);
  return topic ? (lang === 'en' ? topic.labelEn : topic.label) : id;
}

/** One row of the live list; the client builds the same markup (client/src/ngopi/live.ts). */
export function aspirationItem(lang: Lang, a: PublicAspiration): SafeHtml {
  return html`<li data-id="${a.publicId}"><strong>${topicLabel(lang, a.topic)}</strong> <span class="status">${statusLabel(a.status)}</span>
<p>${a.text ?? ngopiText(lang, 'awaitingVerification')}</p><a href="/laporan/${a.publicId}">${a.publicId}</a></li>`;
}

export function sessionPageBody(lang: Lang, o: { session: NgopiSession; placeName: string | null; items: PublicAspiration[]; open: boolean; form: SafeHtml | null }): SafeHtml {
  const t = (k: NgopiTextKey, p: Record<string, string | number> = {}) => ngopiText(lang, k, p);
  return html`<p><a href="/" class="back">← ${t('sessionsTitle')}</a></p>
<h1>☕ ${o.session.title}</h1>
${sessionFacts(lang, o.session, o.placeName)}
<p><a href="/ngopi/${o.session.id}/ringkasan">${t('summaryLink')}</a></p>
<section id="live" data-session="${o.session.id}" data-lang="${lang}">
<h2>${t('liveTitle')}</h2>
<p class="hint">${t('liveHint')}</p>
<p class="hint" id="live-empty"${o.items.length ? html` hidden` : ''}>${t('liveEmpty')}</p>
<ol id="live-list" class="timeline" aria-live="polite">${o.items.map((a) => aspirationItem(lang, a))}</ol>
</section>
<section id="send">
<h2>${t('sendTitle')}</h2>
${o.open && o.form ? o.form : html`<p class="notice">${t('closed')}</p><p><a class="btn secondary" href="/lapor/aspirasi">${t('sendTitle')}</a></p>`}
</section>`;
}

export function summaryBody(lang: Lang, s: SessionSummary): SafeHtml {
  const t = (k: NgopiTextKey, p: Record<string, string | number> = {}) => ngopiText(lang, k, p);
  return html`<p><a href="/ngopi/${s.session.id}" class="back">← ${s.session.title}</a></p>
<h1>${t('summaryTitle', { title: s.session.title })}</h1>
<p id="summary-total">${t('total', { n: s.total })}</p>
<p><a class="btn secondary" href="/ngopi/${s.session.id}/ringkasan.csv" download>${t('csv')}</a></p>
<h2>${t('byTopic')}</h2>
<ul>${s.byTopic.map((x) => html`<li>${topicLabel(lang, x.id)}: ${x.count}</li>`)}</ul>
<h2>${t('byAgency')}</h2>
<ul>${s.byAgency.map((x) => html`<li>${x.name}: ${x.count}</li>`)}</ul>
<h2>${t('timeliness')}</h2>
<ul><li>${t('onTime')}: ${s.byTimeliness.on_time}</li><li>${t('late')}: ${s.byTimeliness.late}</li><li>${t('running')}: ${s.byTimeliness.running}</li></ul>
<table class="summary" id="summary-rows">
<thead><tr><th>${t('code')}</th><th>${t('topic')}</th><th>${t('agency')}</th><th>${t('status')}</th><th>${t('timeliness')}</th><th>${t('supports')}</th><th>${t('text')}</th></tr></thead>
<tbody>${s.rows.map((r) => html`<tr data-id="${r.publicId}"><td><a href="/laporan/${r.publicId}">${r.publicId}</a></td><td>${topicLabel(lang, r.topic)}</td><td>${r.agencyName}</td><td class="status">${r.statusLabel}</td><td>${t(TIMELINESS_KEY[r.timeliness])}</td><td>${r.supportCount}</td><td>${r.text ?? t(r.confidential ? 'confidentialRow' : 'awaitingVerification')}</td></tr>`)}</tbody>
</table>`;
}

export interface EntryPageInput {
  lang: Lang;
  session: NgopiSession;
  user: DeskUser;
  region: Region;
  agencies: Agency[];
  reports: Report[];
  values: Record<string, string>;
  errors: Record<string, string>;
  saved?: string;
  alert?: string;
}

/** The facilitator's page: one aspiration after another, the topic kept, codes listed below. */
export function entryBody(p: EntryPageInput): SafeHtml {
  const t = (k: NgopiTextKey, params: Record<string, string | number> = {}) => ngopiText(p.lang, k, params);
  const v = (name: string) => p.values[name] ?? '';
  const err = (name: string) => html`<p class="err" id="err-${name}">${p.errors[name] ?? ''}</p>`;
  const desa = v('desa') || p.session.desa || '';
  return html`<h1>${t('entryTitle', { title: p.session.title })}</h1>
<p><a href="/ngopi/${p.session.id}">/ngopi/${p.session.id}</a> · <a href="/ngopi/${p.session.id}/ringkasan">${t('summaryLink')}</a></p>
${p.saved ? html`<p class="notice" role="status" id="entry-saved">${t('saved', { code: p.saved })}</p>` : ''}
${p.alert ? html`<p class="alert" role="alert">${p.alert}</p>` : ''}
<form method="post" action="/desk/ngopi/${p.session.id}" id="entry-form" class="group">
<div class="field"><label for="e-topic">${t('topic')}</label>
<select id="e-topic" name="topic" required>${ASPIRATION_TOPICS.map((x) => html`<option value="${x.id}"${v('topic') === x.id ? html` selected` : ''}>${p.lang === 'en' ? x.labelEn : x.label}</option>`)}</select>${err('topic')}</div>
<div class="field"><label for="e-text">${t('entryText')}</label>
<textarea id="e-text" name="text" rows="4" required autofocus>${v('text')}</textarea>${err('text')}</div>
<div class="field"><label for="e-agency">${t('entryAgency')}</label>
<select id="e-agency" name="agencyId"><option value="">${t('entryAgencyAuto')}</option>${p.agencies.map((a) => html`<option value="${a.id}"${v('agencyId') === a.id ? html` selected` : ''}>${a.name}</option>`)}</select>${err('agencyId')}</div>
<div class="field"><label for="e-name">${t('speakerName')}</label><input id="e-name" name="speakerName" value="${v('speakerName')}" autocomplete="off">${err('speakerName')}</div>
<div class="field"><label for="e-desa">${t('speakerDesa')}</label>
<select id="e-desa" name="desa" required><option value="">—</option>${p.region.kecamatan.map((k) => html`<optgroup label="${k.name}">${k.desa.map((d) => html`<option value="${d.code}"${desa === d.code ? html` selected` : ''}>${d.name}</option>`)}</optgroup>`)}</select>${err('desa')}</div>
<label class="choice"><input type="checkbox" id="e-consent" name="consent" value="true"> <span>${t('consent')}</span></label>
<p class="hint">${t('consentHint')}</p>
<label class="choice"><input type="checkbox" id="e-confidential" name="confidential" value="true"> <span>${t('confidential')}</span></label>
<button class="btn primary" type="submit">${t('save')}</button>
</form>
<h2>${t('entered', { n: p.reports.length })}</h2>
<p class="hint">${t('printHint')}</p>
<table class="summary" id="entered"><thead><tr><th>#</th><th>${t('code')}</th><th>${t('topic')}</th><th>${t('agency')}</th><th>${t('speaker')}</th><th>${t('status')}</th></tr></thead>
<tbody>${p.reports.map((r, i) => html`<tr data-id="${r.publicId}"><td>${i + 1}</td><td><strong>${r.publicId}</strong></td><td>${topicLabel(p.lang, (r.details as { topic: string }).topic)}</td><td>${p.agencies.find((a) => a.id === r.agencyId)?.name ?? r.agencyId}</td><td>${r.reporterName ?? '—'}</td><td>${statusLabel(r.status)}</td></tr>`)}</tbody></table>`;
}
