// Which time buckets a report is counted in, and which buckets answer a date range. Counters
// are kept per creation day (WIB), rolled up per week and month and for all time, so a read
// sums a few hundred rows whatever the range: whole months, then the days at either end.
// Deadlines are counted the same way per due day, month and year, for "overdue now" (which
// sums every deadline before today: years keep that to a few dozen buckets).
import { wibDate } from '../../shared/working-days.ts';
import type { CounterBucket } from '../store/port.ts';

const DAY_MS = 86_400_000;

export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The Monday (YYYY-MM-DD) of the week containing this date. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

/** The buckets a report created at this instant is counted in (weeks only for the trend's `n`). */
export function createdBuckets(createdAt: string): { all: CounterBucket; month: CounterBucket; week: CounterBucket; day: CounterBucket } {
  const day = wibDate(new Date(createdAt));
  return {
    all: { grain: 'all', bucket: '' },
    month: { grain: 'm', bucket: day.slice(0, 7) },
    week: { grain: 'w', bucket: mondayOf(day) },
    day: { grain: 'd', bucket: day },
  };
}

/** The buckets an open report due at this instant is counted in. */
export function dueBuckets(dueAt: string): CounterBucket[] {
  const day = wibDate(new Date(dueAt));
  return [{ grain: 'dy', bucket: day.slice(0, 4) }, { grain: 'dm', bucket: day.slice(0, 7) }, { grain: 'dd', bucket: day }];
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

/**
 * Buckets whose union is exactly the WIB days from..to (both included; either open): whole
 * years as year rows when the grains have them, whole months as month rows, the rest as days.
 * Without bounds, the one all-time row. `grains` select creation ('m'/'d') or due
 * ('dy'/'dm'/'dd') counters.
 */
export function bucketsCovering(from: string | undefined, to: string | undefined, earliest: string, grains: { year?: 'dy'; month: 'm' | 'dm'; day: 'd' | 'dd' } = { month: 'm', day: 'd' }): CounterBucket[] {
  if (!from && !to && grains.month === 'm') return [{ grain: 'all', bucket: '' }];
  // An open end would mean guessing "today"; callers subtract instead (see readmodel/read.ts).
  if (!to) throw new Error('bucketsCovering needs an end date');
  const start = from && from > earliest ? from : earliest;
  const end = to;
  const out: CounterBucket[] = [];
  const wholeMonth = (d: string) => d <= end && lastDayOfMonth(d.slice(0, 7)) <= end;
  const pushMonth = (d: string) => {
    out.push({ grain: grains.month, bucket: d.slice(0, 7) });
    return `${nextMonth(d.slice(0, 7))}-01`;
  };
  let day = start;
  // Days until the first whole month begins.
  while (day <= end && day.slice(8) !== '01') {
    out.push({ grain: grains.day, bucket: day });
    day = nextDay(day);
  }
  if (grains.year) {
    const year = grains.year;
    // Whole months until a year begins, then whole years.
    while (wholeMonth(day) && day.slice(5) !== '01-01') day = pushMonth(day);
    while (day.slice(5) === '01-01' && `${day.slice(0, 4)}-12-31` <= end) {
      out.push({ grain: year, bucket: day.slice(0, 4) });
      day = `${Number(day.slice(0, 4)) + 1}-01-01`;
    }
  }
  // Whole months.
  while (wholeMonth(day)) day = pushMonth(day);
  // The days of the last, partial month.
  while (day <= end) {
    out.push({ grain: grains.day, bucket: day });
    day = nextDay(day);
  }
  return out;
}
