// `npm run cli -- demo seed --reports N [--seed S] [--days D]`: demo data through the write path
// (server/demo/seed.ts), into the store the server uses (same environment, same loadConfig).
import { seedAdmin } from '../auth/seed-admin.ts';
import { SessionHub } from '../auth/session-hub.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { seedDemo } from '../demo/seed.ts';
import { Catalog } from '../reference/catalog.ts';
import { EventBus } from '../realtime/event-bus.ts';
import { DERIVERS } from '../reports/derive.ts';
import { openStorage } from '../store/open.ts';

/** Limits of the command's numbers (a typo of three zeros should not fill the disk). */
export const DEMO_LIMITS = { reports: 5_000_000, seed: 2 ** 31 - 1, days: 3650 } as const;

export class DemoUsageError extends Error {}

function wholeNumber(raw: string | undefined, flag: keyof typeof DEMO_LIMITS, fallback: number | null, min: number): number {
  if (raw === undefined) {
    if (fallback === null) throw new DemoUsageError(`--${flag} wajib diisi.`);
    return fallback;
  }
  const n = Number(raw.replace(/[_.,]/g, ''));
  if (!Number.isInteger(n) || n < min || n > DEMO_LIMITS[flag]) {
    throw new DemoUsageError(`--${flag} harus bilangan bulat ${min}–${DEMO_LIMITS[flag].toLocaleString('id-ID')}, bukan "${raw}".`);
  }
  return n;
}

export async function runDemo(command: string, values: { reports?: string; seed?: string; days?: string }): Promise<void> {
  if (command !== 'seed') throw new DemoUsageError(`Perintah tidak dikenal: demo ${command}`);
  const reports = wholeNumber(values.reports, 'reports', null, 1);
  const seed = wholeNumber(values.seed, 'seed', 1, 0);
  const days = wholeNumber(values.days, 'days', 365, 1);
  const config = loadConfig();
  const { store } = await openStorage(config);
  try {
    const catalog = new Catalog(store, config.regionCode);
    await catalog.reload();
    const deps = { store, catalog, bus: new EventBus(), derivers: DERIVERS, clock: () => new Date(), sessionHub: new SessionHub(), config, logger: createLogger(config.logLevel) };
    // The demo officers would otherwise be the store's first users, and the server then never
    // creates `admin`: it is made here as the server would (ADMIN_PASSWORD, or a password shown once).
    await seedAdmin(deps);
    const started = performance.now();
    let lastReport = started;
    const result = await seedDemo(deps, {
      reports, seed, days,
      onProgress: (done) => {
        if (performance.now() - lastReport < 5000 && done < reports) return;
        lastReport = performance.now();
        const rate = done / ((lastReport - started) / 1000);
        process.stderr.write(`  ${done.toLocaleString('id-ID')} laporan (${Math.round(rate).toLocaleString('id-ID')}/detik)\n`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`Data demo dibuat: ${result.reports.toLocaleString('id-ID')} laporan (${result.changes.toLocaleString('id-ID')} perubahan lewat jalur tulis), `
      + `${result.sessions} sesi Ngopi Bareng, ${result.officers} akun petugas demo, dalam ${seconds.toFixed(1)} detik `
      + `(${Math.round(result.reports / seconds).toLocaleString('id-ID')} laporan/detik).`);
    console.log(`Contoh nomor laporan: ${result.samplePublicIds.slice(0, 3).join(', ')}`);
  } finally {
    await store.close();
  }
}
