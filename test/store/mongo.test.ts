// The store contract on MongoDB, plus what only MongoDB can get wrong (several processes,
// GridFS). Needs a replica set (README.md, section MongoDB); without MONGODB_URI it is skipped, saying so.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Report } from '../../shared/types.ts';
import type { ReportOverrides } from '../helpers/fixtures.ts';
import { GridFsPhotoStorage } from '../../server/media/gridfs-photo-storage.ts';
import { eventFor } from '../../server/reports/events.ts';
import { MongoStore } from '../../server/store/mongo/mongo-store.ts';
import { DuplicateClientIdError, VersionConflictError } from '../../server/store/port.ts';
import { dropTestDatabase, uniqueTestDatabaseUri } from '../helpers/mongo-database.ts';
import { commitOne, runStoreContract } from './contract.ts';


const baseUri = process.env.MONGODB_URI;
const transactions = process.env.MONGODB_TRANSACTIONS !== 'off';

function connect(uri: string): Promise<MongoStore> {
  return MongoStore.connect(uri, { transactions });
}

/** A minimal valid report; `code` and `clientId` vary per test. */
function sampleReport(overrides: ReportOverrides = {}): Report {
  const createdAt = new Date().toISOString();
  return {
    publicId: randomBytes(4).toString('hex').toUpperCase(), codeHash: randomBytes(16).toString('base64url'), codeSeal: null, clientId: null, category: 'jalan', agencyId: 'dpupr',
    status: 'new', description: 'Jalan berlubang dekat balai desa.', kecamatan: '33.16.05', desa: '33.16.05.2001',
    lat: null, lng: null, reporterName: null, reporterPhone: null, anonymous: true, confidential: false,
    details: { damageType: 'berlubang', severity: 2 }, photos: [], assigneeId: null, duplicateOf: null, feedback: null,
    supportCount: 0, createdAt, updatedAt: createdAt, verifiedAt: null, resolvedAt: null, verifyDueAt: createdAt,
    followUpDueAt: null, dueAt: createdAt, overdueNotified: false, version: 1, ...overrides,
  };
}

const CITIZEN = { kind: 'citizen' } as const;

