// Values adapters derive from a report's fields for its facts rows. Kept here, once, so every
// adapter (SQLite, MongoDB) derives them the same way.
import type { ReportFacts } from './port.ts';

/** How many characters of the description a ReportFacts row carries. SQLite's pins index holds substr(description, 1, 141): change it with this (migration 021). */
export const EXCERPT_LENGTH = 140;

/**
 * The excerpt of a description, from its first EXCERPT_LENGTH + 1 characters (an adapter reads
 * no more than that): cut with an ellipsis when longer than EXCERPT_LENGTH.
 */
export function excerptOf(head: string): string {
  return head.length > EXCERPT_LENGTH ? `${head.slice(0, EXCERPT_LENGTH - 1)}…` : head;
}

/** The pupuk figures of a report's `details`, each null (or []) when absent or of another type. */
export function pupukFactsOf(details: object): NonNullable<ReportFacts['pupuk']> {
  // Read field by field: stored JSON, typed details and details not given alike.
  const field = (key: string): unknown => Reflect.get(details, key);
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const problems = field('problems');
  return {
    kioskName: text(field('kioskName')), fertiliserType: text(field('fertiliserType')), pricePerKg: num(field('pricePerKg')), hetPerKg: num(field('hetPerKg')),
    overHetPerKg: num(field('overHetPerKg')), problems: Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [],
  };
}
