import mongoose, { type ClientSession, type Connection, type mongo } from 'mongoose';
import { AREA_LEVELS, type AreaFeature, type AreaLevel } from '../../../shared/geo.ts';
import type { NgopiSession } from '../../../shared/ngopi.ts';
import type { Report, ReportEvent } from '../../../shared/types.ts';
import { encodeCursor } from '../cursor.ts';
import { answeredAtOf } from '../../reports/answered-at.ts';
import {
  SettingsVersionConflictError, VersionConflictError, type AggregateQuery, type AggregateRow, type DerivedWrite, type ReadModelDelta, type ReadModelQuery, type ReadModelRow, type ReportChange, type ReportFacts, type ReportPoint,
  type AuditEntry, type AuditQuery, type ReportListQuery, type ScanQuery, type SessionRecord, type Store, type UserRecord,
} from '../port.ts';
import {
  aggregatePipeline, aggregateRowsOf, factsOf, scanPipeline,
  type GroupResult, type ScanResult,
} from './aggregates.ts';
import { addCounters, rebuildReadModel, sumReadModel } from './counters.ts';
import { MongoApiKeyStore } from './apikey-store.ts';
import { MongoChannelStore } from './channel-store.ts';
import { MongoNotifyStore } from './notify-store.ts';
import { toReportWriteError, toUserWriteError } from './errors.ts';
import { bindModels, prepareCollections, type Models } from './models.ts';
import { NEWEST_FIRST, reportFilter } from './report-query.ts';
import { REPORT_PROJECTION, type AreaDoc, type AuditDoc, type CounterDoc, type EventDoc, type NgopiSessionDoc, type ReportDoc, type SessionDoc, type SettingDoc, type SupportDoc, type UserDoc } from './schemas.ts';
import { deploymentOf, TransactionsUnavailableError, type HelloReply } from './topology.ts';

export interface MongoStoreOptions {
  /** false only with MONGODB_TRANSACTIONS=off: no atomic report+event, seq may have gaps. */
  transactions: boolean;
  /** How long to look for a server before giving up (driver default 30 s). */
  serverSelectionTimeoutMS?: number;
}

const EVENT_SEQ = 'eventSeq';
/** Set once the read model holds every report; a database without it (made before) is counted at start. */
// Versioned with the read model's rule (server/readmodel/counters.ts): a new rule counts again.
const READMODEL_FILLED = 'readmodel.filled.4';
const SETTINGS_VERSION = 'settingsVersion';
const AUDIT_SEQ = 'auditSeq';
const HIDE_ID = { _id: 0 } as const;

/**
 * The stored copy is what JSON would keep, exactly as the SQLite store keeps it: `undefined`
 * members vanish instead of becoming BSON null, so both adapters read back the same object.
 */
function jsonClean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function toUser({ _id, usernameKey: _key, ...rest }: UserDoc): UserRecord {
  return { id: _id, ...rest };
}

function toUserDoc(user: UserRecord): UserDoc {
  const { id, ...rest } = user;
  return { _id: id, ...rest, usernameKey: user.username.toLowerCase() };
}

function toSession({ _id, ...rest }: SessionDoc): SessionRecord {
  return { id: _id, ...rest };
}

function toNgopiSession({ _id, ...rest }: NgopiSessionDoc): NgopiSession {
  return { id: _id, ...rest };
}

/**
 * MongoDB through mongoose, for running several server processes against one database.
 * Open it with `MongoStore.connect`, which also builds the indexes.
 */
