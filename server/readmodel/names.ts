// The read model's counter names (see ./counters.ts for what each counts).
/** Counter names. Each is summed over the rows a read selects. */
export const COUNT = 'n';
export const ANSWERED = 'answered';
export const ON_TIME = 'on_time';
/** Open reports by the day, month and year their running deadline falls in. */
export const DUE = 'due';
export const VERIFY_HOURS = 'vh:';
export const RESOLVE_HOURS = 'rh:';
/** `desa:<code>`: per desa, all time and per creation month (see countersOf). */
export const DESA = 'desa:';
export const PRICED = 'pf:';
export const PRICE_SUM = 'pp:';
export const OVER_HET_SUM = 'po:';
export const PROBLEM = 'pr:';
export const KIOSK = 'kiosk:';
/** `ks:<kiosk key>|<spelling as typed, trimmed>`, all time only: it names a kiosk, it counts nothing shown. */
export const KIOSK_SPELLING = 'ks:';
