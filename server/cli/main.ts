// Account administration from the shell, against the same store the server uses (same
// environment, same loadConfig). Passwords come from stdin or a named environment variable,
// never from an argument (it would land in shell history and `ps`), and never from a prompt,
// so the command works in scripts and over ssh alike.
//
//   npm run cli -- user add --username budi --name "Budi S." --role officer --agency dpupr < pw.txt
//   (a one-time password: the first login must choose a new one; --permanent for service accounts)
//   npm run cli -- user add ... --password-env BUDI_PASSWORD
//   npm run cli -- user disable --username budi
//   npm run cli -- user enable --username budi
//   npm run cli -- user reset-password --username budi --password-env NEW_PASSWORD
//   npm run cli -- user list
//   npm run cli -- boundaries import kecamatan.geojson
//   npm run cli -- routing set --category jalan --kecamatan 33.16.05 --agency upt-dpupr-cepu
//   npm run cli -- deadlines set --category pupuk --verify 2 --follow-up 4
//   npm run cli -- readmodel rebuild
//   npm run cli -- apikey add --name "Aplikasi Blora Satu"   (prints the Open311 key once)
//   npm run cli -- apikey list
//   npm run cli -- apikey revoke --id k0123456789
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { message, type MessageCode } from '../../shared/messages.ts';
import { createUser, disableUser, enableUser, listUsers, resetPassword } from '../auth/users.ts';
import { SessionHub } from '../auth/session-hub.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { importBoundaries } from '../places/areas.ts';
import { BoundaryImportError } from '../places/boundaries.ts';
import { Catalog, SETTING_KEYS } from '../reference/catalog.ts';
import { checkDeadlines, deadlinesOf } from '../settings/deadlines.ts';
import { checkRouting, routingOf } from '../settings/routing.ts';
import { saveSetting } from '../settings/save.ts';
import { cliActor } from '../audit/entry.ts';
import { parseInput } from '../http/parse.ts';
import { DeadlinesInputSchema, type RoutingInput } from '../../shared/validation/admin-input.ts';
import { openStorage } from '../store/open.ts';
import { rebuildReadModel } from '../readmodel/rebuild.ts';
import { DemoUsageError, runDemo } from './demo.ts';
import { addApiKey, revokeApiKey } from '../open311/keys.ts';
import { ApiKeyNameSchema } from '../../shared/validation/open311-input.ts';

const USAGE = `Pemakaian:
  npm run cli -- user add --username U --name N --role R [--agency A] [--kecamatan K] [--password-env VAR] [--permanent]
  npm run cli -- user disable --username U
  npm run cli -- user enable --username U
  npm run cli -- user reset-password --username U [--password-env VAR] [--permanent]
  npm run cli -- user list
  npm run cli -- boundaries import BERKAS.geojson
  npm run cli -- demo seed --reports N [--seed S] [--days D]
  npm run cli -- routing show
  npm run cli -- routing set --category C --agency A [--kecamatan K]
  npm run cli -- routing unset --category C --kecamatan K
  npm run cli -- deadlines show
  npm run cli -- deadlines set [--category C --verify N --follow-up N] [--reopen N]
  npm run cli -- readmodel rebuild   (hitung ulang angka peta dan statistik dari semua laporan; hentikan server dulu)
  npm run cli -- apikey add --name "NAMA MITRA"   (kunci API Open311, ditampilkan sekali saja)
  npm run cli -- apikey list
  npm run cli -- apikey revoke --id ID
Kata sandi dibaca dari stdin, atau dari variabel lingkungan yang disebut --password-env. Kata sandi
itu sekali pakai: saat pertama masuk pengguna wajib membuat yang baru (kecuali dengan --permanent).
Peran: officer, agency_admin (perlu --agency), camat (perlu --kecamatan), executive, admin.
Batas wilayah: GeoJSON FeatureCollection poligon kecamatan/desa, properti "code" = kode Kemendagri.
Data demo: N laporan lewat jalur tulis (kategori, status oleh petugas, tenggat, titik GPS, pupuk, Ngopi Bareng),
tersebar selama D hari terakhir (bawaan 365); --seed S membuat data yang sama setiap kali (bawaan 1).`;

class UsageError extends Error {}

