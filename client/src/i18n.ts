// Words the browser writes itself (the pages' own words are server-rendered from shared/web-text.ts).
import { fillTemplate } from '../../shared/fill-template.ts';
export type Lang = 'id' | 'en';
// Guarded so the pure helpers importing this can be unit-tested in Node.
export const lang: Lang = typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'id';

const TEXT = {
  id: {
    sending: 'Mengirim laporan…',
    waiting: 'Menunggu sinyal… Laporan sudah tersimpan di HP ini dan akan terkirim otomatis saat ada sinyal. Jangan hapus data browser.',
    serverBusy: 'Server sedang sibuk atau gangguan. Laporan sudah tersimpan di HP ini dan akan dikirim ulang otomatis.',
    sentBackground: 'Laporan yang tertunda sudah terkirim. Kode: {code}',
    pendingCount: '{n} laporan menunggu sinyal untuk dikirim.',
    fixAndResend: 'Laporan tertunda ditolak server. Buka formulirnya, perbaiki, lalu kirim lagi.',
    hetOver: 'Rp {price}/kg — Rp {over} di atas HET (Rp {het}/kg)',
    hetOk: 'Rp {price}/kg — tidak di atas HET (Rp {het}/kg)',
    hetNone: 'Rp {price}/kg — pupuk non-subsidi tidak punya HET',
    geoAsking: 'Mencari lokasi Anda… izinkan akses lokasi bila ditanya.',
    geoFound: 'Lokasi Anda di {desa}, Kecamatan {kec}: keduanya sudah dipilih. Periksa sebelum mengirim.',
    geoNearest: 'Kecamatan {kec} dipilih menurut lokasi Anda. Periksa, lalu pilih desanya.',
    geoOutside: 'Lokasi Anda di luar Kabupaten Blora. Pilih kecamatan dan desa secara manual.',
    geoFailed: 'Lokasi tidak bisa didapat. Pilih kecamatan dan desa dari daftar.',
    mapLoading: 'Memuat peta…',
    mapFailed: 'Peta tidak bisa dimuat tanpa sinyal. Pilih kecamatan dan desa dari daftar saja.',
    mapPick: 'Ketuk peta untuk menandai lokasi.',
    mapPicked: 'Titik lokasi ditandai.',
    removePhoto: 'Hapus foto {n}',
    photoLimit: 'Paling banyak {max} foto. Hapus satu foto dulu untuk menambah.',
    photoFailed: 'Foto ini tidak bisa dibaca. Pilih foto lain.',
    copied: 'Kode disalin.',
    mySent: 'Laporan yang pernah Anda kirim dari HP ini',
  },
  en: {
    sending: 'Sending report…',
    waiting: 'Waiting for signal… The report is saved on this phone and will be sent automatically when there is signal. Do not clear browser data.',
    serverBusy: 'The server is busy or having trouble. The report is saved on this phone and will be sent again automatically.',
    sentBackground: 'A pending report was sent. Code: {code}',
    pendingCount: '{n} report(s) waiting for signal.',
    fixAndResend: 'A pending report was refused. Open its form, fix it and send again.',
    hetOver: 'Rp {price}/kg — Rp {over} above HET (Rp {het}/kg)',
    hetOk: 'Rp {price}/kg — not above HET (Rp {het}/kg)',
    hetNone: 'Rp {price}/kg — non-subsidised fertiliser has no HET',
    geoAsking: 'Finding your location… allow location access if asked.',
    geoFound: 'You are in {desa}, Kecamatan {kec}: both are chosen. Check them before sending.',
    geoNearest: 'Kecamatan {kec} chosen from your location. Check it, then choose the village.',
    geoOutside: 'You are outside Blora Regency. Choose kecamatan and village by hand.',
    geoFailed: 'Location unavailable. Choose kecamatan and village from the list.',
    mapLoading: 'Loading map…',
    mapFailed: 'The map cannot load without signal. Choose kecamatan and village from the list.',
    mapPick: 'Tap the map to mark the place.',
    mapPicked: 'Location marked.',
    removePhoto: 'Remove photo {n}',
    photoLimit: 'At most {max} photos. Remove one first.',
    photoFailed: 'This photo cannot be read. Choose another.',
    copied: 'Code copied.',
    mySent: 'Reports you sent from this phone',
  },
} as const;

export type TextKey = keyof (typeof TEXT)['id'];

export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(TEXT[lang][key], params);
}

export const rupiah = (n: number): string => new Intl.NumberFormat('id-ID').format(n);
