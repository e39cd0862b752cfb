import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { login } from '../helpers/desk.ts';
import { runCli } from '../helpers/processes.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

const cli = runCli;

describe('account CLI (npm run cli -- user …)', () => {
  let dataDir: string;
  let app: RunningApp;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-cli-'));
    app = await startApp({}, { dataDir });
  });
  after(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds a user with the password from stdin, on the store the server uses', async () => {
    const res = await cli(dataDir, ['user', 'add', '--username', 'budi', '--name', 'Budi Santoso', '--role', 'officer', '--agency', 'dpupr'], { stdin: 'sandi-dari-stdin-1\n' });
    assert.equal(res.code, 0, res.stderr);
    await login(app, 'budi', 'sandi-dari-stdin-1');
  });

  it('makes a one-time password unless --permanent, and records who ran it in the audit trail', async () => {
    const me = async (cookie: string) => (await request(app.baseUrl).get('/api/auth/me').set('Cookie', cookie).expect(200)).body.user;
    assert.equal((await me(await login(app, 'budi', 'sandi-dari-stdin-1'))).mustChangePassword, true);
    const add = await cli(dataDir, ['user', 'add', '--username', 'layanan', '--name', 'Akun Layanan', '--role', 'executive', '--permanent'], { stdin: 'sandi-tetap-12345' });
    assert.equal(add.code, 0, add.stderr);
    assert.equal((await me(await login(app, 'layanan', 'sandi-tetap-12345'))).mustChangePassword, false);
    const { items } = await app.deps.store.listAudit({ limit: 10 });
    assert.deepEqual(items.map((e) => [e.action, e.target, e.actor.via]), [['user.create', 'user:layanan', 'cli'], ['user.create', 'user:budi', 'cli']]);
  });

  it('takes the password from --password-env and lists users', async () => {
    const add = await cli(dataDir, ['user', 'add', '--username', 'camat.ngawen', '--name', 'Camat Ngawen', '--role', 'camat', '--kecamatan', '33.16.05', '--password-env', 'PW'], { env: { PW: 'sandi-dari-env-12' } });
    assert.equal(add.code, 0, add.stderr);
    const list = await cli(dataDir, ['user', 'list']);
    assert.match(list.stdout, /camat\.ngawen\tcamat\t33\.16\.05\taktif/);
    assert.match(list.stdout, /budi\tofficer\tdpupr\taktif/);
    assert.doesNotMatch(list.stdout, /scrypt/);
  });

  it('explains bad input in Bahasa Indonesia with a non-zero exit', async () => {
    const res = await cli(dataDir, ['user', 'add', '--username', 'x', '--name', 'X', '--role', 'officer'], { stdin: 'pendek' });
    assert.equal(res.code, 65);
    assert.match(res.stderr, /Nama pengguna/);
    assert.match(res.stderr, /dinas/);
    assert.match(res.stderr, /minimal 10/);
    const usage = await cli(dataDir, ['user', 'terbang']);
    assert.equal(usage.code, 64);
    assert.match(usage.stderr, /Pemakaian/);
  });

  it('reset-password and disable end the user’s sessions', async () => {
    const cookie = await login(app, 'budi', 'sandi-dari-stdin-1');
    const reset = await cli(dataDir, ['user', 'reset-password', '--username', 'budi'], { stdin: 'sandi-baru-sekali-2' });
    assert.equal(reset.code, 0, reset.stderr);
    await request(app.baseUrl).get('/api/auth/me').set('Cookie', cookie).expect(401);
    const fresh = await login(app, 'budi', 'sandi-baru-sekali-2');
    const disable = await cli(dataDir, ['user', 'disable', '--username', 'budi']);
    assert.equal(disable.code, 0, disable.stderr);
    await request(app.baseUrl).get('/api/auth/me').set('Cookie', fresh).expect(401);
  });
});
