// Number, money, duration and date formats of the map's panels (id-ID, WIB).
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Only for the tile attribution, which Leaflet itself writes as markup. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

const numberFormat = new Intl.NumberFormat('id-ID');
export const fmt = (n: number): string => numberFormat.format(n);

export function rupiah(n: number): string {
  return `Rp ${fmt(n)}`;
}

/** "3,5 jam" / "2,1 hari" for a median in hours. */
export function duration(hours: number | null): string {
  if (hours === null) return '–';
  if (hours < 48) return `${fmt(Math.round(hours * 10) / 10)} jam`;
  return `${fmt(Math.round((hours / 24) * 10) / 10)} hari`;
}

export function percent(share: number | null): string {
  return share === null ? '–' : `${fmt(Math.round(share * 1000) / 10)}%`;
}

export function shortDate(iso: string): string {
  return new Date(iso).toLocaleDateString('id-ID', { day: 'numeric', month: 'short', timeZone: 'Asia/Jakarta' });
}
