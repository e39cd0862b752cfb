// What officers did with a report by `now`: the desk actions of a working hotline, each at a
// plausible time after the last, through the desk's own applyAction (so a seeded report
// changes exactly as one changed on the desk). A step that would fall after `now` has not
// happened yet, so recent reports are still open; a deadline passed before the next step is
// announced as the overdue sweep would have announced it.
import type { DeskActionInput, DeskUser } from '../../shared/desk.ts';
import type { EventActor, Report } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { applyAction } from '../desk/actions.ts';
import { actorOf, SYSTEM } from '../reports/actors.ts';
import type { PlannedChange } from '../reports/change-report.ts';
import { ALL_ROOM } from '../reports/rooms.ts';
import { hoursAround, pick, weighted, type Random } from './random.ts';

const HOUR = 3_600_000;
/** How long after a deadline the sweep (OVERDUE_SWEEP_SECONDS, 300 by default) announces it. */
const SWEEP_DELAY_MS = 5 * 60_000;

type Path = 'resolved' | 'in_progress' | 'verified' | 'rejected' | 'duplicate' | 'new';
/** Where each report is headed; reports whose next step is still ahead stop earlier. */
const PATHS: readonly [Path, number][] = [['resolved', 70], ['in_progress', 6], ['verified', 4], ['rejected', 9], ['duplicate', 5], ['new', 6]];
const FORWARDED_SHARE = 0.12;
const REPLIED_SHARE = 0.4;

const NOTES = {
  verify: ['Laporan sudah kami cek ke lapangan.', 'Terima kasih, laporan kami terima dan sedang dipelajari.'],
  start: ['Tim sudah dijadwalkan turun ke lokasi.', 'Sedang ditangani bersama pemerintah desa.'],
  reply: ['Mohon kirim foto tambahan bila ada.', 'Petugas kami akan menghubungi Bapak/Ibu.', 'Kami sudah koordinasi dengan kecamatan.'],
  resolve: ['Sudah diperbaiki, terima kasih atas laporannya.', 'Kios sudah ditegur dan harga kembali sesuai HET.', 'Bantuan sudah disalurkan.'],
  reject: ['Lokasi di luar kewenangan kabupaten.', 'Laporan tidak dapat diverifikasi, data kurang lengkap.'],
  forward: ['Bukan kewenangan kami, kami teruskan ke dinas terkait.', 'Disposisi ke OPD yang membidangi.'],
} as const;

/**
 * Some agencies answer faster than others (the map's deadline panel should have something to
 * show): a factor from 0.6 to 1.8 on every step's time, fixed per agency id.
 */
export function speedOf(agencyId: string): number {
  let h = 0;
  for (const ch of agencyId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 0.6 + ((h % 1000) / 1000) * 1.2;
}

export interface Officers { byAgency: ReadonlyMap<string, DeskUser>; fallback: DeskUser }

export interface LifecycleContext {
  deps: Pick<Deps, 'store' | 'catalog'>;
  officers: Officers;
  /** Agencies a report may be forwarded to. */
  agencyIds: readonly string[];
  /** An earlier report of the same category this one can duplicate, or null. */
  originalFor(report: Report): string | null;
  /** A report as it stands after the changes planned so far (committed or not). */
  readReport(publicId: string): Promise<Report | null>;
}

export interface SeededChange { planned: PlannedChange; actor: EventActor }

/**
 * The changes after `created`, in order, as the store will commit them: each step's `before`
 * is the previous step's result with the version the write path gives it.
 */
export async function lifecycleOf(ctx: LifecycleContext, random: Random, created: Report, now: number): Promise<SeededChange[]> {
  const out: SeededChange[] = [];
  let current = created;
  let t = Date.parse(created.createdAt);
  const path = weighted(random, PATHS);

  const overdueBefore = (until: number) => {
    if (current.dueAt === null || current.overdueNotified) return;
    const announced = Date.parse(current.dueAt) + SWEEP_DELAY_MS;
    if (announced >= until) return;
    const after = { ...current, overdueNotified: true };
    out.push({ planned: { before: current, after, type: 'report.overdue', data: { dueAt: current.dueAt }, at: new Date(announced).toISOString(), rooms: [ALL_ROOM] }, actor: SYSTEM });
    current = { ...after, version: current.version + 1 };
  };
  /** One desk action after `medianHours`; false when it would happen after now. */
  const act = async (medianHours: number, input: DeskActionInput): Promise<boolean> => {
    const at = t + hoursAround(random, medianHours * speedOf(current.agencyId)) * HOUR;
    if (at > now) return false;
    overdueBefore(at);
    const officer = ctx.officers.byAgency.get(current.agencyId) ?? ctx.officers.fallback;
    const planned = await applyAction(ctx.deps, officer, current, input, new Date(at), ctx.readReport);
    const actor = actorOf(officer);
    for (const p of planned) out.push({ planned: p, actor });
    current = { ...planned[0].after, version: current.version + 1 };
    t = at;
    return true;
  };

  const steps = async (): Promise<void> => {
    if (path === 'new') return;
    if (random() < FORWARDED_SHARE) {
      const to = pick(random, ctx.agencyIds.filter((a) => a !== current.agencyId));
      if (to && !(await act(10, { type: 'forward', agencyId: to, note: pick(random, NOTES.forward) }))) return;
    }
    if (path === 'rejected') { await act(15, { type: 'reject', reason: pick(random, NOTES.reject) }); return; }
    if (path === 'duplicate') {
      const of = ctx.originalFor(current);
      if (of) await act(12, { type: 'duplicate', of });
      else await act(15, { type: 'reject', reason: pick(random, NOTES.reject) });
      return;
    }
    if (!(await act(30, random() < 0.5 ? { type: 'verify', note: pick(random, NOTES.verify) } : { type: 'verify' }))) return;
    if (path === 'verified') return;
    if (!(await act(8, { type: 'start', note: pick(random, NOTES.start) }))) return;
    if (path === 'in_progress') return;
    if (random() < REPLIED_SHARE && !(await act(24, { type: 'reply', message: pick(random, NOTES.reply) }))) return;
    await act(60, { type: 'resolve', note: pick(random, NOTES.resolve) });
  };
  await steps();
  overdueBefore(now);
  return out;
}
