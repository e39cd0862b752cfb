// First-load weight of the citizen pages and time to interactive of the report form on a
// weak rural connection. Run standalone: `npx tsx bench/web-weight.ts` (builds the client first).
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, CDPSession } from 'playwright-core';
import { startApp } from '../test/helpers/start-app.ts';
import { MOBILE, launchChromium } from '../test/web/browser.ts';

export const WEIGHT_BUDGET_BYTES = 30 * 1024;
export const TTI_GOAL_MS = 3000;
/** 400 kbit/s both ways, 400 ms latency, CPU 4× slower: a cheap Android phone on weak 3G/EDGE in the fields. */
const SLOW_NETWORK = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const CPU_SLOWDOWN = 4;

export interface PageWeight { path: string; bytes: number; byType: Record<string, number>; files: { url: string; bytes: number }[]; withinBudget: boolean }
export interface WebWeightResult { budgetBytes: number; pages: PageWeight[]; tti: { path: string; ms: number; goalMs: number; withinGoal: boolean } }

/** Leaflet and photos load only on demand; they are outside the first-load budget. */
const EXCLUDED = /leaflet|\/assets\/map-|\/media\/|\.(png|jpe?g|webp)(\?|$)/;

export async function weigh(browser: Browser, baseUrl: string, path: string): Promise<PageWeight> {
  const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const seen = new Map<string, { url: string; type: string }>();
  const files: { url: string; bytes: number; type: string }[] = [];
  cdp.on('Network.responseReceived', (e) => seen.set(e.requestId, { url: e.response.url, type: e.type }));
  // encodedDataLength is what crossed the wire: gzipped body plus headers.
  cdp.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId);
    if (r && ['Document', 'Stylesheet', 'Script'].includes(r.type) && !EXCLUDED.test(r.url)) files.push({ url: r.url, bytes: e.encodedDataLength, type: r.type });
  });
  await page.goto(baseUrl + path, { waitUntil: 'load' });
  await context.close();
  const byType: Record<string, number> = {};
  for (const f of files) byType[f.type] = (byType[f.type] ?? 0) + f.bytes;
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  return { path, bytes, byType, files: files.map(({ url, bytes: b }) => ({ url: url.replace(baseUrl, ''), bytes: b })), withinBudget: bytes <= WEIGHT_BUDGET_BYTES };
}

/** Navigation start → the later of DOMContentLoaded and the client's "enhanced" mark, cold cache. */
async function timeToInteractive(browser: Browser, baseUrl: string, path: string): Promise<number> {
  const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(baseUrl + path, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName('suara-warga:interactive').length > 0, undefined, { timeout: 30_000 });
  const ms = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const mark = performance.getEntriesByName('suara-warga:interactive')[0];
    return Math.max(nav.domContentLoadedEventEnd, mark.startTime);
  });
  await context.close();
  return Math.round(ms);
}

export async function measureWebWeight(options: { build?: boolean } = {}): Promise<WebWeightResult> {
  if (options.build !== false) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'client/vite.config.ts'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
  }
  const app = await startApp();
  const browser = await launchChromium();
  try {
    const pages = [];
    for (const path of ['/', '/lapor/pupuk', '/laporan', '/statistik']) pages.push(await weigh(browser, app.baseUrl, path));
    // The median of three cold loads, so one scheduling hiccup does not decide the number.
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await timeToInteractive(browser, app.baseUrl, '/lapor/pupuk'));
    const ms = runs.sort((a, b) => a - b)[1];
    return { budgetBytes: WEIGHT_BUDGET_BYTES, pages, tti: { path: '/lapor/pupuk', ms, goalMs: TTI_GOAL_MS, withinGoal: ms <= TTI_GOAL_MS } };
  } finally {
    await browser.close();
    await app.close();
  }
}

export function printWebWeight(r: WebWeightResult): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('Citizen web — first load, transferred (gzip, incl. headers; Leaflet and photos excluded)');
  for (const p of r.pages) {
    const parts = Object.entries(p.byType).map(([type, bytes]) => `${type} ${kb(bytes)}`).join(', ');
    console.log(`  ${p.path.padEnd(14)} ${kb(p.bytes).padStart(9)}  / budget ${kb(r.budgetBytes)}  ${p.withinBudget ? 'OK' : 'OVER'}  (${parts})`);
  }
  console.log(`Time to interactive ${r.tti.path} at 400 kbit/s, 400 ms RTT, CPU ×${CPU_SLOWDOWN}: ${r.tti.ms} ms / goal ${r.tti.goalMs} ms  ${r.tti.withinGoal ? 'OK' : 'OVER'}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printWebWeight(await measureWebWeight());
}