async function readPassword(envName: string | undefined): Promise<string> {
  if (envName) {
    const value = process.env[envName];
    if (!value) throw new UsageError(`Variabel lingkungan ${envName} kosong atau tidak ada.`);
    return value;
  }
  if (process.stdin.isTTY) throw new UsageError('Kirim kata sandi lewat stdin (mis. < berkas) atau --password-env VAR.');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // Only the line break a file or `echo` adds is dropped; other whitespace is part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`--${flag} wajib diisi.`);
  return value;
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' },
      agency: { type: 'string' }, kecamatan: { type: 'string' }, 'password-env': { type: 'string' },
      category: { type: 'string' }, verify: { type: 'string' }, 'follow-up': { type: 'string' }, reopen: { type: 'string' },
      permanent: { type: 'boolean' },
      reports: { type: 'string' }, seed: { type: 'string' }, days: { type: 'string' }, id: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [resource, command] = positionals;
  if (values.help || !['user', 'boundaries', 'routing', 'deadlines', 'readmodel', 'demo', 'apikey'].includes(resource) || !command) throw new UsageError('');
  if (resource === 'readmodel') return runReadModel(command);
  if (resource === 'apikey') return runApiKeys(command, values);
  if (resource === 'boundaries') return runBoundaries(command, positionals[2]);
  if (resource === 'demo') return runDemo(command, values);
  if (resource === 'routing' || resource === 'deadlines') return runSettings(resource, command, values);

  const config = loadConfig();
  const { store } = await openStorage(config);
  try {
    const catalog = new Catalog(store, config.regionCode);
    await catalog.reload();
    // Sessions ended here close their sockets in a running server at its next session check.
    const deps = { store, catalog, clock: () => new Date(), sessionHub: new SessionHub() };
    switch (command) {
      case 'add': {
        const user = await createUser(deps, {
          username: required(values.username, 'username'), name: required(values.name, 'name'), role: required(values.role, 'role'),
          agencyId: values.agency ?? null, kecamatan: values.kecamatan ?? null, password: await readPassword(values['password-env']),
          oneTime: !values.permanent,
        }, cliActor());
        console.log(`Pengguna ${user.username} (${user.role}) dibuat.${values.permanent ? '' : ' Kata sandinya sekali pakai: saat pertama masuk wajib diganti.'}`);
        break;
      }
      case 'disable':
        await disableUser(deps, required(values.username, 'username'), cliActor());
        console.log(`Pengguna ${values.username} dinonaktifkan; semua sesinya diakhiri.`);
        break;
      case 'enable':
        await enableUser(deps, required(values.username, 'username'), cliActor());
        console.log(`Pengguna ${values.username} diaktifkan kembali.`);
        break;
      case 'reset-password':
        await resetPassword(deps, required(values.username, 'username'), await readPassword(values['password-env']), cliActor(), !values.permanent);
        console.log(`Kata sandi ${values.username} diganti; semua sesinya diakhiri.${values.permanent ? '' : ' Saat masuk berikutnya wajib diganti.'}`);
        break;
      case 'list':
        for (const u of await listUsers(deps)) {
          console.log([u.username, u.role, u.agencyId ?? u.kecamatan ?? '-', u.disabled ? 'nonaktif' : 'aktif', u.name].join('\t'));
        }
        break;
      default:
        throw new UsageError(`Perintah tidak dikenal: user ${command}`);
    }
  } finally {
    await store.close();
  }
}

