// One photo measurement in a fresh process (forked by bench/photo.ts), so its memory numbers
// start from a clean heap and its high-water mark belongs to this measurement alone.
import { readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { PhotoProcessor } from '../server/media/photo-processor.ts';

export type PhotoJob =
  | { kind: 'time'; file: string; runs: number; concurrency: number }
  | { kind: 'memory'; file: string; uploads: number; concurrency: number };

export type PhotoJobResult =
  | { kind: 'time'; ms: number[]; cpuMs: number[] }
  | { kind: 'memory'; baselineRss: number; peakRss: number; sampledPeakRss: number };

const MAX_PIXELS = 40_000_000; // the MAX_PHOTO_PIXELS default

function vmHwm(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Resets VmHWM to the current RSS (Linux ≥ 4.0); false where the kernel refuses. */
function resetHwm(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

async function run(job: PhotoJob): Promise<PhotoJobResult> {
  const processor = new PhotoProcessor({ maxPixels: MAX_PIXELS, concurrency: job.concurrency });
  // libvips starts its threads and caches on first use; a running server has done that long ago.
  await processor.process(await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } }).jpeg().toBuffer(), 'warmup');

  if (job.kind === 'time') {
    const bytes = readFileSync(job.file);
    await processor.process(Buffer.from(bytes), 'photos.0');
    const ms: number[] = [];
    const cpuMs: number[] = [];
    for (let i = 0; i < job.runs; i += 1) {
      // A fresh copy each time, as each upload is: libvips caches decodes of the same buffer.
      const upload = Buffer.from(bytes);
      const cpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      await processor.process(upload, 'photos.0');
      ms.push(Number(process.hrtime.bigint() - started) / 1e6);
      const cpu = process.cpuUsage(cpuBefore); // every thread of the process, libvips' included
      cpuMs.push((cpu.user + cpu.system) / 1000);
    }
    return { kind: 'time', ms, cpuMs };
  }

  // Uploads arrive as separate buffers (multer's memory storage), already held before processing.
  const uploads = Array.from({ length: job.uploads }, () => readFileSync(job.file));
  global.gc?.();
  const baselineRss = process.memoryUsage().rss;
  const hwmReset = resetHwm();
  let sampledPeakRss = baselineRss;
  // sharp works off the main thread, so a 5 ms timer keeps firing while it decodes.
  const sampler = setInterval(() => { sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage().rss); }, 5);
  await Promise.all(uploads.map((bytes, i) => processor.process(bytes, `photos.${i}`)));
  clearInterval(sampler);
  sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage().rss);
  return { kind: 'memory', baselineRss, peakRss: hwmReset ? Math.max(vmHwm(), sampledPeakRss) : sampledPeakRss, sampledPeakRss };
}

process.once('message', (job: PhotoJob) => {
  run(job).then(
    (result) => process.send?.(result, () => process.disconnect()),
    (err) => { console.error(err); process.exit(1); },
  );
});
