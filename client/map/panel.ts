// The side panel's sections as markup strings; every server value goes through esc().
import { CATEGORY_COLOURS, STATUS_COLOURS, type AgencyStats, type KecamatanGroup, type MapPinFeature, type PupukStats, type TrendWeek } from '../../shared/map.ts';
import type { Agency, Category, CategoryId, Region, ReportStatus } from '../../shared/types.ts';
import { duration, esc, fmt, percent, rupiah, shortDate } from './text.ts';

export interface Meta {
  region: Region;
  agencies: Agency[];
  categories: Category[];
  statuses: { id: ReportStatus; label: string }[];
  fertiliser: { types: { id: string; label: string }[]; problems: { id: string; label: string }[] };
  map: { tileUrl: string; attribution: string };
}

export class Labels {
  private readonly desa = new Map<string, string>();
  constructor(readonly meta: Meta) {
    for (const k of meta.region.kecamatan) for (const d of k.desa) this.desa.set(d.code, d.name);
  }
  category = (id: string): string => this.meta.categories.find((c) => c.id === id)?.label ?? id;
  status = (id: string): string => this.meta.statuses.find((s) => s.id === id)?.label ?? id;
  agency = (id: string): string => this.meta.agencies.find((a) => a.id === id)?.name ?? id;
  kecamatan = (code: string): string => this.meta.region.kecamatan.find((k) => k.code === code)?.name ?? code;
  desaName = (code: string): string => this.desa.get(code) ?? code;
  fertiliser = (id: string): string => this.meta.fertiliser.types.find((t) => t.id === id)?.label ?? id;
  problem = (id: string): string => this.meta.fertiliser.problems.find((p) => p.id === id)?.label ?? id;
}

function bars(rows: { label: string; count: number; colour?: string }[], total: number): string {
  if (rows.length === 0) return '<p class="muted">Belum ada laporan.</p>';
  return `<ul class="bars">${rows.map((r) => `<li><span class="bar-label">${r.colour ? `<i class="dot" style="background:${esc(r.colour)}"></i>` : ''}${esc(r.label)}</span>
    <span class="meter"><span style="width:${total ? Math.max(2, Math.round((r.count / total) * 100)) : 0}%"></span></span><b>${esc(fmt(r.count))}</b></li>`).join('')}</ul>`;
}

export function kecamatanDetail(group: KecamatanGroup, pins: MapPinFeature[] | null, truncated: boolean, labels: Labels): string {
  const byCategory = (Object.entries(group.byCategory) as [CategoryId, number][]).sort((a, b) => b[1] - a[1])
    .map(([id, count]) => ({ label: labels.category(id), count, colour: CATEGORY_COLOURS[id] }));
  const byStatus = (Object.entries(group.byStatus) as [ReportStatus, number][]).sort((a, b) => b[1] - a[1])
    .map(([id, count]) => ({ label: labels.status(id), count, colour: STATUS_COLOURS[id] }));
  const byAgency = Object.entries(group.byAgency).sort((a, b) => b[1] - a[1]).map(([id, count]) => ({ label: labels.agency(id), count }));
  const list = pins === null
    ? '<p class="muted">Memuat laporan…</p>'
    : pins.length === 0 ? '<p class="muted">Tidak ada laporan dengan saringan ini.</p>'
      : `<ol class="reports">${pins.map((p) => {
        const r = p.properties;
        return `<li data-id="${esc(r.publicId)}"><span class="pill" style="background:${esc(STATUS_COLOURS[r.status])}">${esc(labels.status(r.status))}</span>
          <b>${esc(labels.category(r.category))}</b> · ${esc(labels.desaName(r.desa))} · ${esc(shortDate(r.createdAt))}${r.overdue ? ' <span class="late">lewat tenggat</span>' : ''}${p.geometry ? '' : ' <span class="muted" title="Tanpa titik GPS">(tanpa titik)</span>'}
          <br><code>${esc(r.publicId)}</code> ${esc(r.excerpt)}</li>`;
      }).join('')}</ol>${truncated ? '<p class="muted">Hanya laporan terbaru yang ditampilkan.</p>' : ''}`;
  const head = `<header class="detail-head"><h2>Kecamatan ${esc(group.name)}</h2><button type="button" id="detail-close" aria-label="Tutup">×</button></header>
    <p class="big"><b id="detail-total">${esc(fmt(group.total))}</b> laporan · <b class="${group.overdue ? 'late' : ''}">${esc(fmt(group.overdue))}</b> lewat tenggat</p>`;
  const zoom = '<p><button type="button" id="detail-zoom" class="link">Perbesar ke kecamatan ini (tampilkan titik laporan)</button></p>';
  if (group.total === 0) return `${head}<p class="muted">Tidak ada laporan dengan saringan ini.</p>${zoom}`;
  return `${head}
    <h3>Kategori</h3>${bars(byCategory, group.total)}
    <h3>Status</h3>${bars(byStatus, group.total)}
    <h3>Dinas</h3>${bars(byAgency, group.total)}
    ${zoom}
    <h3>Laporan</h3>${list}`;
}

