// Citizen notifications: 1,000 status messages already in the outbox, drained by one process's
// sender against a fake Graph API that answers each send in 50 ms, at the default concurrency
// and at a lower one (NOTIFY_CONCURRENCY sets the default run's). Counts what was sent twice.
// In this process: the store (SQLite, as configured), the write path that fills the outbox, the
// sender; the fake on port 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseReportInput } from '../shared/validation/report-input.ts';
import { wibDate } from '../shared/working-days.ts';
import { buildDeps, closeDeps } from '../server/bootstrap.ts';
import { loadConfig } from '../server/config.ts';
import { createLogger } from '../server/logger.ts';
import { FakeGraphApi } from '../server/channels/whatsapp/fake-graph-api.ts';
import { GraphClient } from '../server/channels/whatsapp/graph-client.ts';
import { NotifyWorker } from '../server/notify/worker.ts';
import { tryWhatsApp } from '../server/notify/whatsapp-sender.ts';
import { SYSTEM } from '../server/reports/actors.ts';
import { changeReport } from '../server/reports/change-report.ts';
import { submitReport } from '../server/reports/service.ts';
import type { Row, SectionResult } from './report.ts';

const MESSAGES = 1000;
const ANSWER_MS = 50;
const GOAL_S = 30;
const TOKEN = 'bench-token';

async function drain(concurrency: number): Promise<{ seconds: number; sent: number; twice: number }> {
  const fake = new FakeGraphApi(TOKEN);
  await fake.listen();
  fake.answerDelayMs = ANSWER_MS;
  const dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-bench-notify-'));
  const config = loadConfig({
    ...process.env, DATA_DIR: dataDir, MONGODB_URI: '', PUBLIC_URL: 'https://lapor.example.go.id', OVERDUE_SWEEP_SECONDS: '0',
    WHATSAPP_VERIFY_TOKEN: 'bench', WHATSAPP_APP_SECRET: 'bench-secret', WHATSAPP_ACCESS_TOKEN: TOKEN, WHATSAPP_PHONE_NUMBER_ID: '100000000000009',
    WHATSAPP_API_BASE: fake.apiBase, WHATSAPP_TEMPLATE_STATUS: 'status_laporan', NOTIFY_CONCURRENCY: String(concurrency),
  });
  const deps = await buildDeps(config, { logger: createLogger('error') });
  try {
    // The outbox filled by the write path: 1,000 web reports with consent, each verified.
    for (let i = 0; i < MESSAGES; i += 1) {
      const parsed = parseReportInput({
        category: 'jalan', description: `Jalan berlubang besar, bench ${i}`, kecamatan: '33.16.05', desa: '33.16.05.1013', clientId: randomUUID(),
        phone: `+62812${String(10_000_000 + i)}`, notifyConsent: true, details: { damageType: 'berlubang', severity: 2 },
      }, deps.catalog.region, wibDate(deps.clock()));
      if (!parsed.ok) throw new Error(`bench report ${i} refused: ${JSON.stringify(parsed.fields)}`);
      const { report } = await submitReport(deps, parsed.value, []);
      await changeReport(deps, report.publicId, SYSTEM, (current) => {
        const at = deps.clock().toISOString();
        return { before: current, after: { ...current, status: 'verified', verifiedAt: at, updatedAt: at }, type: 'report.verified' };
      });
    }
    const graph = new GraphClient(config.whatsapp!);
    const worker = new NotifyWorker(deps, (m) => tryWhatsApp(deps, graph, m));
    const started = performance.now();
    await worker.drained();
    const seconds = (performance.now() - started) / 1000;
    worker.stop();
    const ids = fake.sent.map((m) => String(m.body.biz_opaque_callback_data));
    return { seconds, sent: new Set(ids).size, twice: ids.length - new Set(ids).size };
  } finally {
    await closeDeps(deps);
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function measureNotify(): Promise<SectionResult> {
  const defaults = loadConfig({ ...process.env, MONGODB_URI: '' }).notify.concurrency;
  const low = Math.max(1, Math.floor(defaults / 4));
  const main = await drain(defaults);
  const slow = await drain(low);
  const rows: Row[] = [
    { metric: `1,000 messages drained, NOTIFY_CONCURRENCY=${defaults} (default)`, value: `${main.seconds.toFixed(1)} s`, goal: `≤ ${GOAL_S} s`, pass: main.seconds <= GOAL_S },
    { metric: '  sent / sent twice', value: `${main.sent} / ${main.twice}`, goal: `${MESSAGES} / 0`, pass: main.sent === MESSAGES && main.twice === 0 },
    { metric: `1,000 messages drained, NOTIFY_CONCURRENCY=${low}`, value: `${slow.seconds.toFixed(1)} s` },
    { metric: '  sent / sent twice', value: `${slow.sent} / ${slow.twice}`, goal: `${MESSAGES} / 0`, pass: slow.sent === MESSAGES && slow.twice === 0 },
  ];
  return {
    rows,
    notes: [`The fake Graph API answers every send after ${ANSWER_MS} ms; the floor is ${MESSAGES} × ${ANSWER_MS} ms / concurrency (${(MESSAGES * ANSWER_MS / defaults / 1000).toFixed(1)} s at ${defaults}). Time from the sender's start to an empty outbox; each send is a claim, an HTTP round trip and a settle, on SQLite.`],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { formatTable } = await import('./report.ts');
  console.log(formatTable([{ name: 'Citizen notifications', result: await measureNotify(), seconds: 0 }]));
}
