// `npm start` boots through server/boot.cjs, where every module is CommonJS and a dynamic
// import() of a .ts file finds no loader. The MongoDB adapter is loaded on demand, so a server
// pointed at MongoDB must still reach MongoDB rather than fail on its own module. No MongoDB
// server can run here: the address is a closed port, and the driver is told to give up fast.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, run } from '../helpers/processes.ts';

describe('server/boot.cjs with MONGODB_URI', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-boot-')); });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loads the MongoDB adapter and tries the configured server', async () => {
    const closedPort = await freePort();
    const proc = run(process.execPath, ['server/boot.cjs'], {
      DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', WORKERS: '1', REDIS_URL: '',
      MONGODB_URI: `mongodb://127.0.0.1:${closedPort}/suara-warga?serverSelectionTimeoutMS=300`,
    });
    const { code } = await proc.exited;
    assert.notEqual(code, 0, 'a server without its store must not keep running');
    assert.doesNotMatch(proc.output(), /ERR_UNKNOWN_FILE_EXTENSION|ERR_REQUIRE/);
    assert.match(proc.output(), new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${closedPort}`));
  });
});
