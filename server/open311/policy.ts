// What an Open311 client may read of a report, in the shape of server/desk/policy.ts: one pure
// function over the public rules. Anyone: what the public pages show, for listed reports only. A
// confidential report is listed to nobody; the key that sent it may read its status by its id,
// as its reporter may with the tracking code, and nothing of its content.
import type { Report } from '../../shared/types.ts';
import { isListed } from '../public/rules.ts';
import type { ApiKeyRecord } from '../store/apikey-port.ts';

export type RequestView = 'public' | 'status' | 'none';

export function requestView(report: Pick<Report, 'confidential' | 'origin'>, key: Pick<ApiKeyRecord, 'id'> | null): RequestView {
  if (isListed(report)) return 'public';
  if (key && report.origin?.apiKeyId === key.id) return 'status';
  return 'none';
}
