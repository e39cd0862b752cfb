// Reports, users and sessions as the domain makes them, and the helpers every case file uses.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { NgopiSession } from '../../../shared/ngopi.ts';
import type { Report, ReportEvent, ReportStatus } from '../../../shared/types.ts';
import type { ReportOverrides } from '../../helpers/fixtures.ts';
import { eventFor } from '../../../server/reports/events.ts';
import { generatePublicId, generateTrackingCode, hashTrackingCode } from '../../../server/reports/tracking-code.ts';
import type { ReportChange, SessionRecord, Store, UserRecord } from '../../../server/store/port.ts';

/** What a case file gets: the store under test (fresh for every case) and a way to reopen it. */
export interface ContractContext {
  readonly store: Store;
  reopen(): Promise<Store>;
}

export interface StoreUnderTest {
  store: Store;
  /** Closes the store and removes its data. */
  cleanup(): Promise<void>;
  /** Closes the store and opens the same data again; `store` afterwards is the reopened one. */
  reopen(): Promise<Store>;
}

let clock = Date.parse('2026-11-02T01:00:00Z');
export function nextInstant(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

export function makeReport(overrides: ReportOverrides = {}): Report {
  const at = overrides.createdAt ?? nextInstant();
  return {
    publicId: generatePublicId(), codeHash: hashTrackingCode(generateTrackingCode()), codeSeal: null, clientId: randomUUID(), category: 'jalan', agencyId: 'dpupr', status: 'new',
    description: 'Jalan berlubang di depan SD Negeri 1.', kecamatan: '33.16.05', desa: '33.16.05.2001',
    lat: -7.15, lng: 111.42, reporterName: 'Sutrisno', reporterPhone: '+6281234567890', anonymous: false, confidential: false,
    details: { damageType: 'berlubang', severity: 2 }, photos: [], assigneeId: null, duplicateOf: null, feedback: null, supportCount: 0,
    createdAt: at, updatedAt: at, verifiedAt: null, resolvedAt: null, verifyDueAt: '2026-11-05T16:59:59.999Z', followUpDueAt: null,
    dueAt: '2026-11-05T16:59:59.999Z', overdueNotified: false, version: 1,
    ...overrides,
  };
}

export const CITIZEN = { kind: 'citizen' as const };

/** One change in its own transaction, as the write path commits a single change. */
export async function commitOne(store: Store, change: ReportChange): Promise<ReportEvent> {
  const [event] = await store.commitReports([change]);
  return event;
}
export const OFFICER = { kind: 'user' as const, userId: 'u1', name: 'Petugas' };

export async function insert(store: Store, report: Report) {
  return commitOne(store, { report, event: eventFor(report, 'report.created', CITIZEN), expectedVersion: 0 });
}

/** A status change as a desk makes it: the next version, written only over the version read. */
export async function change(store: Store, report: Report, status: ReportStatus, expectedVersion = report.version): Promise<Report> {
  const next: Report = { ...report, status, updatedAt: nextInstant(), version: report.version + 1 };
  await commitOne(store, { report: next, event: eventFor(next, status === 'verified' ? 'report.verified' : 'report.started', OFFICER), expectedVersion });
  return next;
}

export function makeUser(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: randomUUID(), username: `petugas-${randomUUID().slice(0, 8)}`, name: 'Petugas', role: 'officer', agencyId: 'dpupr',
    kecamatan: null, passwordHash: 'scrypt$x$y', disabled: false, createdAt: nextInstant(), ...overrides,
  };
}

export function makeSession(userId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  const at = nextInstant();
  return { id: randomUUID(), userId, createdAt: at, lastSeenAt: at, expiresAt: '2026-12-31T00:00:00.000Z', ...overrides };
}

export async function assertRejects<E extends Error>(promise: Promise<unknown>, type: new (...args: any[]) => E): Promise<E> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    return err;
  }
  assert.fail(`expected ${type.name}, but it succeeded`);
}

export function makeNgopiSession(overrides: Partial<NgopiSession> = {}): NgopiSession {
  const at = nextInstant();
  return {
    id: randomUUID(), title: 'Ngopi Bareng Bupati di Cepu', startsAt: '2026-11-10T02:00:00.000Z', endsAt: '2026-11-10T04:00:00.000Z',
    mode: 'luring_daring', kecamatan: '33.16.05', desa: null, venue: 'Pendopo', link: 'https://meet.example.org/ngopi', topic: 'Pertanian',
    facilitator: 'Bu Rina', createdBy: 'u1', createdAt: at, updatedAt: at, ...overrides,
  };
}

/** A "dukung" as the support service makes it: the next version with one more supporter, and the device. */
export async function support(store: Store, report: Report, deviceId: string): Promise<Report> {
  const next: Report = { ...report, supportCount: report.supportCount + 1, updatedAt: nextInstant(), version: report.version + 1 };
  await commitOne(store, { report: next, event: eventFor(next, 'report.supported', CITIZEN), expectedVersion: report.version, support: { deviceId } });
  return next;
}
