// Deadlines count working days in Blora's time zone (WIB, UTC+7): Monday–Friday,
// minus national holidays and cuti bersama.
const WIB_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) in WIB of an instant. */
export function wibDate(instant: Date): string {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * The end (23:59:59.999 WIB) of the `n`-th working day after the day of `from`.
 * A report filed on Friday evening with n = 3 is due at the end of Wednesday.
 */
export function addWorkingDays(from: Date, n: number, holidays: ReadonlySet<string>): Date {
  const start = wibDate(from);
  const key = `${start}|${n}`;
  let known = deadlines.get(holidays);
  if (!known) deadlines.set(holidays, known = new Map());
  const hit = known.get(key);
  if (hit !== undefined) return new Date(hit);
  let date = start;
  let counted = 0;
  while (counted < n) {
    date = nextDate(date);
    if (isWorkingDay(date, holidays)) counted += 1;
  }
  const due = Date.parse(`${date}T00:00:00Z`) - WIB_OFFSET_MS + DAY_MS - 1;
  if (known.size >= DEADLINES_KEPT) known.clear();
  known.set(key, due);
  return new Date(due);
}

// A deadline depends only on the day, n and the holiday list: every report of a day shares
// it, and counting it day by day was a tenth of a demo seed's time. Per holiday set (a new
// list from the back office is a new set), a few thousand days at most.
const DEADLINES_KEPT = 4096;
const deadlines = new WeakMap<ReadonlySet<string>, Map<string, number>>();
