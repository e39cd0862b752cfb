// Shared by the browser tests and the weight bench: build the client once per run and drive
// Debian's Chromium through playwright-core.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
export const MOBILE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' };

let built: Promise<void> | null = null;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * One real Vite build per run (never skipped as "fresh", so a broken build always fails the run).
 * A child process, because Vite 8's programmatic build fails inside mocha's tsx loader
 * (rolldown's manifest plugin sees an undefined chunk) while the CLI build is fine.
 */
export function buildClientOnce(): Promise<void> {
  built ??= promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'client/vite.config.ts'], { cwd: ROOT })
    .then(() => undefined);
  return built;
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

function checkChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium tidak ditemukan di ${CHROMIUM_PATH}. Pasang paket Debian "chromium" (apt-get install chromium) atau set CHROMIUM_PATH.`);
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
}

export async function launchChromium(): Promise<Browser> {
  checkChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** A browser with a profile on disk, to close and reopen as a citizen would. */
export async function launchPersistent(userDataDir: string, baseURL: string): Promise<BrowserContext> {
  checkChromium();
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, args: ARGS, ...MOBILE, baseURL });
}

/** Fills the pupuk form as a farmer would: urea over HET, 2 bags for Rp 250.000, in Cepu. */
export async function fillPupuk(page: Page, description = 'Urea di kios dijual Rp 125.000 per sak, di atas HET.'): Promise<void> {
  await page.check('input[name="details[fertiliserType]"][value="urea"]');
  await page.check('input[name="details[problems][]"][value="di_atas_het"]');
  await page.fill('#f-details-kioskName', 'Kios Tani Makmur');
  await page.fill('#f-details-quantity', '2');
  await page.selectOption('#f-details-unit', 'bag');
  await page.fill('#f-details-price', '250000');
  await page.selectOption('#f-details-priceUnit', 'total');
  await page.fill('#f-description', description);
  await page.selectOption('#f-kecamatan', '33.16.05');
  await page.selectOption('#f-desa', '33.16.05.2001');
}
