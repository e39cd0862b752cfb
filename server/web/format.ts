import type { Lang } from './lang.ts';

/** A deadline as a farmer reads it: "Rabu, 3 Desember 2025", in Blora's time zone. */
export function formatDate(iso: string, lang: Lang, withTime = false): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    timeZone: 'Asia/Jakarta', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(new Date(iso));
}

export function formatRupiah(n: number): string {
  return new Intl.NumberFormat('id-ID').format(n);
}
