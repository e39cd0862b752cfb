// The messages a citizen's phone may have to show by itself: the report form's checks and
// what intake, tracking and support can answer. Only these ship in the form's script (the
// page-weight budget of a cheap phone on a rural network); the rest stay on the server
// (./messages.ts). Bahasa Indonesia first; English for the language switch.
import { fillTemplate } from './fill-template.ts';

export const CITIZEN_MESSAGES = {
  validation_failed: ['Ada isian yang belum benar. Periksa kolom yang ditandai.', 'Some fields need attention.'],
  required: ['Wajib diisi.', 'Required.'],
  invalid_category: ['Pilih kategori laporan dari daftar.', 'Choose a category from the list.'],
  description_too_short: ['Ceritakan masalahnya minimal 10 huruf.', 'Describe the problem in at least 10 characters.'],
  description_too_long: ['Cerita terlalu panjang (maksimal 4000 huruf). Ringkas sedikit.', 'Too long (4000 characters at most).'],
  invalid_kecamatan: ['Pilih kecamatan dari daftar.', 'Choose a kecamatan from the list.'],
  invalid_desa: ['Pilih desa/kelurahan dari daftar.', 'Choose a village from the list.'],
  desa_not_in_kecamatan: ['Desa ini tidak berada di kecamatan yang dipilih. Pilih ulang desanya.', 'This village is not in the chosen kecamatan.'],
  invalid_coordinates: ['Titik lokasi tidak valid.', 'Invalid location point.'],
  outside_region: ['Titik lokasi berada di luar wilayah kabupaten. Pilih lokasi di peta atau hapus titiknya.', 'The point is outside the regency.'],
  coordinates_incomplete: ['Lintang dan bujur harus diisi berdua.', 'Latitude and longitude go together.'],
  invalid_phone: ['Nomor HP tidak valid. Contoh: 0812 3456 7890.', 'Invalid phone number. Example: 0812 3456 7890.'],
  phone_required_for_notify: ['Isi nomor HP (WhatsApp) agar kami bisa mengabari perkembangan laporan.', 'Enter a (WhatsApp) phone number so we can send you progress updates.'],
  name_too_long: ['Nama terlalu panjang (maksimal 100 huruf).', 'Name too long (100 characters at most).'],
  invalid_client_id: ['Kode perangkat tidak valid (harus UUID).', 'clientId must be a UUID.'],
  invalid_boolean: ['Isian ini harus ya atau tidak.', 'Must be yes or no.'],
  invalid_choice: ['Pilih salah satu dari daftar.', 'Choose one of the options.'],
  invalid_number: ['Isi dengan angka yang wajar.', 'Enter a sensible number.'],
  invalid_date: ['Tanggal tidak valid atau di masa depan.', 'Invalid or future date.'],
  text_too_long: ['Isian terlalu panjang.', 'Too long.'],
  unknown_field: ['Isian ini tidak dikenal.', 'Unknown field.'],
  invalid_json: ['Data yang dikirim tidak terbaca (JSON rusak).', 'The request body is not valid JSON.'],
  bad_request_encoding: ['Alamat atau data yang dikirim memuat kode persen (%) yang rusak. Periksa tautannya.', 'The address or data contains a malformed percent-escape.'],
  bad_request: ['Permintaan tidak dapat dibaca. Muat ulang halaman lalu coba lagi.', 'The request could not be read.'],
  invalid_form: ['Formulir yang dikirim tidak terbaca. Muat ulang halaman lalu kirim lagi.', 'The form could not be read. Reload the page and send again.'],
  body_too_large: ['Data yang dikirim terlalu besar.', 'The request is too large.'],
  unsupported_media_type: ['Jenis data tidak didukung. Kirim JSON atau formulir.', 'Unsupported content type.'],
  too_many_photos: ['Terlalu banyak foto. Kirim paling banyak {max} foto.', 'Too many photos ({max} at most).'],
  photo_too_large: ['Foto terlalu besar (maksimal {max}). Kecilkan atau pilih foto lain.', 'Photo too large ({max} at most).'],
  photo_too_many_pixels: ['Resolusi foto terlalu besar. Pilih foto lain.', 'Photo resolution too high.'],
  photo_unsupported_type: ['Berkas ini bukan foto JPEG, PNG, atau WebP.', 'Only JPEG, PNG or WebP photos.'],
  photo_unreadable: ['Foto rusak atau tidak bisa dibaca. Pilih foto lain.', 'The photo could not be read.'],
  unexpected_file_field: ['Berkas dikirim di kolom yang salah (gunakan "photos").', 'Files must be sent in the "photos" field.'],
  rate_limited: ['Terlalu banyak permintaan. Coba lagi dalam {retry} detik.', 'Too many requests. Try again in {retry} seconds.'],
  report_not_found: ['Laporan dengan kode itu tidak ditemukan. Periksa kembali kodenya.', 'No report with that code.'],
  not_found: ['Halaman atau data tidak ditemukan.', 'Not found.'],
  invalid_cursor: ['Halaman daftar tidak dikenal. Mulai lagi dari halaman pertama.', 'Unknown list page. Start again from the first page.'],
  public_report_not_found: ['Laporan itu tidak ditemukan atau tidak untuk publik.', 'That report was not found or is not public.'],
  feedback_not_allowed: ['Penilaian hanya bisa diberikan setelah laporan selesai.', 'Feedback is only possible after the report is resolved.'],
  feedback_already_given: ['Penilaian untuk laporan ini sudah diberikan.', 'Feedback was already given.'],
  invalid_rating: ['Beri nilai 1 sampai 5.', 'Rate from 1 to 5.'],
  reopen_window_closed: ['Batas waktu membuka kembali laporan sudah lewat. Silakan buat laporan baru.', 'The reopen window has passed.'],
  reopen_reason_required: ['Tuliskan alasan membuka kembali laporan.', 'Give a reason to reopen.'],
  conflict: ['Laporan baru saja diubah orang lain. Muat ulang lalu coba lagi.', 'The report changed meanwhile; reload and retry.'],
  csrf_rejected: ['Permintaan ditolak karena asalnya tidak dikenal.', 'Request refused: unknown origin.'],
  invalid_value: ['Isian ini tidak valid.', 'Invalid value.'],
  unknown_topic: ['Topik aspirasi tidak dikenal: {name}.', 'Unknown aspiration topic: {name}.'],
  session_not_found: ['Sesi Ngopi Bareng tidak ditemukan.', 'Ngopi Bareng session not found.'],
  session_closed: ['Sesi Ngopi Bareng ini sedang tidak menerima aspirasi daring. Kirim sebagai aspirasi biasa.', 'This Ngopi Bareng session is not taking online aspirations now.'],
  invalid_topic: ['Pilih topik dari daftar.', 'Choose a topic from the list.'],
  support_not_allowed: ['Laporan ini tidak bisa didukung (dirahasiakan, ditolak, atau sudah digabung).', 'This report cannot be supported (confidential, rejected or merged).'],
  store_unavailable: ['Layanan sedang gangguan. Coba lagi sebentar lagi.', 'Service temporarily unavailable.'],
  internal_error: ['Terjadi kesalahan di server. Laporan Anda tidak hilang bila sudah mendapat kode; coba lagi sebentar lagi.', 'Server error; please retry shortly.'],
} as const satisfies Record<string, readonly [string, string]>;

export type CitizenMessageCode = keyof typeof CITIZEN_MESSAGES;

function isCitizenCode(code: string): code is CitizenMessageCode {
  return Object.hasOwn(CITIZEN_MESSAGES, code);
}

/**
 * The message for a code in the browser. A code outside this table (a server answer this
 * script does not know) reads as the generic "check the fields" or "try again" one.
 */
export function citizenMessage(code: string, params: Record<string, string | number> = {}, lang: 'id' | 'en' = 'id', fallback: CitizenMessageCode = 'invalid_value'): string {
  const known = isCitizenCode(code) ? code : fallback;
  return fillTemplate(CITIZEN_MESSAGES[known][lang === 'id' ? 0 : 1], params);
}
