// Settings the admin edits at run time (routing, deadlines), their shape and their defaults.
// The server holds them in the store; client and server agree on the shape here.
import { ASPIRATION_TOPICS } from './reference/aspiration-topics.ts';
import { CATEGORIES } from './reference/categories.ts';
import type { CategoryId } from './types.ts';

/** `jalan` in Cepu goes to the UPT of DPUPR in Cepu instead of DPUPR itself. */
export interface RouteOverride { category: CategoryId; kecamatan: string; agencyId: string }

/** Which agency receives a new report: by category, unless an override names its kecamatan. */
export interface RoutingTable {
  routes: Record<CategoryId, string>;
  overrides: RouteOverride[];
  /** Ngopi Bareng: the agency each aspiration topic concerns by default. */
  topics: Record<string, string>;
}

export interface CategoryDeadline {
  /** Working days from submission to verify or forward. */
  verifyWorkingDays: number;
  /** Working days from verification (or a reopen) to follow up. */
  followUpWorkingDays: number;
}

export interface DeadlineTable {
  categories: Record<CategoryId, CategoryDeadline>;
  /** Working days after resolution within which the citizen may reopen the report. */
  reopenWorkingDays: number;
}

/** Working days an admin may set a deadline to (a month of working days at most). */
export const DEADLINE_RANGE = { min: 1, max: 30 } as const;

export function defaultRouting(): RoutingTable {
  return {
    routes: Object.fromEntries(CATEGORIES.map((c) => [c.id, c.agencyId])) as Record<CategoryId, string>,
    overrides: [],
    topics: Object.fromEntries(ASPIRATION_TOPICS.map((t) => [t.id, t.agencyId])),
  };
}

/** 3 working days to verify and 5 to follow up, as SP4N-LAPOR!; 10 to reopen. */
export function defaultDeadlines(): DeadlineTable {
  return {
    categories: Object.fromEntries(CATEGORIES.map((c) => [c.id, { verifyWorkingDays: 3, followUpWorkingDays: 5 }])) as Record<CategoryId, CategoryDeadline>,
    reopenWorkingDays: 10,
  };
}