if (!baseUri) {
  console.log('MONGODB_URI not set: MongoDB contract suite skipped');
  describe('MongoDB store contract', () => {
    it('runs against MongoDB when MONGODB_URI is set', function () { this.skip(); });
  });
} else {
  const mongoUri = baseUri;
  runStoreContract('MongoDB', async () => {
    const uri = uniqueTestDatabaseUri(mongoUri);
    const subject = {
      store: await connect(uri),
      async reopen() {
        await subject.store.close();
        subject.store = await connect(uri);
        return subject.store;
      },
      async cleanup() { await subject.store.close(); await dropTestDatabase(uri); },
    };
    return subject;
  });

  describe('MongoDB store, beyond the contract', () => {
    let uri: string;
    let first: MongoStore;
    let second: MongoStore;

    // Two connections stand for two server processes behind a load balancer.
    beforeEach(async () => {
      uri = uniqueTestDatabaseUri(mongoUri);
      first = await connect(uri);
      second = await connect(uri);
    });
    afterEach(async () => {
      // A failed connect in beforeEach leaves nothing to close or drop.
      await first?.close();
      await second?.close();
      if (first) await dropTestDatabase(uri);
    });

    it('when two processes submit reports at once, event seq is gap-free and in commit order', async function () {
      if (!transactions) this.skip(); // gap-free is what MONGODB_TRANSACTIONS=off gives up
      const reports = Array.from({ length: 30 }, () => sampleReport());
      const stored = await Promise.all(reports.map((report, i) =>
        commitOne((i % 2 ? first : second), { report, event: eventFor(report, 'report.created', CITIZEN), expectedVersion: 0 })));
      const seqs = stored.map((e) => e.seq).sort((a, b) => a - b);
      assert.deepEqual(seqs, Array.from({ length: 30 }, (_, i) => i + 1));
      const replay = await second.eventsAfter(0, 100);
      assert.deepEqual(replay.map((e) => e.seq), seqs);
      assert.equal(await first.lastSeq(), 30);
    });

    it('when a change is refused for its version, nothing is written and no seq is used', async function () {
      if (!transactions) this.skip();
      const report = sampleReport();
      await commitOne(first, { report, event: eventFor(report, 'report.created', CITIZEN), expectedVersion: 0 });
      const stale = { ...report, status: 'verified' as const, version: 2 };
      await commitOne(second, { report: stale, event: eventFor(stale, 'report.verified', CITIZEN), expectedVersion: 1 });
      const conflicting = { ...report, status: 'rejected' as const, version: 2 };
      await assert.rejects(
        commitOne(first, { report: conflicting, event: eventFor(conflicting, 'report.rejected', CITIZEN), expectedVersion: 1 }),
        VersionConflictError,
      );
      assert.equal((await first.getReport(report.publicId))?.status, 'verified');
      assert.deepEqual((await first.eventsOfReport(report.publicId)).map((e) => e.seq), [1, 2]);
      const next = sampleReport();
      const event = await commitOne(first, { report: next, event: eventFor(next, 'report.created', CITIZEN), expectedVersion: 0 });
      assert.equal(event.seq, 3);
    });

    it('when the same clientId arrives at two processes, one report is kept and the other is told so', async () => {
      const clientId = randomBytes(8).toString('hex');
      const a = sampleReport({ clientId });
      const b = sampleReport({ clientId });
      const results = await Promise.allSettled([
        commitOne(first, { report: a, event: eventFor(a, 'report.created', CITIZEN), expectedVersion: 0 }),
        commitOne(second, { report: b, event: eventFor(b, 'report.created', CITIZEN), expectedVersion: 0 }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const refused = results.find((r) => r.status === 'rejected');
      assert.ok(refused && refused.reason instanceof DuplicateClientIdError);
      assert.equal((await first.eventsAfter(0, 10)).length, 1);
    });

    it('fills in the answer time of reports an older version stored without it, when a process starts', async () => {
      // As a process from before answeredAt was derived wrote them: the report alone.
      const rejected = sampleReport({ status: 'rejected', dueAt: null, updatedAt: '2026-03-03T05:00:00.000Z' });
      const open = sampleReport();
      await first.database.collection('reports').insertMany([{ ...rejected }, { ...open }]);
      const third = await connect(uri);
      try {
        const answered = new Map((await third.scanReports({ limit: 10 })).map((r) => [r.publicId, r.answeredAt]));
        assert.equal(answered.get(rejected.publicId), '2026-03-03T05:00:00.000Z');
        assert.equal(answered.get(open.publicId), null);
        assert.equal(await third.database.collection('reports').countDocuments({ answeredAt: { $exists: false } }), 0);
        assert.deepEqual(await third.getReport(rejected.publicId), rejected);
      } finally {
        await third.close();
      }
    });

    it('a photo saved by one process is served by another, and removing it removes both sizes', async () => {
      const photosA = new GridFsPhotoStorage(first.database);
      const photosB = new GridFsPhotoStorage(second.database);
      const id = randomBytes(16).toString('base64url');
      await photosA.save(id, 'full', Buffer.from('full-1'));
      await photosA.save(id, 'full', Buffer.from('full-2')); // a retry replaces, it does not pile up
      await photosA.save(id, 'thumb', Buffer.from('thumb'));
      assert.equal((await photosB.read(id, 'full'))?.toString(), 'full-2');
      assert.equal((await photosB.read(id, 'thumb'))?.toString(), 'thumb');
      assert.equal(await first.database.collection('photos.files').countDocuments({}), 2);
      await photosB.remove(id);
      assert.equal(await photosA.read(id, 'full'), null);
      assert.equal(await photosA.read(id, 'thumb'), null);
    });
  });
}
