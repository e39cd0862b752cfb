// `npm run bench`: every benchmark in one run, printed as one table (metric, value, goal, result).
// To add one, write bench/<name>.ts exporting `measure…(): Promise<SectionResult>` and list it below.
import { formatTable, type Section, type SectionResult } from './report.ts';
import { measurePhoto } from './photo.ts';
import { measureSubmissions } from './submissions.ts';
import { measureWebWeightSection } from './web-weight-section.ts';
import { benchWorkers } from './workers.ts';
import { measureDeskLatency } from './desk-latency.ts';
import { measureScale } from './scale.ts';
import { measurePlaces } from './places.ts';
import { measureChannels } from './channels.ts';
import { measureNotify } from './notify.ts';

const SECTIONS: Section[] = [
  { name: 'Report intake', run: () => measureSubmissions() },
  { name: 'Photo processing', run: () => measurePhoto() },
  { name: 'Citizen web weight', run: () => measureWebWeightSection() },
  { name: 'Several processes (WORKERS=2 vs 1, Redis)', run: () => benchWorkers() },
  { name: 'Desk latency (200 sockets, 100 reports/s) and memory (1,000 sockets)', run: () => measureDeskLatency() },
  { name: 'Places (point and name look-ups)', run: () => measurePlaces() },
  { name: 'WhatsApp webhook → desk beside the web form', run: () => measureChannels() },
  { name: 'Citizen notifications (1,000 through the outbox, Graph API answering in 50 ms)', run: () => measureNotify() },
  // Only when asked for (`npm run bench -- scale [--reports N]`): seeding 1M reports takes minutes.
  { name: 'Scale (1M reports: reads, event loop, intake, memory)', run: () => measureScale(), onlyWhenNamed: true },
];

async function main(): Promise<void> {
  // Section names, without options (`--reports 100000` belongs to the scale section).
  const args = process.argv.slice(2);
  const only = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).map((a) => a.toLowerCase());
  const chosen = only.length ? SECTIONS.filter((s) => only.some((o) => s.name.toLowerCase().includes(o))) : SECTIONS.filter((s) => !s.onlyWhenNamed);
  const done: { name: string; result: SectionResult; seconds: number }[] = [];
  for (const section of chosen) {
    process.stderr.write(`running: ${section.name}…\n`);
    const started = performance.now();
    done.push({ name: section.name, result: await section.run(), seconds: (performance.now() - started) / 1000 });
  }
  console.log(formatTable(done));
  if (done.some((s) => s.result.rows.some((r) => r.pass === false))) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
