// Open311 partners' keys from the shell: made once and shown once, stored only as a hash,
// listed without the secret, revoked for good; each step in the audit trail as `cli`.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/processes.ts';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.ts';

describe('Open311 API keys at the CLI (npm run cli -- apikey …)', function () {
  this.timeout(120_000); // each step starts a CLI process; a loaded CI machine is slow at that
  let dataDir: string;
  before(() => { dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-apikey-')); });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a new key once, stores only its sha256, lists it without the secret and revokes it for good', async () => {
    const add = await runCli(dataDir, ['apikey', 'add', '--name', 'Aplikasi Blora Satu']);
    assert.equal(add.code, 0, add.stderr);
    const key = add.stdout.trim();
    assert.match(key, /^sw311_[A-Za-z0-9_-]{32}$/);
    assert.match(add.stderr, /tidak akan ditampilkan lagi/);

    const list = await runCli(dataDir, ['apikey', 'list']);
    assert.equal(list.code, 0, list.stderr);
    assert.doesNotMatch(list.stdout, new RegExp(key.slice(6)));
    const [id, state, , name] = list.stdout.trim().split('\t');
    assert.equal(state, 'aktif');
    assert.equal(name, 'Aplikasi Blora Satu');

    const sqlite = readFileSync(join(dataDir, 'suara-warga.sqlite'));
    assert.equal(sqlite.includes(key.slice(6)), false, 'the key itself is nowhere in the database file');

    const revoke = await runCli(dataDir, ['apikey', 'revoke', '--id', id]);
    assert.equal(revoke.code, 0, revoke.stderr);
    const again = await runCli(dataDir, ['apikey', 'revoke', '--id', id]);
    assert.equal(again.code, 64);
    assert.match(again.stderr, /Tidak ada kunci aktif/);

    const store = new SqliteStore(join(dataDir, 'suara-warga.sqlite'));
    try {
      const record = await store.apiKeys.getApiKeyByHash(createHash('sha256').update(key).digest('hex'));
      assert.ok(record?.revokedAt, 'revoked');
      const { items } = await store.listAudit({ limit: 10 });
      assert.deepEqual(items.map((e) => [e.action, e.target, e.actor.via]), [['apikey.revoke', `apikey:${id}`, 'cli'], ['apikey.create', `apikey:${id}`, 'cli']]);
      assert.equal(JSON.stringify(items).includes(record.keyHash), false, 'the audit trail holds no hash either');
    } finally {
      await store.close();
    }
  });

  it('refuses a missing or blank name in Bahasa Indonesia', async () => {
    const res = await runCli(dataDir, ['apikey', 'add']);
    assert.equal(res.code, 64);
    assert.match(res.stderr, /--name wajib/);
  });
});
