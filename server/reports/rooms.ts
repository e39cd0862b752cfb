import type { Report } from '../../shared/types.ts';

// Room names are derived, never stored elsewhere: who may see an event follows from them.
export const ALL_ROOM = 'all';
export const agencyRoom = (agencyId: string): string => `agency:${agencyId}`;
export const kecamatanRoom = (code: string): string => `kecamatan:${code}`;

/** The rooms that see a change to this report; a forward adds the agency it leaves. */
export function roomsFor(report: Pick<Report, 'agencyId' | 'kecamatan'>, alsoAgencies: string[] = []): string[] {
  return [ALL_ROOM, agencyRoom(report.agencyId), ...alsoAgencies.map(agencyRoom), kecamatanRoom(report.kecamatan)];
}
