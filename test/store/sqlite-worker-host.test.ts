// What the worker-thread host adds to the SQLite store (the store contract in
// ./sqlite-worker.test.ts holds it to the port): errors keep their classes, nothing hangs when
// the thread dies or an argument cannot cross, and an idle store does not keep a process alive.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as apiKeyPort from '../../server/store/apikey-port.ts';
import * as channelPort from '../../server/store/channel-port.ts';
import * as notifyPort from '../../server/store/notify-port.ts';
import * as port from '../../server/store/port.ts';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { countersOfReport } from '../../server/readmodel/counters.ts';
import { eventFor } from '../../server/reports/events.ts';
import { openStorage } from '../../server/store/open.ts';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.ts';
import { portErrorNames, rebuildError, serializeError } from '../../server/store/sqlite/worker-protocol.ts';
import { WorkerStore } from '../../server/store/sqlite/worker-store.ts';
import { insert, makeReport } from './contract.ts';

describe('the SQLite store on a worker thread', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'suara-warga-worker-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is chosen by SQLITE_WORKER: on (the default) or off (in process), anything else refused, naming it', async () => {
    assert.equal(loadConfig({}).sqliteWorker, true);
    assert.equal(loadConfig({ SQLITE_WORKER: 'off' }).sqliteWorker, false);
    assert.throws(() => loadConfig({ SQLITE_WORKER: 'ya' }), (err: unknown) => err instanceof ConfigError && /SQLITE_WORKER/.test(err.message));
    assert.equal(loadConfig({}).sqliteReaders, 1);
    assert.equal(loadConfig({ SQLITE_READERS: '0' }).sqliteReaders, 0);
    for (const bad of ['-1', '9', 'dua']) assert.throws(() => loadConfig({ SQLITE_READERS: bad }), (err: unknown) => err instanceof ConfigError && /SQLITE_READERS/.test(err.message));
    for (const [sqliteWorker, kind] of [[true, WorkerStore], [false, SqliteStore]] as const) {
      const { store } = await openStorage({ dataDir: join(dir, String(sqliteWorker)), mongodbUri: null, mongodbTransactions: true, sqliteWorker, sqliteReaders: 1 });
      try {
        assert.ok(store instanceof kind);
        await store.ping();
      } finally {
        await store.close();
      }
    }
  });

  it('rebuilds every error class of the ports as itself, with its fields, and other errors with their name and code', () => {
    const classes = [...Object.entries(port), ...Object.entries(channelPort), ...Object.entries(notifyPort), ...Object.entries(apiKeyPort)]
      .flatMap(([name, value]) => (typeof value === 'function' && value.prototype instanceof Error ? [[name, value] as const] : []));
    assert.ok(classes.length >= 7, 'the ports export their error classes');
    assert.deepEqual(portErrorNames().sort(), classes.map(([name]) => name).sort());
    for (const [name, errorClass] of classes) {
      const original: Error = Reflect.construct(errorClass, ['AbCd1234']);
      const rebuilt = rebuildError(structuredClone(serializeError(original)));
      assert.ok(rebuilt instanceof errorClass, name);
      assert.equal(rebuilt.message, original.message);
      assert.deepEqual({ ...rebuilt }, { ...original }, `${name} keeps its fields`);
    }
    const sqlite = Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    sqlite.name = 'SqliteError';
    const rebuilt = rebuildError(structuredClone(serializeError(sqlite)));
    assert.equal(rebuilt.name, 'SqliteError');
    assert.equal(Reflect.get(rebuilt, 'code'), 'SQLITE_CONSTRAINT_UNIQUE');
  });

  it('refuses what cannot cross threads (a function, another counting rule) instead of hanging, and keeps working', async () => {
    const store = await WorkerStore.open(join(dir, 'db.sqlite'));
    try {
      await assert.rejects(store.putSetting('x', { f: () => 1 }), /could not be cloned/);
      await assert.rejects(store.rebuildReadModel(() => []), /countersOfReport only/);
      const report = makeReport();
      await insert(store, report);
      assert.deepEqual(await store.rebuildReadModel(countersOfReport), { rebuilt: true, reports: 1 });
      assert.equal((await store.getReport(report.publicId))?.publicId, report.publicId);
    } finally {
      await store.close();
    }
  });

  it('when the thread dies: the calls in flight and every later call reject, ping fails (readyz), and the crash is told once', async () => {
    const crashes: Error[] = [];
    const store = await WorkerStore.open(join(dir, 'db.sqlite'), { readers: 1, onCrash: (error) => crashes.push(error) });
    const inFlight = insert(store, makeReport()).then(() => 'committed', () => 'rejected');
    const died = new Promise((resolve) => store.writer.worker.once('exit', resolve));
    await store.writer.worker.terminate();
    await died;
    // Committed before the thread ended, or rejected: never left hanging.
    assert.ok(['committed', 'rejected'].includes(await inFlight));
    await assert.rejects(store.ping(), /SQLite worker stopped/);
    await assert.rejects(store.channels.pendingSms(10), /SQLite worker stopped/);
    await assert.rejects(store.listUsers(), /SQLite worker stopped/, 'a read the reader thread would answer');
    assert.equal(crashes.length, 1);
    await store.close();
  });

  it('after close refuses calls; closing twice is harmless; a commit not awaited before close is written', async () => {
    const file = join(dir, 'db.sqlite');
    const store = await WorkerStore.open(file);
    const report = makeReport();
    const pending = insert(store, report);
    const closing = store.close();
    await assert.rejects(store.getReport(report.publicId), /closed/);
    await Promise.all([closing, store.close(), pending]);
    const again = await WorkerStore.open(file);
    try {
      assert.equal((await again.getReport(report.publicId))?.publicId, report.publicId);
    } finally {
      await again.close();
    }
  });

  it('copies commits into the database file beside the writer (the checkpointer), so no commit waits for a checkpoint', async () => {
    const file = join(dir, 'db.sqlite');
    const store = await WorkerStore.open(file, { readers: 1 });
    try {
      const before = statSync(file).size;
      const reports = Array.from({ length: 50 }, () => makeReport());
      for (const report of reports) await insert(store, report);
      // Far below the writer's own threshold (CHECKPOINT_FALLBACK_PAGES): only the checkpointer
      // copies these pages into the file, while the store stays open.
      const deadline = Date.now() + 30_000;
      while (statSync(file).size <= before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(statSync(file).size > before, 'the database file grew while the store was open');
      assert.equal((await store.getReport(reports[49].publicId))?.publicId, reports[49].publicId);
    } finally {
      await store.close();
    }
    // Closed: nothing of the checkpointer keeps the file or the process busy; it opens again.
    const again = await WorkerStore.open(file);
    await again.close();
  });

  it('answers a point read (the settings check, a session) while the writer commits, and it sees every commit that returned', async () => {
    const store = await WorkerStore.open(join(dir, 'db.sqlite'), { readers: 1 });
    try {
      const first = makeReport();
      await insert(store, first);
      await store.putSetting('k', 1);
      const order: string[] = [];
      // A large group on the writer: the checks behind it would wait for its fsync.
      const reports = Array.from({ length: 2000 }, () => makeReport());
      const big = store.commitReports(reports.map((report) => ({ report, event: eventFor(report, 'report.created', { kind: 'citizen' }), expectedVersion: 0 })))
        .then(() => order.push('commit'));
      // Messages that arrive with the commit are answered before its group starts; these come once it has.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const checked = Promise.all([store.settingsVersion(), store.getReport(first.publicId)]).then(([version, report]) => {
        order.push('read');
        return { version, report };
      });
      const { version, report } = await checked;
      await big;
      assert.deepEqual(order, ['read', 'commit']);
      assert.equal(version, 1);
      assert.equal(report?.publicId, first.publicId);
      // The writer busy again: a report of the group that returned is read (by the reader) all the same.
      const more = insert(store, makeReport());
      assert.equal((await store.getReport(reports[1999].publicId))?.publicId, reports[1999].publicId);
      await more;
    } finally {
      await store.close();
    }
  });

  it('reports a store that cannot be opened as opening in process would', async () => {
    await assert.rejects(WorkerStore.open(join(dir, 'not-a-folder', '\u0000', 'db.sqlite')));
  });

  it('does not keep a process alive once idle (a script or CLI that never closes the store still ends)', async () => {
    const storeModule = fileURLToPath(new URL('../../server/store/sqlite/worker-store.ts', import.meta.url));
    const script = `import { WorkerStore } from ${JSON.stringify(storeModule)};
      const store = await WorkerStore.open(${JSON.stringify(join(dir, 'db.sqlite'))});
      await store.putSetting('k', 1);
      console.log('version', await store.settingsVersion());`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 0);
    assert.match(out, /version 1/);
  });
});