export class MongoStore implements Store {
  readonly kind = 'mongo' as const;
  readonly channels: MongoChannelStore;
  readonly apiKeys: MongoApiKeyStore;
  readonly notify: MongoNotifyStore;
  /** Commits not yet settled: close() waits for them (the driver would abort their transactions). */
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly connection: Connection,
    private readonly models: Models,
    private readonly transactions: boolean,
  ) {
    this.channels = new MongoChannelStore(databaseOf(connection));
    this.apiKeys = new MongoApiKeyStore(databaseOf(connection), (work) => this.atomically(work), (entry, session) => this.writeAudit(entry, session));
    this.notify = new MongoNotifyStore(databaseOf(connection));
  }

  static async connect(uri: string, options: MongoStoreOptions): Promise<MongoStore> {
    // Indexes and collections are made below, awaited, instead of by mongoose in the background.
    const connection = mongoose.createConnection(uri, {
      autoIndex: false,
      autoCreate: false,
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS,
    });
    try {
      await connection.asPromise();
      if (options.transactions) await assertTransactionsAvailable(databaseOf(connection));
      const models = bindModels(connection);
      await prepareCollections(models);
      await catchUpCounter(models);
      await backfillAnsweredAt(models);
      await moveBoundarySettings(models);
      const store = new MongoStore(connection, models, options.transactions);
      await store.channels.prepare();
      await store.apiKeys.prepare();
      await store.notify.prepare();
      return store;
    } catch (err) {
      await connection.close().catch(() => undefined);
      throw err;
    }
  }

  /** The database, for GridFS photo storage on the same connection. */
  get database(): mongo.Db {
    return databaseOf(this.connection);
  }

  async ping(): Promise<void> {
    await this.database.command({ ping: 1 });
  }

  /**
   * Nothing deferred: MongoDB keeps its indexes (text, 2dsphere) as it writes, and a batch's
   * changes share one transaction already. Not measured here (no MongoDB on this machine).
   */
  async beginBulkLoad(): Promise<void> {}

  async endBulkLoad(): Promise<void> {}

  /**
   * Waits for the commits in flight, then closes. Closing at once would end their sessions and
   * abort their transactions: a commit begun before SIGTERM (the overdue sweep's, say) lost.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      await this.connection.close();
    })();
    return this.closing;
  }

  commitReports(changes: ReportChange[]): Promise<ReportEvent[]> {
    if (this.closing) return Promise.reject(new Error('store is closing'));
    const commit = this.commitNow(changes);
    this.inFlight.add(commit);
    const forget = () => { this.inFlight.delete(commit); };
    commit.then(forget, forget);
    return commit;
  }

  private async commitNow(changes: ReportChange[]): Promise<ReportEvent[]> {
    const cleaned = changes.map((change) => ({ ...change, report: jsonClean(change.report), event: jsonClean(change.event) }));
    // The change being written, so a duplicate-key error is named after its report.
    let current = cleaned[0];
    try {
      const seqs = this.transactions
        ? await this.connection.transaction(async (session) => {
          const taken: number[] = [];
          for (const change of cleaned) {
            current = change;
            taken.push(await this.writeChange(change, session));
          }
          return taken;
        }, { writeConcern: { w: 'majority' } })
        : await this.commitWithoutTransaction(cleaned, (change) => { current = change; });
      return changes.map((change, i) => ({ seq: seqs[i], ...change.event }));
    } catch (err) {
      throw current ? toReportWriteError(err, current.report) : err;
    }
  }

  /** One change inside the transaction; returns its event's seq. */
  private async writeChange(change: ReportChange, session: ClientSession): Promise<number> {
    // The counter first; see nextSeq for why that keeps seq gap-free and in commit order.
    const seq = await this.nextSeq(session);
    if (change.support) await this.models.Support.insertOne({ reportId: change.report.publicId, deviceId: change.support.deviceId }, { session });
    await this.writeReport(change.report, change.expectedVersion, session);
    if (change.moveSupportsFrom) await this.moveSupports(change.moveSupportsFrom, change.report.publicId, session);
    for (const write of change.derived ?? []) await this.writeDerived(write, session);
    await this.appendEvent({ seq, ...change.event }, session);
    return seq;
  }

  /** A merge: each supporter of `from` now supports `to`; one that supported both is kept once. */
  private async moveSupports(from: string, to: string, session: ClientSession | undefined): Promise<void> {
    const devices = await this.models.Support.find({ reportId: from }, { deviceId: 1, _id: 0 }).session(session ?? null).lean<SupportDoc[]>();
    if (devices.length > 0) {
      await this.models.Support.bulkWrite(devices.map((d) => ({
        updateOne: { filter: { reportId: to, deviceId: d.deviceId }, update: { $setOnInsert: { reportId: to, deviceId: d.deviceId } }, upsert: true },
      })), { session });
    }
    await this.models.Support.deleteMany({ reportId: from }, { session });
  }

  private async writeDerived(write: DerivedWrite, session: ClientSession | undefined): Promise<void> {
    switch (write.kind) {
      case 'readmodel':
        await addCounters(this.models, [write], session);
        return;
      case 'outbox':
      case 'contact':
        return this.notify.writeDerived(write, session);
    }
  }

  /**
   * MONGODB_TRANSACTIONS=off: each report is written first, so a refused change (version
   * conflict, duplicate) takes no seq. What is lost is documented in README.md, section MongoDB: a crash
   * between the steps leaves a report without its event or a gap in seq, two processes
   * may make seq 11 visible before seq 10, and a batch is no longer all-or-none.
   */
  private async commitWithoutTransaction(changes: ReportChange[], onChange: (change: ReportChange) => void): Promise<number[]> {
    const seqs: number[] = [];
    for (const change of changes) {
      onChange(change);
      const { report, support } = change;
      // The support first: a second "dukung" of the same device is refused before the count moves.
      if (support) await this.models.Support.insertOne({ reportId: report.publicId, deviceId: support.deviceId });
      try {
        await this.writeReport(report, change.expectedVersion, undefined);
      } catch (err) {
        // A version conflict is retried by the caller with the same device: take the support back.
        if (support) await this.models.Support.deleteOne({ reportId: report.publicId, deviceId: support.deviceId });
        throw err;
      }
      if (change.moveSupportsFrom) await this.moveSupports(change.moveSupportsFrom, report.publicId, undefined);
      for (const write of change.derived ?? []) await this.writeDerived(write, undefined);
      const seq = await this.nextSeq(undefined);
      await this.appendEvent({ seq, ...change.event }, undefined);
      seqs.push(seq);
    }
    return seqs;
  }

  /**
   * Takes the next event seq from the counter document ($inc).
   *
   * Why this is the first write of the transaction: the $inc write-locks the counter document
   * until the transaction commits or aborts. A concurrent transaction (in this or any other
   * process) that tries the same $inc meanwhile gets a WriteConflict, which carries the
   * TransientTransactionError label, so withTransaction aborts it and runs it again (with
   * back-off). It can only take its seq after ours committed, so it commits after ours: commit
   * order follows seq order, and a reader who sees seq 11 already sees seq 10. An aborted
   * transaction (version conflict, duplicate) rolls its $inc back, so no seq is skipped.
   * Being first means the loser aborts before writing anything else, so a retry is cheap.
   * The price is that report writes are serialized, a few per second at most in a kabupaten.
   */
  private async nextSeq(session: ClientSession | undefined): Promise<number> {
    const counter = await this.models.Counter
      .findOneAndUpdate({ _id: EVENT_SEQ }, { $inc: { value: 1 } }, { session, returnDocument: 'after' })
      .lean<CounterDoc>();
    if (!counter) throw new Error(`counter ${EVENT_SEQ} hilang (missing); restart the server to recreate it`);
    return counter.value;
  }

  private async writeReport(report: Report, expectedVersion: number, session: ClientSession | undefined): Promise<void> {
    if (expectedVersion === 0) {
      // Strict schema: a Report field the schema does not list is refused here, on insert.
      await this.models.Report.insertOne(report satisfies ReportDoc, { session });
      return;
    }
    // Only the version read may be replaced; matching nothing means someone changed it first.
    // Throwing inside the transaction aborts it, so the counter $inc is undone as well.
    const result = await this.models.Report.updateOne(
      { publicId: report.publicId, version: expectedVersion },
      replaceReportPipeline(report),
      { session, updatePipeline: true },
    );
    if (result.matchedCount === 0) throw new VersionConflictError(report.publicId);
  }

  private async appendEvent(event: EventDoc, session: ClientSession | undefined): Promise<void> {
    await this.models.Event.insertOne(event, { session });
  }

  async getReport(publicId: string): Promise<Report | null> {
    return this.models.Report.findOne({ publicId }, REPORT_PROJECTION).lean<Report>();
  }

  async getReportByCodeHash(codeHash: string): Promise<Report | null> {
    return this.models.Report.findOne({ codeHash }, REPORT_PROJECTION).lean<Report>();
  }

  async getReportByClientId(clientId: string): Promise<Report | null> {
    return this.models.Report.findOne({ clientId }, REPORT_PROJECTION).lean<Report>();
  }

  async getReportByPhotoId(photoId: string): Promise<Report | null> {
    return this.models.Report.findOne({ 'photos.id': photoId }, REPORT_PROJECTION).lean<Report>();
  }

  async listReports(query: ReportListQuery): Promise<{ items: Report[]; nextCursor: string | null }> {
    // One more than asked tells whether there is a next page.
    const docs = await this.models.Report.find(reportFilter(query), REPORT_PROJECTION)
      .sort(NEWEST_FIRST).limit(query.limit + 1).lean<Report[]>();
    const items = docs.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: docs.length > query.limit && last ? encodeCursor(last) : null };
  }

  async eventsAfter(afterSeq: number, limit: number, rooms?: string[]): Promise<ReportEvent[]> {
    // MongoDB reads limit 0 as "no limit"; SQLite's LIMIT 0 returns nothing, and so do we.
    if (limit <= 0) return [];
    // An empty room list matches nothing, as in the SQLite store.
    const filter = rooms ? { seq: { $gt: afterSeq }, rooms: { $in: rooms } } : { seq: { $gt: afterSeq } };
    return this.models.Event.find(filter, HIDE_ID).sort({ seq: 1 }).limit(limit).lean<EventDoc[]>();
  }

  async eventsOfReport(publicId: string): Promise<ReportEvent[]> {
    return this.models.Event.find({ reportId: publicId }, HIDE_ID).sort({ seq: 1 }).lean<EventDoc[]>();
  }

  async lastSeq(): Promise<number> {
    return lastEventSeq(this.models);
  }

  async aggregateReports(query: AggregateQuery): Promise<AggregateRow[]> {
    const results = await this.models.Report.aggregate<GroupResult>(aggregatePipeline(query));
    return aggregateRowsOf(results, query);
  }

  async scanReports(query: ScanQuery): Promise<ReportFacts[]> {
    // $limit must be positive; SQLite's LIMIT 0 returns nothing, and so do we.
    if (query.limit <= 0) return [];
    const results = await this.models.Report.aggregate<ScanResult>(scanPipeline(query));
    return results.map((r) => factsOf(r, query));
  }

  async scanPoints(query: ScanQuery): Promise<ReportPoint[]> {
    if (query.limit <= 0) return [];
    return this.models.Report.find(reportFilter({ ...query, located: true }), { _id: 0, publicId: 1, category: 1, status: 1, lat: 1, lng: 1, confidential: 1, createdAt: 1 })
      .sort(NEWEST_FIRST).limit(query.limit).lean<ReportPoint[]>();
  }

  async sumReadModel(query: ReadModelQuery): Promise<ReadModelRow[]> {
    return sumReadModel(this.models, query);
  }

  /** Not in a transaction (it may be millions of writes); offline, as the port says. */
  async rebuildReadModel(countersOf: (report: Report) => ReadModelDelta[], options: { onlyIfFlagged?: boolean; onProgress?: (reports: number) => void } = {}): Promise<{ rebuilt: boolean; reports: number }> {
    if (options.onlyIfFlagged && await this.models.Setting.exists({ _id: READMODEL_FILLED })) return { rebuilt: false, reports: 0 };
    const reports = await rebuildReadModel(this.models, countersOf, options.onProgress);
    await this.models.Setting.updateOne({ _id: READMODEL_FILLED }, { value: true }, { upsert: true });
    return { rebuilt: true, reports };
  }

  async createUser(user: UserRecord, audit?: AuditEntry): Promise<void> {
    try {
      await this.atomically(async (session) => {
        await this.models.User.insertOne(jsonClean(toUserDoc(user)), { session });
        if (audit) await this.writeAudit(audit, session);
      });
    } catch (err) {
      throw toUserWriteError(err, user.username);
    }
  }

  async updateUser(user: UserRecord, audit?: AuditEntry): Promise<void> {
    try {
      await this.atomically(async (session) => {
        await this.models.User.replaceOne({ _id: user.id }, jsonClean(toUserDoc(user)), { session });
        if (audit) await this.writeAudit(audit, session);
      });
    } catch (err) {
      throw toUserWriteError(err, user.username);
    }
  }

  async getUserById(id: string): Promise<UserRecord | null> {
    const doc = await this.models.User.findById(id).lean<UserDoc>();
    return doc ? toUser(doc) : null;
  }

  async getUserByUsername(username: string): Promise<UserRecord | null> {
    const doc = await this.models.User.findOne({ usernameKey: username.toLowerCase() }).lean<UserDoc>();
    return doc ? toUser(doc) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    // By the lowercased name: the order SQLite's COLLATE NOCASE column gives.
    const docs = await this.models.User.find({}).sort({ usernameKey: 1 }).lean<UserDoc[]>();
    return docs.map(toUser);
  }

  async countUsers(): Promise<number> {
    return this.models.User.countDocuments({});
  }

  async createSession(session: SessionRecord): Promise<void> {
    const { id, ...rest } = session;
    await this.models.Session.insertOne({ _id: id, ...rest });
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const doc = await this.models.Session.findById(id).lean<SessionDoc>();
    return doc ? toSession(doc) : null;
  }

  async touchSession(id: string, lastSeenAt: string): Promise<void> {
    await this.models.Session.updateOne({ _id: id }, { $set: { lastSeenAt } });
  }

  async deleteSession(id: string): Promise<void> {
    await this.models.Session.deleteOne({ _id: id });
  }

  async deleteSessionsOfUser(userId: string, keep?: string): Promise<string[]> {
    // Delete exactly the sessions listed, so the ids returned are the ones whose sockets to
    // close; a session created in between is not deleted and not reported. No transaction needed.
    const docs = await this.models.Session.find(keep ? { userId, _id: { $ne: keep } } : { userId }, { _id: 1 }).lean<Pick<SessionDoc, '_id'>[]>();
    const ids = docs.map((d) => d._id);
    if (ids.length > 0) await this.models.Session.deleteMany({ _id: { $in: ids } });
    return ids;
  }

  async putNgopiSession(session: NgopiSession): Promise<void> {
    const { id, ...rest } = jsonClean(session);
    await this.models.NgopiSession.replaceOne({ _id: id }, rest, { upsert: true });
  }

  async getNgopiSession(id: string): Promise<NgopiSession | null> {
    const doc = await this.models.NgopiSession.findById(id).lean<NgopiSessionDoc>();
    return doc ? toNgopiSession(doc) : null;
  }

  async listNgopiSessions(): Promise<NgopiSession[]> {
    const docs = await this.models.NgopiSession.find({}).sort({ startsAt: -1, _id: -1 }).lean<NgopiSessionDoc[]>();
    return docs.map(toNgopiSession);
  }

  async deleteNgopiSession(id: string): Promise<void> {
    await this.models.NgopiSession.deleteOne({ _id: id });
  }

  async getSetting<T>(key: string): Promise<T | null> {
    const doc = await this.models.Setting.findById(key).lean<SettingDoc>();
    return doc ? (doc.value as T) : null;
  }

  async putSetting<T>(key: string, value: T, audit?: AuditEntry, options: { ifVersion?: number } = {}): Promise<void> {
    await this.atomically(async (session) => {
      // The version first: its write-lock orders concurrent setting writes, as nextSeq does for events.
      const filter = options.ifVersion === undefined ? { _id: SETTINGS_VERSION } : { _id: SETTINGS_VERSION, value: options.ifVersion };
      const bumped = await this.models.Counter.updateOne(filter, { $inc: { value: 1 } }, { session });
      if (bumped.matchedCount !== 1) throw new SettingsVersionConflictError();
      await this.models.Setting.updateOne({ _id: key }, { $set: { value: jsonClean(value) } }, { upsert: true, session });
      if (audit) await this.writeAudit(audit, session);
    });
  }

  async settingsVersion(): Promise<number> {
    return (await this.models.Counter.findById(SETTINGS_VERSION).lean<CounterDoc>())?.value ?? 0;
  }

  async listAreas(level: AreaLevel): Promise<AreaFeature[]> {
    const docs = await this.models.Area.find({ level }).sort({ _id: 1 }).lean<AreaDoc[]>();
    return docs.map(({ _id, ...rest }) => ({ code: _id, ...rest }));
  }

  async replaceAreas(areas: Partial<Record<AreaLevel, AreaFeature[]>>, audit?: AuditEntry): Promise<void> {
    await this.atomically(async (session) => {
      const bumped = await this.models.Counter.updateOne({ _id: SETTINGS_VERSION }, { $inc: { value: 1 } }, { session });
      if (bumped.matchedCount !== 1) throw new SettingsVersionConflictError();
      for (const level of AREA_LEVELS) {
        const list = areas[level];
        if (!list) continue;
        await this.models.Area.deleteMany({ level }, { session });
        if (list.length) await this.models.Area.insertMany(list.map(({ code, ...rest }) => ({ _id: code, ...jsonClean(rest), level })), { session });
      }
      if (audit) await this.writeAudit(audit, session);
    });
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.atomically((session) => this.writeAudit(entry, session));
  }

  async listAudit(query: AuditQuery): Promise<{ items: AuditEntry[]; nextBefore: string | null }> {
    const before = query.before ? (await this.models.Audit.findById(query.before).lean<AuditDoc>())?.n ?? 0 : null;
    const docs = await this.models.Audit.find(before === null ? {} : { n: { $lt: before } }).sort({ n: -1 }).limit(query.limit + 1).lean<AuditDoc[]>();
    const items = docs.slice(0, query.limit).map(({ _id, n: _n, ...rest }) => ({ id: _id, ...rest }));
    return { items, nextBefore: docs.length > query.limit ? items[items.length - 1].id : null };
  }

  private async writeAudit(entry: AuditEntry, session: ClientSession | undefined): Promise<void> {
    const counter = await this.models.Counter.findOneAndUpdate({ _id: AUDIT_SEQ }, { $inc: { value: 1 } }, { upsert: true, session, returnDocument: 'after' }).lean<CounterDoc>();
    const { id, ...rest } = jsonClean(entry);
    await this.models.Audit.insertOne({ _id: id, n: counter?.value ?? 0, ...rest }, { session });
  }

  /** In one transaction when transactions are on; otherwise one write after the other. */
  private async atomically(work: (session: ClientSession | undefined) => Promise<void>): Promise<void> {
    if (this.transactions) await this.connection.transaction((session) => work(session));
    else await work(undefined);
  }
}

