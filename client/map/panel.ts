// The side panel's sections, built with h(): every server value goes in as a text node.
import { CATEGORY_COLOURS, STATUS_COLOURS, type AgencyStats, type KecamatanGroup, type MapPinFeature, type PupukStats } from '../../shared/map.ts';
import type { CategoryId, ReportStatus } from '../../shared/types.ts';
import { h } from '../desk/dom.ts';
import type { Labels } from './labels.ts';
import { duration, fmt, percent, rupiah, shortDate } from './text.ts';

type Part = Node;

export function muted(text: string): HTMLElement {
  return h('p', { class: 'muted' }, text);
}

export function dot(colour: string): HTMLElement {
  return h('i', { class: 'dot', style: `background:${colour}` });
}

function bars(rows: { label: string; count: number; colour?: string }[], total: number): Part {
  if (rows.length === 0) return muted('Belum ada laporan.');
  return h('ul', { class: 'bars' }, ...rows.map((r) => h('li', {},
    h('span', { class: 'bar-label' }, r.colour ? dot(r.colour) : null, r.label),
    h('span', { class: 'meter' }, h('span', { style: `width:${total ? Math.max(2, Math.round((r.count / total) * 100)) : 0}%` })),
    h('b', {}, fmt(r.count)))));
}

export interface DetailHandlers { onClose(): void; onZoom(): void }

function reportList(pins: MapPinFeature[] | null, truncated: boolean, labels: Labels): Part[] {
  if (pins === null) return [muted('Memuat laporan…')];
  if (pins.length === 0) return [muted('Tidak ada laporan dengan saringan ini.')];
  // The list can be long: a scrollable region, so it must be reachable by keyboard too.
  const list = h('ol', { class: 'reports', tabindex: 0, 'aria-label': 'Laporan di kecamatan ini' }, ...pins.map((p) => {
    const r = p.properties;
    return h('li', { 'data-id': r.publicId },
      h('span', { class: 'pill', style: `border-color:${STATUS_COLOURS[r.status]}` }, labels.status(r.status)), ' ',
      h('b', {}, labels.category(r.category)), ` · ${labels.desaName(r.desa)} · ${shortDate(r.createdAt)}`,
      r.overdue ? ' ' : null, r.overdue ? h('span', { class: 'late' }, 'lewat tenggat') : null,
      p.geometry ? null : ' ', p.geometry ? null : h('span', { class: 'muted', title: 'Tanpa titik GPS' }, '(tanpa titik)'),
      h('br'), h('code', {}, r.publicId), ` ${r.excerpt}`);
  }));
  return truncated ? [list, muted('Hanya laporan terbaru yang ditampilkan.')] : [list];
}

export function kecamatanDetail(group: KecamatanGroup, pins: MapPinFeature[] | null, truncated: boolean, labels: Labels, on: DetailHandlers): Part[] {
  const byCategory = (Object.entries(group.byCategory) as [CategoryId, number][]).sort((a, b) => b[1] - a[1])
    .map(([id, count]) => ({ label: labels.category(id), count, colour: CATEGORY_COLOURS[id] }));
  const byStatus = (Object.entries(group.byStatus) as [ReportStatus, number][]).sort((a, b) => b[1] - a[1])
    .map(([id, count]) => ({ label: labels.status(id), count, colour: STATUS_COLOURS[id] }));
  const byAgency = Object.entries(group.byAgency).sort((a, b) => b[1] - a[1]).map(([id, count]) => ({ label: labels.agency(id), count }));
  const close = h('button', { type: 'button', id: 'detail-close', 'aria-label': 'Tutup' }, '×');
  close.addEventListener('click', on.onClose);
  const zoomButton = h('button', { type: 'button', id: 'detail-zoom', class: 'link' }, 'Perbesar ke kecamatan ini (tampilkan titik laporan)');
  zoomButton.addEventListener('click', on.onZoom);
  const head = [
    h('header', { class: 'detail-head' }, h('h2', {}, `Kecamatan ${group.name}`), close),
    h('p', { class: 'big' }, h('b', { id: 'detail-total' }, fmt(group.total)), ' laporan · ', h('b', { class: group.overdue ? 'late' : '' }, fmt(group.overdue)), ' lewat tenggat'),
  ];
  const zoom = h('p', {}, zoomButton);
  if (group.total === 0) return [...head, muted('Tidak ada laporan dengan saringan ini.'), zoom];
  return [...head,
    h('h3', {}, 'Kategori'), bars(byCategory, group.total),
    h('h3', {}, 'Status'), bars(byStatus, group.total),
    h('h3', {}, 'Dinas'), bars(byAgency, group.total),
    zoom,
    h('h3', {}, 'Laporan'), ...reportList(pins, truncated, labels)];
}

