// Dates and money as an officer in Blora reads them (WIB, Indonesian month names).
const dateTime = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
});
const shortDateTime = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} WIB`;
}

export function formatShort(iso: string): string {
  return shortDateTime.format(new Date(iso));
}

export function rupiah(n: number): string {
  return `Rp ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(n)}`;
}

export function number(n: number): string {
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(n);
}

/** "3 hari", "5 jam", "20 menit": how far a deadline is, in the largest whole unit. */
export function duration(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes >= 60 * 24) return `${Math.floor(minutes / (60 * 24))} hari`;
  if (minutes >= 60) return `${Math.floor(minutes / 60)} jam`;
  return `${minutes} menit`;
}

export function isPast(iso: string | null, now = Date.now()): boolean {
  return iso !== null && Date.parse(iso) < now;
}
