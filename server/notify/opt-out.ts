// BERHENTI and MULAI, on WhatsApp or SMS: status messages to that number stop, or start again.
// Kept per number (recipientKey), so BERHENTI by SMS also stops WhatsApp messages to it.
import type { Deps } from '../deps.ts';
import type { ReplyAddress } from './contact.ts';
import { recipientKey } from './recipient.ts';

export async function setNotifyOptOut(deps: Deps, from: ReplyAddress, stop: boolean): Promise<void> {
  await deps.store.notify.setOptOut(recipientKey(from.address, from.userId), stop, deps.clock().toISOString());
}
