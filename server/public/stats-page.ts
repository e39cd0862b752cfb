// /statistik: the figures of ./statistics.ts as tables, each saying how it is counted.
import { publicPageText, type PublicTextKey } from '../../shared/public-text.ts';
import { formatDate, formatDayMonth, numberFormat } from '../web/format.ts';
import { html, type SafeHtml } from '../web/html.ts';
import type { Lang } from '../web/lang.ts';
import { TABLE_DAYS, type PublicStatistics } from './statistics.ts';

function formatters(lang: Lang) {
  const t = (k: PublicTextKey, p: Record<string, string | number> = {}) => publicPageText(lang, k, p);
  const number = numberFormat(lang);
  return {
    t,
    n: (value: number) => number.format(value),
    share: (value: number | null) => (value === null ? '–' : `${number.format(Math.round(value * 1000) / 10)}%`),
    hours: (value: number | null) => {
      if (value === null) return '–';
      return value < 48 ? t('hours', { n: number.format(Math.round(value * 10) / 10) }) : t('days', { n: number.format(Math.round((value / 24) * 10) / 10) });
    },
    week: (weekStart: string) => formatDayMonth(new Date(`${weekStart}T12:00:00+07:00`), lang),
  };
}

export function statsBody(lang: Lang, s: PublicStatistics): SafeHtml {
  const { t, n, share, hours, week } = formatters(lang);
  const maxWeek = Math.max(1, ...s.trend.weeks.map((w) => w.total));
  return html`<h1>${t('statsTitle')}</h1>
<p class="intro">${t('statsIntro', { at: formatDate(s.at, lang, true) })}</p>

<h2>${t('windowsTitle')}</h2>
<table class="stats" id="stats-windows">
<thead><tr><th scope="col">${t('createdWithin')}</th><th scope="col">${t('reportedCol')}</th><th scope="col">${t('answeredCol')}</th><th scope="col">${t('resolvedCol')}</th></tr></thead>
<tbody>${s.windows.map((w) => html`<tr data-days="${w.days}"><th scope="row">${t('lastDays', { days: w.days })}</th><td>${n(w.reported)}</td><td>${n(w.answered)}</td><td>${n(w.resolved)}</td></tr>`)}</tbody>
</table>
<p class="hint">${t('windowsHow')}</p>

<h2>${t('agenciesTitle')}</h2>
<div class="scroll" tabindex="0" role="region" aria-label="${t('agenciesTable')}">
<table class="stats" id="stats-agencies">
<thead><tr><th scope="col">${t('agency')}</th><th scope="col">${t('reportedCol')}</th><th scope="col">${t('onTimeCol')}</th><th scope="col">${t('medianVerifyCol')}</th><th scope="col">${t('medianResolveCol')}</th></tr></thead>
<tbody>${s.agencies.map((a) => html`<tr data-agency="${a.agencyId}"><th scope="row">${a.name}</th><td>${n(a.reported)}</td><td>${share(a.onTimeShare)}${a.judged ? html` <span class="muted">${t('onTimeOf', { a: n(a.answeredOnTime), b: n(a.judged) })}</span>` : ''}</td><td>${hours(a.medianHoursToVerify)}</td><td>${hours(a.medianHoursToResolve)}</td></tr>`)}</tbody>
</table></div>
<p class="hint">${t('agenciesHow', { days: TABLE_DAYS })}</p>

<h2>${t('kecamatanTitle')}</h2>
<table class="stats" id="stats-kecamatan">
<thead><tr><th scope="col">${t('kecamatan')}</th><th scope="col">${t('reportedCol')}</th><th scope="col">${t('answeredCol')}</th><th scope="col">${t('resolvedCol')}</th></tr></thead>
<tbody>${s.kecamatan.map((k) => html`<tr data-kecamatan="${k.code}"><th scope="row"><a href="/laporan?kecamatan=${k.code}">${k.name}</a></th><td>${n(k.reported)}</td><td>${n(k.answered)}</td><td>${n(k.resolved)}</td></tr>`)}</tbody>
</table>
<p class="hint">${t('kecamatanHow', { days: TABLE_DAYS })}</p>

<h2>${t('trendTitle')}</h2>
<table class="stats trend-table" id="stats-trend">
<thead><tr><th scope="col">${t('weekStarting')}</th><th scope="col">${t('reportedCol')}</th><th scope="col">${t('closedCol')}</th><th scope="col"><span class="sr">${t('chart')}</span></th></tr></thead>
<tbody>${s.trend.weeks.map((w) => html`<tr data-week="${w.weekStart}"><th scope="row">${week(w.weekStart)}</th><td>${n(w.total)}</td><td>${n(w.closed)}</td><td aria-hidden="true"><span class="bar" style="width:${Math.round((w.total / maxWeek) * 100)}%"></span></td></tr>`)}</tbody>
</table>
<p class="hint">${t('trendHow')}</p>
<p><a href="/laporan">${t('seeList')}</a> · <a href="/data">${t('seeOpenData')}</a></p>`;
}
