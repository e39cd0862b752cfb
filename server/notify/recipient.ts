// One key per person we may write to, whatever channel they used: the number in E.164 when
// there is one (a BERHENTI on SMS also stops WhatsApp to that number), else WhatsApp's
// business-scoped user id (or, for a number that is not Indonesian, the digits as given).
import { normalisePhone } from '../../shared/validation/phone.ts';

export function recipientKey(address: string, userId = false): string {
  if (userId) return `wa-user:${address}`;
  // normalisePhone takes 08…, 628… (WhatsApp's digits) and +62….
  return normalisePhone(address) ?? `raw:${address}`;
}

/** A number as the Graph API's `to` wants it: digits with the country code, no '+'. */
export function whatsappNumber(phone: string): string {
  return phone.replace(/^\+/, '');
}
