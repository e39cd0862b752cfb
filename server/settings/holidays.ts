// The holiday table that deadlines skip: national holidays and cuti bersama (SKB 3 Menteri).
import type { HolidaysInput } from '../../shared/validation/admin-input.ts';
import { wibDate } from '../../shared/working-days.ts';
import type { Catalog, Holiday } from '../reference/catalog.ts';

export function holidaysOf(catalog: Catalog): Holiday[] {
  return catalog.holidays.map((h) => ({ ...h }));
}

/** Sorted by date; a date given twice keeps its last entry. */
export function normaliseHolidays(input: HolidaysInput): Holiday[] {
  const byDate = new Map<string, Holiday>();
  for (const h of input.holidays) byDate.set(h.date, { date: h.date, name: h.name, kind: h.kind });
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Years (this one and the next) with no holiday at all: deadlines there would count every
 * weekday, so the page warns until the SKB of that year is entered.
 */
export function yearsWithoutHolidays(holidays: readonly Holiday[], now: Date): number[] {
  const year = Number(wibDate(now).slice(0, 4));
  return [year, year + 1].filter((y) => !holidays.some((h) => h.date.startsWith(`${y}-`)));
}
