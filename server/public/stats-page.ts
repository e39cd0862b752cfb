// /statistik: the figures of ./statistics.ts as tables, each saying how it is counted.
import { formatDate } from '../web/format.ts';
import { html, type SafeHtml } from '../web/html.ts';
import { TABLE_DAYS, type PublicStatistics } from './statistics.ts';

const number = new Intl.NumberFormat('id-ID');
const n = (value: number) => number.format(value);

function share(value: number | null): string {
  return value === null ? '–' : `${number.format(Math.round(value * 1000) / 10)}%`;
}

function hours(value: number | null): string {
  if (value === null) return '–';
  return value < 48 ? `${number.format(Math.round(value * 10) / 10)} jam` : `${number.format(Math.round((value / 24) * 10) / 10)} hari`;
}

function weekLabel(weekStart: string): string {
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(`${weekStart}T12:00:00+07:00`));
}

export function statsBody(s: PublicStatistics): SafeHtml {
  const maxWeek = Math.max(1, ...s.trend.weeks.map((w) => w.total));
  return html`<h1>Statistik laporan warga</h1>
<p class="intro">Seberapa cepat Pemerintah Kabupaten Blora menjawab warganya. Dihitung dari semua laporan, termasuk laporan rahasia (yang dihitung tetapi tidak pernah ditampilkan). Keadaan per ${formatDate(s.at, 'id', true)} WIB.</p>

<h2>7 dan 30 hari terakhir</h2>
<table class="stats" id="stats-windows">
<thead><tr><th scope="col">Laporan dibuat dalam</th><th scope="col">Dilaporkan</th><th scope="col">Sudah dijawab</th><th scope="col">Selesai</th></tr></thead>
<tbody>${s.windows.map((w) => html`<tr data-days="${w.days}"><th scope="row">${w.days} hari terakhir</th><td>${n(w.reported)}</td><td>${n(w.answered)}</td><td>${n(w.resolved)}</td></tr>`)}</tbody>
</table>
<p class="hint">Cara menghitung: <b>dilaporkan</b> = laporan yang dibuat dalam jangka itu; <b>sudah dijawab</b> = dari laporan itu, yang sekarang tidak lagi berstatus “Baru” (diverifikasi, sedang ditindaklanjuti, selesai, ditolak, atau digabung dengan laporan sama); <b>selesai</b> = yang sekarang berstatus “Selesai”.</p>

<h2>Per dinas</h2>
<div class="scroll" tabindex="0" role="region" aria-label="Tabel per dinas">
<table class="stats" id="stats-agencies">
<thead><tr><th scope="col">Dinas</th><th scope="col">Dilaporkan</th><th scope="col">Dijawab tepat waktu</th><th scope="col">Median sampai diverifikasi</th><th scope="col">Median sampai selesai</th></tr></thead>
<tbody>${s.agencies.map((a) => html`<tr data-agency="${a.agencyId}"><th scope="row">${a.name}</th><td>${n(a.reported)}</td><td>${share(a.onTimeShare)}${a.judged ? html` <span class="muted">(${n(a.answeredOnTime)} dari ${n(a.judged)})</span>` : ''}</td><td>${hours(a.medianHoursToVerify)}</td><td>${hours(a.medianHoursToResolve)}</td></tr>`)}</tbody>
</table></div>
<p class="hint">Cara menghitung, atas laporan yang dibuat dalam ${TABLE_DAYS} hari terakhir: setiap laporan punya tenggat jawaban sendiri, 3 hari kerja sejak masuk (Senin–Jumat, tanpa hari libur nasional dan cuti bersama). <b>Dijawab tepat waktu</b> = laporan yang dijawab (diverifikasi atau ditutup) paling lambat pada tenggatnya, dibagi laporan yang sudah bisa dinilai: yang sudah dijawab, ditambah yang belum dijawab padahal tenggatnya sudah lewat. Laporan yang tenggatnya belum tiba dan belum dijawab belum dinilai. <b>Median</b> = waktu tengah (separuh laporan lebih cepat, separuh lebih lambat) dari masuk sampai diverifikasi, dan dari masuk sampai selesai, dalam jam atau hari kalender.</p>

<h2>Per kecamatan</h2>
<table class="stats" id="stats-kecamatan">
<thead><tr><th scope="col">Kecamatan</th><th scope="col">Dilaporkan</th><th scope="col">Sudah dijawab</th><th scope="col">Selesai</th></tr></thead>
<tbody>${s.kecamatan.map((k) => html`<tr data-kecamatan="${k.code}"><th scope="row"><a href="/laporan?kecamatan=${k.code}">${k.name}</a></th><td>${n(k.reported)}</td><td>${n(k.answered)}</td><td>${n(k.resolved)}</td></tr>`)}</tbody>
</table>
<p class="hint">Cara menghitung: seperti tabel pertama, atas laporan yang dibuat dalam ${TABLE_DAYS} hari terakhir, menurut kecamatan yang dipilih pelapor.</p>

<h2>Tren 12 minggu</h2>
<table class="stats trend-table" id="stats-trend">
<thead><tr><th scope="col">Minggu mulai</th><th scope="col">Dilaporkan</th><th scope="col">Sudah ditutup</th><th scope="col"><span class="sr">Grafik</span></th></tr></thead>
<tbody>${s.trend.weeks.map((w) => html`<tr data-week="${w.weekStart}"><th scope="row">${weekLabel(w.weekStart)}</th><td>${n(w.total)}</td><td>${n(w.closed)}</td><td aria-hidden="true"><span class="bar" style="width:${Math.round((w.total / maxWeek) * 100)}%"></span></td></tr>`)}</tbody>
</table>
<p class="hint">Cara menghitung: laporan menurut minggu pembuatannya (Senin–Minggu, WIB), minggu ini termasuk; <b>sudah ditutup</b> = dari laporan minggu itu, yang sekarang selesai, ditolak, atau digabung.</p>
<p><a href="/laporan">Lihat daftar laporan</a></p>`;
}
