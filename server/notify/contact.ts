// The reporter's contact, made with the report (the one moment its tracking code is known):
// the address of the channel they came from, sealed code beside it. Only the sender reads it.
import type { NotifyChannel } from '../../shared/notifications.ts';
import type { Report } from '../../shared/types.ts';
import type { DerivedWrite } from '../store/port.ts';
import { notifyChannelOf } from './derive.ts';
import { recipientKey, whatsappNumber } from './recipient.ts';
import { sealCode } from './seal.ts';

/** Where a channel report came from: the WhatsApp id or SMS number it was sent from. */
export interface ReplyAddress { channel: NotifyChannel; address: string; userId: boolean }

/** The contact write for a new report, or none when its reporter is not to hear back. */
export function contactWrites(report: Report, code: string, key: Buffer, from: ReplyAddress | undefined): DerivedWrite[] {
  const channel = notifyChannelOf(report);
  if (!channel) return [];
  // A channel report goes back where it came from; a web report to the number given.
  const address = from && from.channel === channel ? from : report.reporterPhone ? { address: whatsappNumber(report.reporterPhone), userId: false } : null;
  if (!address) return [];
  return [{
    kind: 'contact',
    contact: {
      reportId: report.publicId, channel, address: address.address, userId: address.userId, recipientKey: recipientKey(address.address, address.userId),
      codeSeal: sealCode(key, code), createdAt: report.createdAt,
    },
  }];
}
