// Deadlines in working days per category, and the reopen window. They apply to deadlines set
// from now on; a deadline already promised to a citizen stays as it was.
import type { DeadlineTable } from '../../shared/settings.ts';
import type { CategoryId } from '../../shared/types.ts';
import type { DeadlinesInput } from '../../shared/validation/admin-input.ts';
import { AppError } from '../errors.ts';
import type { Catalog } from '../reference/catalog.ts';

export function deadlinesOf(catalog: Catalog): DeadlineTable {
  return { categories: structuredClone(catalog.deadlines.categories), reopenWorkingDays: catalog.deadlines.reopenWorkingDays };
}

/** Categories not named keep their deadlines; an unknown one is a 422 naming it. */
export function checkDeadlines(catalog: Catalog, input: DeadlinesInput): DeadlineTable {
  const table = deadlinesOf(catalog);
  for (const [category, days] of Object.entries(input.categories)) {
    const known = catalog.categories.find((c) => c.id === category);
    if (!known) throw new AppError('unknown_category', { status: 422, fields: { [`categories.${category}`]: 'unknown_category' }, params: { name: category } });
    table.categories[known.id satisfies CategoryId] = { verifyWorkingDays: days.verifyWorkingDays, followUpWorkingDays: days.followUpWorkingDays };
  }
  table.reopenWorkingDays = input.reopenWorkingDays;
  return table;
}