export function agencyTable(items: AgencyStats[]): string {
  // Agency names are long: each gets its own line above its numbers.
  return `<table class="stats agencies"><thead><tr><th title="Laporan terbuka">Terbuka</th><th title="Lewat tenggat">Telat</th>
    <th title="Dijawab (diverifikasi/ditutup) sebelum tenggat verifikasi 3 hari kerja">Tepat waktu</th><th title="Median waktu sampai diverifikasi">Median verifikasi</th><th title="Median waktu sampai selesai">Median selesai</th></tr></thead>
    <tbody>${items.map((a) => `<tr class="name-row"><th colspan="5" scope="rowgroup">${esc(a.name)} <span class="muted">· ${esc(fmt(a.total))} laporan</span></th></tr>
      <tr data-agency="${esc(a.agencyId)}"><td>${esc(fmt(a.open))}</td>
      <td class="${a.overdue ? 'late' : ''}">${esc(fmt(a.overdue))}</td><td>${esc(percent(a.answeredOnTimeShare))}</td>
      <td>${esc(duration(a.medianHoursToVerify))}</td><td>${esc(duration(a.medianHoursToResolve))}</td></tr>`).join('')}</tbody></table>`;
}

export function pupukSection(p: PupukStats, labels: Labels): string {
  if (p.total === 0) return '<p class="muted">Belum ada laporan pupuk dengan saringan ini.</p>';
  const kiosks = p.kiosks.length
    ? `<ol class="kiosks">${p.kiosks.map((k) => `<li>${esc(k.name)} <span class="muted">(${esc(k.kecamatan.map(labels.kecamatan).join(', '))})</span> <b>${esc(fmt(k.count))}</b></li>`).join('')}</ol>`
    : '<p class="muted">Tidak ada nama kios.</p>';
  const prices = p.prices.length
    ? `<table class="stats"><thead><tr><th>Jenis</th><th>Rata-rata/kg</th><th>HET/kg</th><th>Selisih</th></tr></thead><tbody>${p.prices.map((row) => `<tr>
      <th scope="row">${esc(labels.fertiliser(row.fertiliserType))} <span class="muted">(${esc(fmt(row.reports))})</span></th><td>${esc(rupiah(row.avgPricePerKg))}</td>
      <td>${row.hetPerKg === null ? '–' : esc(rupiah(row.hetPerKg))}</td><td class="${row.avgOverHetPerKg > 0 ? 'late' : ''}">${row.avgOverHetPerKg > 0 ? `+${esc(rupiah(row.avgOverHetPerKg))}` : '–'}</td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">Belum ada harga dilaporkan.</p>';
  return `<p><b>${esc(fmt(p.total))}</b> laporan pupuk</p>
    <h3>Kios paling banyak dilaporkan</h3>${kiosks}
    <h3>Harga dibanding HET</h3>${prices}
    <h3>Masalah</h3>${bars(p.problems.map((x) => ({ label: labels.problem(x.id), count: x.count })), p.total)}
    <h3>Per kecamatan</h3>${bars(p.byKecamatan.map((k) => ({ label: k.name, count: k.count })), p.total)}`;
}

export function trendChart(weeks: TrendWeek[]): string {
  const max = Math.max(1, ...weeks.map((w) => w.total));
  const w = 24;
  const h = 90;
  const bars = weeks.map((week, i) => {
    const total = Math.round((week.total / max) * h);
    const closed = Math.round((week.closed / max) * h);
    return `<g><title>Minggu ${esc(shortDate(`${week.weekStart}T12:00:00+07:00`))}: ${esc(fmt(week.total))} laporan, ${esc(fmt(week.closed))} ditutup</title>
      <rect x="${i * w + 3}" y="${h - total + 4}" width="${w - 6}" height="${total}" fill="#9cc3b0"/>
      <rect x="${i * w + 3}" y="${h - closed + 4}" width="${w - 6}" height="${closed}" fill="#0b5d3b"/>
      ${week.total ? `<text x="${i * w + w / 2}" y="${Math.max(9, h - total)}" text-anchor="middle" class="t-num">${esc(fmt(week.total))}</text>` : ''}</g>`;
  }).join('');
  const first = weeks[0]?.weekStart;
  const last = weeks[weeks.length - 1]?.weekStart;
  return `<svg class="trend" viewBox="0 0 ${weeks.length * w} ${h + 8}" role="img" aria-label="Laporan per minggu, 12 minggu terakhir">${bars}</svg>
    <p class="legend muted"><i class="dot" style="background:#9cc3b0"></i> masuk <i class="dot" style="background:#0b5d3b"></i> sudah ditutup ·
    ${first ? esc(shortDate(`${first}T12:00:00+07:00`)) : ''} – ${last ? esc(shortDate(`${last}T12:00:00+07:00`)) : ''}</p>`;
}

export function legend(labels: Labels): string {
  return `<div class="legend-box"><b>Kategori</b>${labels.meta.categories.map((c) => `<span><i class="dot" style="background:${esc(CATEGORY_COLOURS[c.id])}"></i>${esc(c.label)}</span>`).join('')}
    <b>Status (pin)</b>${labels.meta.statuses.map((s) => `<span><i class="dot" style="background:${esc(STATUS_COLOURS[s.id])}"></i>${esc(s.label)}</span>`).join('')}</div>`;
}
