// How the MongoDB adapter translates queries, errors and settings. These need no server, so
// they run everywhere; the adapter against a real MongoDB is test/store/mongo.test.ts.
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { encodeCursor } from '../../server/store/cursor.ts';
import { duplicateKeyField, toReportWriteError, toUserWriteError } from '../../server/store/mongo/errors.ts';
import { MongoStore } from '../../server/store/mongo/mongo-store.ts';
import { reportFilter } from '../../server/store/mongo/report-query.ts';
import { eventSchema, reportSchema, sessionSchema, userSchema } from '../../server/store/mongo/schemas.ts';
import { deploymentOf, TransactionsUnavailableError } from '../../server/store/mongo/topology.ts';
import { DuplicateClientIdError, DuplicateCodeError, DuplicateUsernameError } from '../../server/store/port.ts';
import { databaseName, uniqueTestDatabaseUri, withDatabaseName } from '../helpers/mongo-database.ts';

/** A duplicate-key error as the driver raises it from the server's reply. */
function duplicateKey(keyPattern: Record<string, number> | undefined, index: string): Error {
  return new mongoose.mongo.MongoServerError({
    message: `E11000 duplicate key error collection: suara_warga.reports index: ${index} dup key: { x: "y" }`,
    code: 11000,
    ...(keyPattern ? { keyPattern } : {}),
  });
}

describe('MongoDB adapter: duplicate keys become the port errors', () => {
  const cases: { index: string; keyPattern: Record<string, number> | undefined; expected: typeof DuplicateClientIdError | typeof DuplicateCodeError }[] = [
    { index: 'clientId_1', keyPattern: { clientId: 1 }, expected: DuplicateClientIdError },
    { index: 'publicId_1', keyPattern: { publicId: 1 }, expected: DuplicateCodeError },
    { index: 'codeHash_1', keyPattern: { codeHash: 1 }, expected: DuplicateCodeError },
    { index: 'clientId_1', keyPattern: undefined, expected: DuplicateClientIdError }, // message only
    { index: 'publicId_1', keyPattern: undefined, expected: DuplicateCodeError },
  ];
  for (const { index, keyPattern, expected } of cases) {
    it(`a report insert refused on ${index}${keyPattern ? '' : ' (message only)'} is ${expected.name}`, () => {
      assert.ok(toReportWriteError(duplicateKey(keyPattern, index), { clientId: 'c-1' }) instanceof expected);
    });
  }

  it('names the first field of a compound index', () => {
    assert.equal(duplicateKeyField(duplicateKey(undefined, 'agencyId_1_createdAt_-1_code_-1')), 'agencyId');
  });

  it('leaves any other error as it is', () => {
    const other = new mongoose.mongo.MongoServerError({ message: 'WriteConflict', code: 112 });
    assert.equal(toReportWriteError(other, { clientId: 'c-1' }), other);
    assert.equal(duplicateKeyField(new Error('E11000 but no code')), null);
  });

  it('a username taken in any case is DuplicateUsernameError', () => {
    assert.ok(toUserWriteError(duplicateKey({ usernameKey: 1 }, 'usernameKey_1'), 'Admin') instanceof DuplicateUsernameError);
  });
});

describe('MongoDB adapter: the desk list query', () => {
  it('with no filter matches every report', () => {
    assert.deepEqual(reportFilter({ limit: 10 }), {});
  });

  it('an empty agency list matches nothing, as in SQLite', () => {
    assert.deepEqual(reportFilter({ agencyIds: [], limit: 10 }), { agencyId: { $in: [] } });
  });

  it('searches text literally, case-insensitive, in the description or the public id', () => {
    assert.deepEqual(reportFilter({ text: 'rp.50(000)*', limit: 10 }), {
      $or: [
        { description: { $regex: 'rp\\.50\\(000\\)\\*', $options: 'i' } },
        { publicId: { $regex: 'rp\\.50\\(000\\)\\*', $options: 'i' } },
      ],
    });
  });

  it('continues after the cursor in (createdAt, publicId) descending order', () => {
    const cursor = encodeCursor({ createdAt: '2025-11-03T01:00:00.000Z', publicId: 'ABCDEFGH' });
    assert.deepEqual(reportFilter({ kecamatan: '33.16.05', cursor, limit: 10 }), {
      $and: [
        { kecamatan: '33.16.05' },
        { $or: [{ createdAt: { $lt: '2025-11-03T01:00:00.000Z' } }, { createdAt: '2025-11-03T01:00:00.000Z', publicId: { $lt: 'ABCDEFGH' } }] },
      ],
    });
  });
});

