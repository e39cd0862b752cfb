// Report bodies for API tests, on top of the shared fixtures.
import { pupukReport, validReport } from '../helpers/fixtures.ts';

export { pupukReport, validReport };

/** A valid report of any category; the fixture's road details are dropped unless given. */
export function reportOf(category: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return validReport({ category, ...(category === 'jalan' ? {} : { details: {} }), ...overrides });
}
