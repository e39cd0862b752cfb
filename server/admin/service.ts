import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { SETTING_KEYS, type Holiday } from '../reference/catalog.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS: readonly Holiday['kind'][] = ['libur', 'cuti_bersama'];

/** A holiday list as the admin sends it: real dates, a name, a kind; sorted and de-duplicated. */
export function parseHolidays(raw: unknown): Holiday[] {
  const list = raw && typeof raw === 'object' && Array.isArray((raw as { holidays?: unknown }).holidays) ? (raw as { holidays: unknown[] }).holidays : null;
  if (!list || list.length > 1000) throw new AppError('invalid_holidays', { status: 422, fields: { holidays: 'invalid_holidays' } });
  const byDate = new Map<string, Holiday>();
  for (const item of list) {
    const h = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const ok = typeof h.date === 'string' && DATE.test(h.date) && new Date(`${h.date}T00:00:00Z`).toISOString().startsWith(h.date)
      && typeof h.name === 'string' && h.name.trim() !== '' && h.name.length <= 100 && KINDS.includes(h.kind as Holiday['kind']);
    if (!ok) throw new AppError('invalid_holidays', { status: 422, fields: { holidays: 'invalid_holidays' } });
    byDate.set(h.date as string, { date: h.date as string, name: (h.name as string).trim(), kind: h.kind as Holiday['kind'] });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Saves the list and reloads the catalog, so new deadlines count the new days off at once.
 * Deadlines already set are left as they are: they were promised under the old calendar.
 */
export async function saveHolidays(deps: Pick<Deps, 'store' | 'catalog'>, holidays: Holiday[]): Promise<Holiday[]> {
  await deps.store.putSetting(SETTING_KEYS.holidays, holidays);
  await deps.catalog.reload();
  return deps.catalog.holidays;
}