describe('MongoDB adapter: indexes', () => {
  const keysOf = (schema: typeof reportSchema | typeof eventSchema | typeof userSchema | typeof sessionSchema) =>
    schema.indexes().map(([fields, options]) => ({ fields, unique: options.unique === true }));

  it('has an index for each desk filter, the public id, the tracking-code hash, clientId and photo lookup', () => {
    const keys = keysOf(reportSchema);
    for (const fields of [
      { publicId: 1 }, { codeHash: 1 }, { clientId: 1 }, { createdAt: -1, publicId: -1 }, { agencyId: 1, createdAt: -1, publicId: -1 },
      { kecamatan: 1, createdAt: -1, publicId: -1 }, { status: 1, createdAt: -1, publicId: -1 },
      { category: 1, createdAt: -1, publicId: -1 }, { dueAt: 1 }, { 'photos.id': 1 },
    ]) assert.ok(keys.some((k) => JSON.stringify(k.fields) === JSON.stringify(fields)), JSON.stringify(fields));
    assert.ok(keys.find((k) => 'publicId' in k.fields && Object.keys(k.fields).length === 1)?.unique);
    assert.ok(keys.find((k) => 'codeHash' in k.fields)?.unique);
    assert.ok(keys.find((k) => 'clientId' in k.fields)?.unique);
  });

  it('keeps seq unique and finds events by room and by report', () => {
    assert.deepEqual(keysOf(eventSchema), [
      { fields: { seq: 1 }, unique: true },
      { fields: { reportId: 1, seq: 1 }, unique: false },
      { fields: { rooms: 1, seq: 1 }, unique: false },
    ]);
  });

  it('makes usernames unique regardless of case and finds sessions by user', () => {
    assert.deepEqual(keysOf(userSchema), [{ fields: { usernameKey: 1 }, unique: true }]);
    assert.deepEqual(keysOf(sessionSchema), [{ fields: { userId: 1 }, unique: false }]);
  });
});

describe('MongoDB adapter: start-up', () => {
  it('tells a replica set, mongos and a standalone server apart from the hello reply', () => {
    assert.equal(deploymentOf({ setName: 'rs0' }), 'replicaSet');
    assert.equal(deploymentOf({ msg: 'isdbgrid' }), 'sharded');
    assert.equal(deploymentOf({}), 'standalone');
  });

  it('explains, in Bahasa Indonesia and English, how to get a replica set or run without transactions', () => {
    const { message } = new TransactionsUnavailableError();
    assert.match(message, /replica set satu node/);
    assert.match(message, /mongod --replSet rs0/);
    assert.match(message, /rs\.initiate\(\)/);
    assert.match(message, /MONGODB_TRANSACTIONS=off/);
    assert.match(message, /single-node replica set/);
  });

  it('when no MongoDB answers, connecting fails instead of waiting forever', async () => {
    await assert.rejects(
      MongoStore.connect('mongodb://127.0.0.1:9/suara_warga', { transactions: true, serverSelectionTimeoutMS: 300 }),
      (err: Error) => err.name === 'MongooseServerSelectionError',
    );
  });

  it('reads MONGODB_TRANSACTIONS as on (default) or off, and refuses anything else', () => {
    assert.equal(loadConfig({}).mongodbTransactions, true);
    assert.equal(loadConfig({ MONGODB_TRANSACTIONS: 'off' }).mongodbTransactions, false);
    assert.throws(() => loadConfig({ MONGODB_TRANSACTIONS: 'no' }), ConfigError);
  });
});

describe('test databases', () => {
  it('swap only the database name of a MongoDB URI', () => {
    assert.equal(withDatabaseName('mongodb://127.0.0.1:27017/suara_warga?replicaSet=rs0', 'x'), 'mongodb://127.0.0.1:27017/x?replicaSet=rs0');
    assert.equal(withDatabaseName('mongodb://u:p%40ss@a:1,b:2', 'x'), 'mongodb://u:p%40ss@a:1,b:2/x');
    assert.equal(withDatabaseName('mongodb+srv://c.example.net/?retryWrites=true', 'x'), 'mongodb+srv://c.example.net/x?retryWrites=true');
  });

  it('are named after the configured database and marked as tests', () => {
    const uri = uniqueTestDatabaseUri('mongodb://127.0.0.1:27017/suara_warga?replicaSet=rs0');
    assert.match(databaseName(uri) ?? '', /^suara_warga_test_[0-9a-f]{10}$/);
    assert.notEqual(uri, uniqueTestDatabaseUri('mongodb://127.0.0.1:27017/suara_warga?replicaSet=rs0'));
  });
});
