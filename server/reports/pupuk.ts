import { checkPrice } from '../../shared/reference/fertiliser.ts';
import type { PupukDetails } from '../../shared/types.ts';

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