/** Counts every stored report again into the read model (the server should be stopped meanwhile). */
async function runReadModel(command: string): Promise<void> {
  if (command !== 'rebuild') throw new UsageError(`Perintah tidak dikenal: readmodel ${command}`);
  const { store } = await openStorage(loadConfig());
  try {
    const started = Date.now();
    const { reports } = await rebuildReadModel(store, (n) => console.log(`… ${n} laporan`));
    console.log(`Read model dibangun ulang dari ${reports} laporan dalam ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await store.close();
  }
}

/** Open311 partners' keys: the key is printed once, on its own line (for scripts), and never again. */
async function runApiKeys(command: string, values: { name?: string; id?: string }): Promise<void> {
  const { store } = await openStorage(loadConfig());
  const deps = { store, clock: () => new Date() };
  try {
    switch (command) {
      case 'add': {
        const name = parseInput(ApiKeyNameSchema, required(values.name, 'name'));
        const { record, key } = await addApiKey(deps, name, cliActor());
        console.error(`Kunci API Open311 untuk "${record.name}" dibuat (id ${record.id}). Simpan sekarang: kunci ini tidak akan ditampilkan lagi.`);
        console.log(key);
        break;
      }
      case 'list':
        for (const k of await store.apiKeys.listApiKeys()) {
          console.log([k.id, k.revokedAt ? `dicabut ${k.revokedAt}` : 'aktif', k.createdAt, k.name].join('\t'));
        }
        break;
      case 'revoke': {
        const id = required(values.id, 'id');
        if (!(await revokeApiKey(deps, id, cliActor()))) throw new UsageError(`Tidak ada kunci aktif dengan id ${id} (lihat apikey list).`);
        console.log(`Kunci ${id} dicabut; permintaan dengan kunci itu ditolak mulai sekarang.`);
        break;
      }
      default:
        throw new UsageError(`Perintah tidak dikenal: apikey ${command}`);
    }
  } finally {
    await store.close();
  }
}

function days(value: string | undefined, flag: string): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n)) throw new UsageError(`--${flag} harus bilangan bulat hari kerja.`);
  return n;
}

/**
 * Routing and deadlines from the shell: the same checks, audit entry and settings version as
 * the page, so running servers use the change at their next request.
 */
async function runSettings(resource: 'routing' | 'deadlines', command: string, values: Record<string, string | boolean | undefined>): Promise<void> {
  const text = (key: string) => (typeof values[key] === 'string' ? values[key] : undefined);
  const config = loadConfig();
  const { store } = await openStorage(config);
  try {
    const catalog = new Catalog(store, config.regionCode);
    await catalog.reload();
    const deps = { store, catalog, clock: () => new Date() };
    if (resource === 'routing') {
      if (command === 'show') return printJson(routingOf(catalog));
      if (command !== 'set' && command !== 'unset') throw new UsageError(`Perintah tidak dikenal: routing ${command}`);
      const category = required(text('category'), 'category');
      const kecamatan = text('kecamatan');
      if (command === 'unset' && !kecamatan) throw new UsageError('--kecamatan wajib diisi: hanya pengecualian per kecamatan yang bisa dihapus.');
      const table = await saveSetting(deps, cliActor(), {
        key: SETTING_KEYS.routing, action: 'routing.update', current: routingOf,
        next: (c) => {
          const now = routingOf(c);
          const overrides: RoutingInput['overrides'] = now.overrides.filter((o) => !(o.category === category && o.kecamatan === kecamatan));
          if (command === 'set' && kecamatan) overrides.push({ category, kecamatan, agencyId: required(text('agency'), 'agency') });
          const routes: Record<string, string> = { ...now.routes };
          if (command === 'set' && !kecamatan) routes[category] = required(text('agency'), 'agency');
          return checkRouting(c, { routes, overrides, topics: now.topics });
        },
      });
      console.log(`Pengarahan disimpan (berlaku untuk laporan baru): ${table.overrides.length} pengecualian per kecamatan.`);
      return;
    }
    if (command === 'show') return printJson(deadlinesOf(catalog));
    if (command !== 'set') throw new UsageError(`Perintah tidak dikenal: deadlines ${command}`);
    const category = text('category');
    if (!category && !text('reopen')) throw new UsageError('Sebutkan --category dengan --verify dan --follow-up, dan/atau --reopen.');
    const table = await saveSetting(deps, cliActor(), {
      key: SETTING_KEYS.deadlines, action: 'deadlines.update', current: deadlinesOf,
      next: (c) => {
        const now = deadlinesOf(c);
        const input = parseInput(DeadlinesInputSchema, {
          categories: category ? { [category]: { verifyWorkingDays: days(text('verify'), 'verify'), followUpWorkingDays: days(text('follow-up'), 'follow-up') } } : {},
          reopenWorkingDays: text('reopen') ? days(text('reopen'), 'reopen') : now.reopenWorkingDays,
        });
        return checkDeadlines(c, input);
      },
    });
    console.log(`Tenggat disimpan (berlaku untuk tenggat yang ditetapkan mulai sekarang); buka kembali: ${table.reopenWorkingDays} hari kerja.`);
  } finally {
    await store.close();
  }
}

function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** Validates the whole file first; nothing is stored unless every feature is right. */
async function runBoundaries(command: string, file: string | undefined): Promise<void> {
  if (command !== 'import') throw new UsageError(`Perintah tidak dikenal: boundaries ${command}`);
  if (!file) throw new UsageError('Sebutkan berkas GeoJSON yang akan diimpor.');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new BoundaryImportError([`Berkas ${file} tidak bisa dibaca sebagai JSON: ${(err as Error).message}`]);
  }
  const config = loadConfig();
  const { store } = await openStorage(config);
  try {
    const catalog = new Catalog(store, config.regionCode);
    const counts = await importBoundaries(store, catalog.region, json, { actor: cliActor(), now: new Date() });
    console.log(`Batas wilayah disimpan: ${counts.kecamatan} kecamatan, ${counts.desa} desa. Server yang berjalan memakainya pada permintaan berikutnya.`);
  } finally {
    await store.close();
  }
}

run(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || err instanceof DemoUsageError) {
    if (err.message) console.error(err.message);
    console.error(USAGE);
    process.exit(64);
  }
  if (err instanceof AppError) {
    const fields = Object.entries(err.fields ?? {}).map(([field, code]) => `  ${field}: ${message(code as MessageCode)}`);
    console.error([message(err.code, err.params), ...fields].join('\n'));
    process.exit(65);
  }
  if (err instanceof BoundaryImportError) {
    console.error(['Impor batas wilayah ditolak; tidak ada yang disimpan.', ...err.problems.map((p) => `  ${p}`)].join('\n'));
    process.exit(65);
  }
  if (err instanceof ConfigError) {
    console.error(`Konfigurasi salah: ${err.message}`);
    process.exit(78);
  }
  if (err instanceof Error && (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(err.message);
    console.error(USAGE);
    process.exit(64);
  }
  console.error(err);
  process.exit(1);
});
