// What the hotline says on WhatsApp and SMS, in Bahasa Indonesia. Button titles ≤ 20 characters,
// list row titles ≤ 24 (WhatsApp's limits); SMS replies ≤ 160 characters.

export const CHAT = {
  welcome: 'Selamat datang di *Suara Warga* Kabupaten Blora. Laporan Anda langsung diterima dinas yang berwenang.',
  menu: 'Pilih jenis laporan. Kapan saja: ketik *BATAL* untuk membatalkan, *MENU* untuk mulai lagi, *CEK* untuk melihat laporan Anda.',
  menuButton: 'Pilih kategori',
  expired: 'Percakapan sebelumnya sudah lebih dari 24 jam dan kami tutup. Silakan mulai lagi.',
  cancelled: 'Laporan dibatalkan. Ketik apa saja untuk mulai lagi.',
  notUnderstood: 'Maaf, kami belum mengerti.',
  stale: 'Pesan itu menjawab pertanyaan sebelumnya. Pertanyaan saat ini:',
  place: 'Di mana kejadiannya? Tekan *Kirim lokasi*, atau ketik nama desa dan kecamatan, mis. _Balun, Cepu_.',
  placeFound: (desa: string, kecamatan: string) => `Lokasi: Desa ${desa}, Kec. ${kecamatan}. Benar?`,
  placeOutside: 'Titik itu di luar Kabupaten Blora. Ketik nama desa dan kecamatan, mis. _Balun, Cepu_.',
  placeNoBoundary: (kecamatan: string | null) => kecamatan
    ? `Titik diterima (Kec. ${kecamatan}). Ketik nama desanya.`
    : 'Titik diterima. Ketik nama desa dan kecamatannya, mis. _Balun, Cepu_.',
  placeChoose: 'Yang Anda maksud:',
  placeNone: (text: string) => `Desa "${text}" tidak kami temukan. Periksa ejaannya, atau tambahkan kecamatannya, mis. _Balun, Cepu_.`,
  desaIn: (kecamatan: string) => `Ketik nama desa di Kec. ${kecamatan}.`,
  yes: 'Ya, benar',
  no: 'Bukan',
  topic: 'Aspirasi tentang apa?',
  topicButton: 'Pilih topik',
  pupukType: 'Jenis pupuk apa?',
  pupukTypeButton: 'Pilih jenis',
  pupukProblem: 'Apa masalahnya?',
  pupukProblemButton: 'Pilih masalah',
  pupukKiosk: 'Nama kios/pengecer tempat membeli? (ketik *-* bila tidak ada)',
  pupukQuantity: 'Berapa banyak yang dibeli atau dibutuhkan? Mis. _2 sak_ atau _50 kg_ (ketik *-* bila tidak membeli).',
  pupukQuantityBad: 'Tulis jumlah dan satuannya, mis. _2 sak_ atau _50 kg_.',
  pupukPrice: 'Berapa harga yang dibayar? Mis. _Rp 150.000 per sak_, _Rp 3.000 per kg_, atau totalnya _Rp 300.000_ (ketik *-* bila belum membeli).',
  pupukPriceBad: 'Tulis harganya dalam rupiah, mis. _Rp 150.000 per sak_.',
  overHet: (perKg: number, het: number, percent: number) =>
    `⚠️ Harga Rp ${rupiah(perKg)}/kg, *di atas HET* Rp ${rupiah(het)}/kg (lebih ${percent}%). Ini akan dicatat untuk Satgas Pupuk.`,
  withinHet: (perKg: number, het: number) => `Harga Rp ${rupiah(perKg)}/kg, tidak melebihi HET Rp ${rupiah(het)}/kg.`,
  noHet: 'Jenis pupuk ini tidak bersubsidi, jadi tidak ada HET.',
  jalanDamage: 'Kerusakannya seperti apa?',
  jalanDamageButton: 'Pilih kerusakan',
  jalanSeverity: 'Seberapa parah?',
  description: 'Ceritakan masalahnya dalam satu pesan (minimal 10 huruf).',
  descriptionShort: 'Ceritanya terlalu pendek. Tulis minimal 10 huruf.',
  descriptionLong: 'Ceritanya terlalu panjang (maksimal 4000 huruf). Ringkas sedikit.',
  photos: (max: number) => `Kirim foto (paling banyak ${max}), lalu tekan *Selesai*. Tidak ada foto? Tekan *Tanpa foto*.`,
  photoReceived: (n: number, max: number) => `Foto ${n} diterima.${n < max ? ' Kirim lagi atau tekan *Selesai*.' : ''}`,
  photoTooMany: (max: number) => `Sudah ${max} foto, itu batasnya.`,
  photoTooLarge: (max: string) => `Foto terlalu besar (maksimal ${max}). Kirim foto lain.`,
  photoNotImage: 'Itu bukan foto JPEG, PNG, atau WebP.',
  photoUnavailable: 'Foto tidak bisa kami ambil dari WhatsApp. Coba kirim lagi.',
  photosDone: 'Selesai',
  photosNone: 'Tanpa foto',
  confidential: (recommended: boolean) => `Rahasiakan laporan ini dari publik? Isinya hanya dilihat petugas.${recommended ? ' *Disarankan* untuk laporan pupuk.' : ''}`,
  confidentialYes: 'Ya, rahasiakan',
  confidentialNo: 'Tidak',
  anonymous: 'Sembunyikan nama dan nomor Anda dari petugas dinas?',
  anonymousYes: 'Ya, anonim',
  anonymousNo: 'Tidak',
  summaryTitle: 'Periksa laporan Anda:',
  send: 'Kirim',
  restart: 'Ulangi',
  cancel: 'Batal',
  sent: (code: string, url: string, agency: string) =>
    `✅ Laporan diterima dan diteruskan ke ${agency}.\nKode lacak: *${code}*\nSimpan kode ini (rahasia Anda). Pantau di ${url} atau ketik *CEK ${code}*.`,
  submitFailed: 'Laporan belum bisa dikirim:',
  status: (code: string, status: string, agency: string) => `Laporan ${code}: *${status}* (${agency}).`,
  statusNotFound: 'Laporan dengan kode itu tidak ditemukan. Periksa kembali kodenya.',
  myReportsNone: 'Belum ada laporan dari nomor ini.',
  myReports: 'Laporan dari nomor ini:',
  unsupported: 'Jenis pesan ini belum bisa kami baca. Kirim teks, foto, atau lokasi.',
  trouble: 'Maaf, sedang ada gangguan. Pesan Anda tersimpan dan akan kami proses; coba lagi sebentar lagi bila belum ada jawaban.',
  notGiven: 'rincian belum diisi',
  notifyStopped: 'Baik, kabar perkembangan laporan tidak akan kami kirim lagi ke nomor ini. Ketik *MULAI* untuk menerimanya kembali.',
  notifyStarted: 'Kabar perkembangan laporan Anda akan kami kirim lagi ke nomor ini. Ketik *BERHENTI* untuk berhenti.',
} as const;

/** SMS replies: plain text (no WhatsApp *bold*), at most one SMS. */
export const SMS = {
  help: 'Suara Warga Blora. Lapor: LAPOR#kategori#kecamatan#desa#isi mis. LAPOR#JALAN#CEPU#BALUN#Jalan berlubang. Cek: CEK#kode',
  sent: (code: string) => `Laporan diterima, kode lacak ${code} (simpan, rahasia Anda). Cek status: kirim CEK#${code}`,
  none: 'Belum ada laporan dari nomor ini.',
  limit: 160,
} as const;

export function fitSms(text: string): string {
  const plain = text.replace(/[*_]/g, '').replace(/\s*\n\s*/g, ' ').trim();
  return plain.length <= SMS.limit ? plain : `${plain.slice(0, SMS.limit - 1)}…`;
}

export function rupiah(n: number): string {
  return Math.round(n).toLocaleString('id-ID');
}
