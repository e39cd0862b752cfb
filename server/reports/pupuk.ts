import { checkPrice } from '../../shared/reference/fertiliser.ts';
import { categoryDetailsOf } from '../../shared/details.ts';
import type { CategoryDetails, PupukDetails } from '../../shared/types.ts';

/**
 * Adds the server's own price check to a pupuk report: price per kg and how far above the
 * HET in force on the purchase date (the report date when the farmer gave none).
 */
export function withPriceCheck(details: PupukDetails, reportDate: string): PupukDetails {
  const { price, quantity } = details;
  const priceUnit = details.priceUnit ?? 'total';
  if (price === undefined || (priceUnit === 'total' && quantity === undefined)) return details;
  const check = checkPrice({
    type: details.fertiliserType,
    date: details.purchaseDate ?? reportDate,
    quantity: quantity ?? 0,
    unit: details.unit ?? 'kg',
    price,
    priceUnit,
  });
  return check ? { ...details, priceUnit, ...check } : details;
}

/** The category and details to store: a pupuk report's with the price check added. */
export function storedDetails(input: CategoryDetails, reportDate: string): CategoryDetails {
  if (input.category === 'pupuk' && !('notGiven' in input.details)) return { category: 'pupuk', details: withPriceCheck(input.details, reportDate) };
  return categoryDetailsOf(input);
}