function databaseOf(connection: Connection): mongo.Db {
  if (!connection.db) throw new Error('MongoDB connection is not open');
  return connection.db;
}

async function assertTransactionsAvailable(db: mongo.Db): Promise<void> {
  const hello = await db.admin().command({ hello: 1 }) as HelloReply;
  if (deploymentOf(hello) === 'standalone') throw new TransactionsUnavailableError();
}

/**
 * The update pipeline that writes a changed report over the stored one: every field as given
 * ($literal, so a description starting with `$` stays text and an object replaces the stored
 * one instead of being merged into it).
 * Like `$set: report`, it leaves fields absent from the report as they are.
 */
export function replaceReportPipeline(report: Report): { $set: Record<string, unknown> }[] {
  const fields = Object.fromEntries(Object.entries(report).map(([name, value]) => [name, { $literal: value }]));
  return [{ $set: fields }];
}

/**
 * Fills in answeredAt on reports written before it was kept (or by an older process during
 * a rolling restart), from their current state, as SQLite's migrations 002 and 009 do. Only documents
 * still without the field are touched, so a value a newer write set is never overwritten.
 */
async function backfillAnsweredAt(models: Models): Promise<void> {
  const BATCH = 500;
  const cursor = models.Report.find({ answeredAt: { $exists: false } }, { _id: 1, verifiedAt: 1, resolvedAt: 1, status: 1, updatedAt: 1 })
    .lean<Pick<ReportDoc & { _id: mongo.ObjectId }, '_id' | 'verifiedAt' | 'resolvedAt' | 'status' | 'updatedAt'>[]>()
    .cursor();
  let batch: mongo.AnyBulkWriteOperation[] = [];
  for await (const doc of cursor) {
    batch.push({ updateOne: { filter: { _id: doc._id, answeredAt: { $exists: false } }, update: { $set: { answeredAt: answeredAtOf(doc) } } } });
    if (batch.length >= BATCH) {
      await models.Report.collection.bulkWrite(batch, { ordered: false });
      batch = [];
    }
  }
  if (batch.length > 0) await models.Report.collection.bulkWrite(batch, { ordered: false });
}

