// Photo intake: time for one 12-megapixel phone photo through PhotoProcessor.process, and the
// peak memory of one upload against five at once, each measured in a fresh process.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { PhotoJob, PhotoJobResult } from './photo-worker.ts';
import type { SectionResult } from './report.ts';

export interface PhotoOptions {
  runs: number;
  /** PHOTO_CONCURRENCY's default: how many photos are decoded at once. */
  concurrency: number;
  burst: number;
  timeGoalMs: number;
}

const DEFAULTS: PhotoOptions = { runs: 7, concurrency: 2, burst: 5, timeGoalMs: 300 };
const MB = 1024 * 1024;

/**
 * 4000×3000 with gaussian noise: like a phone photo, it does not compress to nothing, so the
 * decoder has real work (a flat colour would decode in a fraction of the time).
 */
async function twelveMegapixelJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

function inFreshProcess<T extends PhotoJobResult>(job: PhotoJob): Promise<T> {
  const child = fork(fileURLToPath(new URL('./photo-worker.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: T | undefined;
    child.once('message', (message: T) => { result = message; });
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`photo worker exited with ${code}`))));
    child.send(job);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function measurePhoto(options: Partial<PhotoOptions> = {}): Promise<SectionResult> {
  const o = { ...DEFAULTS, ...options };
  const dir = mkdtempSync(join(tmpdir(), 'suara-warga-bench-photo-'));
  const file = join(dir, 'photo-12mp.jpg');
  try {
    writeFileSync(file, await twelveMegapixelJpeg());
    const size = statSync(file).size;

    const time = await inFreshProcess<Extract<PhotoJobResult, { kind: 'time' }>>({ kind: 'time', file, runs: o.runs, concurrency: o.concurrency });
    const one = await inFreshProcess<Extract<PhotoJobResult, { kind: 'memory' }>>({ kind: 'memory', file, uploads: 1, concurrency: o.concurrency });
    const burst = await inFreshProcess<Extract<PhotoJobResult, { kind: 'memory' }>>({ kind: 'memory', file, uploads: o.burst, concurrency: o.concurrency });
    // The same burst with the semaphore wide open: what the limit is saving.
    const unbounded = await inFreshProcess<Extract<PhotoJobResult, { kind: 'memory' }>>({ kind: 'memory', file, uploads: o.burst, concurrency: o.burst });

    const ms = median(time.ms);
    const rise = (r: typeof one) => (r.peakRss - r.baselineRss) / MB;
    const [oneMb, burstMb, unboundedMb] = [rise(one), rise(burst), rise(unbounded)];
    // Bounded: five at once cost about what `concurrency` at once cost, not five times one.
    const boundMb = oneMb * o.concurrency * 1.25;
    return {
      rows: [
        { metric: '12 MP JPEG → PhotoProcessor.process, median', value: `${ms.toFixed(0)} ms`, goal: `≤ ${o.timeGoalMs} ms`, pass: ms <= o.timeGoalMs },
        { metric: `  all ${o.runs} runs`, value: time.ms.map((m) => m.toFixed(0)).join(' ') + ' ms' },
        { metric: 'Peak RSS increase, 1 upload', value: `${oneMb.toFixed(0)} MB` },
        {
          metric: `Peak RSS increase, ${o.burst} concurrent (PHOTO_CONCURRENCY=${o.concurrency})`,
          value: `${burstMb.toFixed(0)} MB (${(burstMb / oneMb).toFixed(1)}× one)`,
          goal: `≤ ${boundMb.toFixed(0)} MB`,
          pass: burstMb <= boundMb,
        },
        { metric: `  for comparison, ${o.burst} concurrent without the limit`, value: `${unboundedMb.toFixed(0)} MB (${(unboundedMb / oneMb).toFixed(1)}× one)` },
      ],
      notes: [
        `Input: 4000×3000 gaussian-noise JPEG, ${(size / MB).toFixed(1)} MB; output ≤ 1600 px + 320 px thumbnail.`,
        'Each figure from a fresh child process: RSS sampled every 5 ms and VmHWM (reset just before), minus the RSS before;'
          + ` the bound is ${o.concurrency} × one upload + 25 %.`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
