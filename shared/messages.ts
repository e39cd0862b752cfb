// Every message a citizen or officer reads, keyed by a machine-readable code: the citizen's
// own (./citizen-messages.ts, which the form's script carries) and the rest, server-side.
// Bahasa Indonesia first; English for the language switch.
import { CITIZEN_MESSAGES } from './citizen-messages.ts';
import { fillTemplate } from './fill-template.ts';
export const MESSAGES = {
  ...CITIZEN_MESSAGES,
  illegal_transition: ['Tindakan ini tidak bisa dilakukan pada status laporan sekarang.', 'This action is not possible in the current status.'],
  notification_not_failed: ['Hanya kabar yang gagal terkirim yang bisa dikirim ulang.', 'Only a message that failed can be sent again.'],
  unauthenticated: ['Silakan masuk terlebih dahulu.', 'Please log in.'],
  forbidden: ['Anda tidak berwenang melakukan ini.', 'You are not allowed to do this.'],
  invalid_credentials: ['Nama pengguna atau kata sandi salah.', 'Wrong username or password.'],
  session_expired: ['Sesi Anda sudah berakhir. Silakan masuk kembali.', 'Your session has ended. Please log in again.'],
  note_required: ['Tuliskan catatan untuk tindakan ini.', 'Write a note for this action.'],
  reason_required: ['Tuliskan alasan penolakan.', 'Give a reason.'],
  message_required: ['Tuliskan isi balasan untuk warga.', 'Write the reply.'],
  invalid_action: ['Jenis tindakan tidak dikenal.', 'Unknown action.'],
  invalid_duplicate_of: ['Nomor laporan asal tidak ditemukan, tidak bisa Anda lihat, atau sama dengan laporan ini.', 'The original report was not found, is not visible to you, or is this report.'],
  invalid_agency: ['Pilih dinas tujuan dari daftar.', 'Choose an agency from the list.'],
  same_agency: ['Laporan sudah berada di dinas ini.', 'The report is already with this agency.'],
  invalid_assignee: ['Pilih petugas aktif dari dinas yang sama.', 'Choose an active officer of the same agency.'],
  invalid_photo: ['Pilih foto dari laporan ini.', 'Choose a photo of this report.'],
  photo_already: ['Foto ini sudah dalam keadaan itu.', 'The photo is already in that state.'],
  redacted_text_required: ['Tuliskan teks yang boleh tampil untuk publik.', 'Write the text the public may read.'],
  invalid_username: ['Nama pengguna 3–40 huruf kecil, angka, titik, garis bawah, atau tanda hubung.', 'Username: 3–40 lower-case letters, digits, dot, underscore or hyphen.'],
  username_taken: ['Nama pengguna sudah dipakai.', 'Username already taken.'],
  invalid_role: ['Peran tidak dikenal.', 'Unknown role.'],
  agency_required: ['Peran ini harus terikat pada satu dinas.', 'This role needs an agency.'],
  kecamatan_required: ['Peran camat harus terikat pada satu kecamatan.', 'A camat needs a kecamatan.'],
  password_too_short: ['Kata sandi minimal 10 karakter.', 'Password: at least 10 characters.'],
  user_not_found: ['Pengguna tidak ditemukan.', 'User not found.'],
  unknown_category: ['Kategori tidak dikenal: {name}.', 'Unknown category: {name}.'],
  unknown_kecamatan: ['Kecamatan tidak dikenal: {name}.', 'Unknown kecamatan: {name}.'],
  unknown_agency: ['Dinas tidak dikenal atau tidak aktif: {name}.', 'Unknown or inactive agency: {name}.'],
  route_missing: ['Kategori {name} belum diarahkan ke dinas mana pun.', 'Category {name} is not routed to any agency.'],
  duplicate_override: ['Pengecualian untuk {name} tercantum dua kali.', 'The override for {name} is listed twice.'],
  settings_changed: ['Pengaturan ini sudah diubah orang lain sejak Anda membukanya. Muat ulang, lalu ulangi perubahan Anda.', 'These settings changed since you opened them; reload and redo your change.'],
  if_match_required: ['Permintaan harus membawa If-Match berisi ETag terakhir.', 'Send If-Match with the latest ETag.'],
  agency_not_found: ['Dinas tidak ditemukan.', 'Agency not found.'],
  agency_exists: ['Kode dinas sudah dipakai.', 'This agency id is taken.'],
  parent_is_unit: ['{name} sendiri adalah unit; unit hanya boleh satu tingkat di bawah dinas induk.', '{name} is itself a unit; units go one level below a parent agency.'],
  agency_has_units: ['Dinas yang punya unit tidak bisa dijadikan unit dinas lain.', 'An agency with units cannot become a unit.'],
  agency_in_use: ['{name} tidak bisa dinonaktifkan karena masih dipakai: {blockers}.', '{name} cannot be deactivated while still in use: {blockers}.'],
  password_change_required: ['Anda masuk dengan kata sandi sekali pakai. Buat kata sandi baru dahulu.', 'You signed in with a one-time password. Choose a new password first.'],
  wrong_current_password: ['Kata sandi saat ini salah.', 'The current password is wrong.'],
  same_password: ['Kata sandi baru harus berbeda dari yang sekarang.', 'The new password must differ from the current one.'],
  account_not_manageable: ['Anda hanya boleh mengelola akun petugas dinas Anda sendiri.', 'You may manage only the officers of your own agency.'],
  cannot_disable_self: ['Anda tidak bisa menonaktifkan akun Anda sendiri.', 'You cannot disable your own account.'],
  invalid_holidays: ['Daftar hari libur tidak valid (tanggal YYYY-MM-DD, nama, jenis libur/cuti_bersama).', 'Invalid holiday list.'],
  session_has_aspirations: ['Sesi yang sudah berisi aspirasi tidak bisa dihapus. Ubah saja datanya.', 'A session with aspirations cannot be deleted; edit it instead.'],
  invalid_datetime: ['Tanggal dan jam tidak valid.', 'Invalid date and time.'],
  ends_before_start: ['Jam selesai harus setelah jam mulai.', 'The end must be after the start.'],
  invalid_url: ['Tautan harus diawali https:// atau http://.', 'The link must start with https:// or http://.'],
  place_or_link_required: ['Isi tempat (untuk luring) atau tautan (untuk daring).', 'Give a place (on site) or a link (online).'],
  // Open311 GeoReport v2 (server/open311/): partners read these in the spec's error list.
  open311_key_missing: ['api_key wajib dikirim untuk membuat laporan lewat Open311.', 'api_key is required to create a service request.'],
  open311_key_invalid: ['api_key tidak dikenal atau sudah dicabut.', 'api_key is unknown or revoked.'],
  open311_jurisdiction_unknown: ['jurisdiction_id tidak dilayani di sini (yang dilayani: {jurisdiction}).', 'jurisdiction_id is not served here (served: {jurisdiction}).'],
  open311_service_unknown: ['service_code tidak dikenal. Lihat daftar di services.json.', 'Unknown service_code; see services.json.'],
  open311_request_unknown: ['Laporan dengan service_request_id ini tidak ditemukan.', 'No service request with this service_request_id.'],
  open311_token_unknown: ['Token tidak ditemukan.', 'Token not found.'],
  open311_not_found: ['Alamat Open311 ini tidak ada. Lihat discovery.json.', 'No such Open311 resource; see discovery.json.'],
  open311_format_unknown: ['Format tidak didukung: pakai .json atau .xml.', 'Unsupported format: use .json or .xml.'],
  open311_form_required: ['Kirim sebagai application/x-www-form-urlencoded, seperti spesifikasi Open311.', 'Send application/x-www-form-urlencoded, as the Open311 spec says.'],
  open311_location_required: ['Lokasi wajib: lat dan long, atau address_string yang menyebut desa dan kecamatan.', 'A location is required: lat and long, or an address_string naming a desa and kecamatan.'],
  open311_point_unplaced: ['Titik lat/long tidak berada di desa mana pun di kabupaten ini.', 'The lat/long point lies in no desa of this regency.'],
  open311_address_unmatched: ['address_string tidak menyebut desa dan kecamatan yang kami kenal dengan pasti.', 'address_string does not clearly name a known desa and kecamatan.'],
  open311_date_range: ['Rentang start_date sampai end_date paling lama 90 hari, dan start_date tidak boleh setelah end_date.', 'start_date to end_date may span at most 90 days, start first.'],
  open311_too_many_ids: ['Paling banyak {max} service_request_id sekaligus.', 'At most {max} service_request_id at once.'],
  open311_page_too_deep: ['Halaman terlalu jauh: persempit rentang tanggal.', 'Page too deep: narrow the date range.'],
  open311_invalid_email: ['Alamat email tidak valid.', 'Invalid email address.'],
  open311_invalid_status: ['status hanya boleh open dan/atau closed (dipisah koma).', 'status may only be open and/or closed (comma-separated).'],
  open311_attribute_unknown: ['Atribut ini tidak dikenal untuk layanan ini.', 'Unknown attribute for this service.'],
  invalid_signature: ['Tanda tangan webhook tidak ada atau tidak cocok.', 'The webhook signature is missing or wrong.'],
  verify_token_mismatch: ['Token verifikasi webhook tidak cocok.', 'The webhook verify token does not match.'],
  invalid_webhook: ['Isi webhook tidak sesuai format yang dikenal.', 'The webhook body has an unknown shape.'],
  invalid_secret: ['Kunci rahasia gerbang SMS tidak cocok.', 'The SMS gateway secret does not match.'],
  channel_off: ['Kanal ini belum diaktifkan di server.', 'This channel is not configured on the server.'],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageCode = keyof typeof MESSAGES;

export function isMessageCode(value: string): value is MessageCode {
  return Object.hasOwn(MESSAGES, value);
}

/** A code the table lacks (a schema's typo, see shared/validation/schema.ts) reads as "invalid value", never a crash. */
export function message(code: MessageCode, params: Record<string, string | number> = {}, lang: 'id' | 'en' = 'id'): string {
  const template = MESSAGES[isMessageCode(code) ? code : 'invalid_value'][lang === 'id' ? 0 : 1];
  return fillTemplate(template, params);
}
