// One key per person we may write to, whatever channel they used: the number in E.164 when
// there is one (a BERHENTI on SMS also stops WhatsApp to that number), else WhatsApp's
// business-scoped user id.
import { normalisePhone } from '../../shared/validation/phone.ts';

export function recipientKey(address: string): string {
  const phone = normalisePhone(/^\d+$/.test(address) ? `+${address}` : address);
  return phone ?? `wa-user:${address}`;
}

/** A number as the Graph API's `to` wants it: digits with the country code, no '+'. */
export function whatsappNumber(phone: string): string {
  return phone.replace(/^\+/, '');
}
