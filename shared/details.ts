// A report's category details, read through its category: `details` is typed by `category`
// (CategoryDetails), so these narrow instead of casting. Details not given (a one-line SMS or
// WhatsApp report) read as none.
import type { AspirasiDetails, CategoryDetails, PupukDetails } from './types.ts';

export function pupukDetailsOf(r: CategoryDetails): PupukDetails | null {
  return r.category === 'pupuk' && !('notGiven' in r.details) ? r.details : null;
}

export function aspirasiDetailsOf(r: CategoryDetails): AspirasiDetails | null {
  return r.category === 'aspirasi' && !('notGiven' in r.details) ? r.details : null;
}

/** Just the category and its details of a larger object, still tied together. */
export function categoryDetailsOf(r: CategoryDetails): CategoryDetails {
  switch (r.category) {
    case 'pupuk': return { category: r.category, details: r.details };
    case 'jalan': return { category: r.category, details: r.details };
    case 'aspirasi': return { category: r.category, details: r.details };
    default: return { category: r.category, details: r.details };
  }
}