export function agencyTable(items: AgencyStats[]): Part {
  // Agency names are long: each gets its own line above its numbers.
  const th = (title: string, text: string) => h('th', { title }, text);
  return h('table', { class: 'stats agencies' },
    // The medians come from the read model's hour-bucket histograms (server/readmodel/hours.ts).
    h('caption', { class: 'muted' }, 'Median dihitung dari histogram per rentang jam (diinterpolasi di dalam rentang): meleset paling banyak setengah rentang — 30 menit untuk waktu sampai 2 hari, lebih lebar untuk waktu yang lebih lama.'),
    h('thead', {}, h('tr', {}, th('Laporan terbuka', 'Terbuka'), th('Lewat tenggat', 'Telat'),
      th('Dijawab (diverifikasi/ditutup) sebelum tenggat verifikasinya (tabel tenggat per kategori)', 'Tepat waktu'),
      th('Median waktu sampai diverifikasi', 'Median verifikasi'), th('Median waktu sampai selesai', 'Median selesai'))),
    h('tbody', {}, ...items.flatMap((a) => [
      h('tr', { class: 'name-row' }, h('th', { colspan: 5, scope: 'rowgroup' }, a.name, ' ', h('span', { class: 'muted' }, `· ${fmt(a.total)} laporan`))),
      h('tr', { 'data-agency': a.agencyId }, h('td', {}, fmt(a.open)), h('td', { class: a.overdue ? 'late' : '' }, fmt(a.overdue)),
        h('td', {}, percent(a.answeredOnTimeShare)), h('td', {}, duration(a.medianHoursToVerify)), h('td', {}, duration(a.medianHoursToResolve))),
    ])));
}

export function pupukSection(p: PupukStats, labels: Labels): Part[] {
  if (p.total === 0) return [muted('Belum ada laporan pupuk dengan saringan ini.')];
  const kiosks = p.kiosks.length
    ? h('ol', { class: 'kiosks' }, ...p.kiosks.map((k) => h('li', {}, `${k.name} `, h('span', { class: 'muted' }, `(${k.kecamatan.map(labels.kecamatan).join(', ')})`), ' ', h('b', {}, fmt(k.count)))))
    : muted('Tidak ada nama kios.');
  const prices = p.prices.length
    ? h('table', { class: 'stats' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Jenis'), h('th', {}, 'Rata-rata/kg'), h('th', {}, 'HET/kg'), h('th', {}, 'Selisih'))),
      h('tbody', {}, ...p.prices.map((row) => h('tr', {},
        h('th', { scope: 'row' }, `${labels.fertiliser(row.fertiliserType)} `, h('span', { class: 'muted' }, `(${fmt(row.reports)})`)),
        h('td', {}, rupiah(row.avgPricePerKg)), h('td', {}, row.hetPerKg === null ? '–' : rupiah(row.hetPerKg)),
        h('td', { class: row.avgOverHetPerKg > 0 ? 'late' : '' }, row.avgOverHetPerKg > 0 ? `+${rupiah(row.avgOverHetPerKg)}` : '–')))))
    : muted('Belum ada harga dilaporkan.');
  return [h('p', {}, h('b', {}, fmt(p.total)), ' laporan pupuk'),
    h('h3', {}, 'Kios paling banyak dilaporkan'), kiosks,
    h('h3', {}, 'Harga dibanding HET'), prices,
    h('h3', {}, 'Masalah'), bars(p.problems.map((x) => ({ label: labels.problem(x.id), count: x.count })), p.total),
    h('h3', {}, 'Per kecamatan'), bars(p.byKecamatan.map((k) => ({ label: k.name, count: k.count })), p.total)];
}

export function legend(labels: Labels): HTMLElement {
  return h('div', { class: 'legend-box' },
    h('b', {}, 'Kategori'), ...labels.meta.categories.map((c) => h('span', {}, dot(CATEGORY_COLOURS[c.id]), c.label)),
    h('b', {}, 'Status (pin)'), ...labels.meta.statuses.map((st) => h('span', {}, dot(STATUS_COLOURS[st.id]), st.label)));
}