async function lastEventSeq(models: Models): Promise<number> {
  const last = await models.Event.findOne({}, { seq: 1, _id: 0 }).sort({ seq: -1 }).lean<Pick<EventDoc, 'seq'>>();
  return last?.seq ?? 0;
}

/**
 * Makes sure the seq counter exists and is not behind the events (e.g. after restoring events
 * from a dump). $max never lowers it, so processes starting together, or starting while others
 * write, cannot move it back.
 */
async function catchUpCounter(models: Models): Promise<void> {
  const last = await lastEventSeq(models);
  try {
    // The settings version exists from the start, so putSetting only ever updates it.
    await models.Counter.updateOne({ _id: SETTINGS_VERSION }, { $setOnInsert: { value: 0 } }, { upsert: true });
    await models.Counter.updateOne({ _id: EVENT_SEQ }, { $max: { value: last } }, { upsert: true });
  } catch (err) {
    // Two processes upserting the first counter at once: the other one created it.
    if ((err as { code?: unknown }).code !== 11000) throw err;
  }
}

/**
 * Boundaries imported before areas had documents of their own were one settings value per
 * level: each area becomes its own document, then the value goes. Upserts, so a process that
 * stops half-way, or two starting together, leave the same result.
 */
async function moveBoundarySettings(models: Models): Promise<void> {
  for (const level of AREA_LEVELS) {
    const key = `boundaries:${level}`;
    const stored = await models.Setting.findById(key).lean<SettingDoc>();
    if (!stored) continue;
    const areas = Array.isArray(stored.value) ? (stored.value as Omit<AreaFeature, 'level'>[]) : [];
    for (const { code, ...rest } of areas) {
      await models.Area.replaceOne({ _id: code }, { ...rest, level }, { upsert: true });
    }
    await models.Setting.deleteOne({ _id: key });
  }
}
