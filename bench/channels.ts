// WhatsApp → desk: how long after Meta's webhook POST leaves the report is on the agency's desk
// socket (signature check, inbox, 200, then the inbox worker: one-message parse, the web form's
// schema and submitReport, publish), beside the web form's POST → desk socket, same server,
// same rate. The Graph API is a local fake (port 0) in this process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { io as connect, type Socket } from 'socket.io-client';
import { DESK_TRANSPORTS } from '../shared/realtime.ts';
import { FakeGraphApi } from '../server/channels/whatsapp/fake-graph-api.ts';
import { signatureOf } from '../server/channels/whatsapp/signature.ts';
import { cli, startServer, stop } from '../test/helpers/processes.ts';
import type { Row, SectionResult } from './report.ts';

const SOCKETS = 20;
const RATE_PER_SECOND = 50;
const SECONDS = 4;
const P99_GOAL_MS = 50;
const PASSWORD = 'bench-password-123';
const APP_SECRET = 'bench-app-secret';
const TOKEN = 'bench-token';
const PHONE_NUMBER_ID = '100000000000009';

const now = () => performance.now();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string; cookie: string | null }> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  return { status: res.status, text: await res.text(), cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null };
}

async function steady(count: number, perSecond: number, send: (i: number) => Promise<void>): Promise<void> {
  const started = now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const wait = started + (i * 1000) / perSecond - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(i));
  }
  await Promise.all(pending);
}

function webhook(phone: string, text: string): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '6281100000000', phone_number_id: PHONE_NUMBER_ID },
      contacts: [{ profile: { name: 'Warga' }, wa_id: phone }],
      messages: [{ from: phone, id: `wamid.BENCH${randomUUID()}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }],
    } }] }],
  });
}

export async function measureChannels(): Promise<SectionResult> {
  const fake = new FakeGraphApi(TOKEN);
  await fake.listen();
  const dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-bench-wa-'));
  // A service account (--permanent): no one-time password to change before the desk socket opens.
  await cli(['user', 'add', '--username', 'bench-dpupr', '--name', 'Bench DPUPR', '--role', 'officer', '--agency', 'dpupr', '--password-env', 'BENCH_PW', '--permanent'], { DATA_DIR: dataDir, BENCH_PW: PASSWORD });
  const server = await startServer({
    DATA_DIR: dataDir, ADMIN_PASSWORD: PASSWORD, OVERDUE_SWEEP_SECONDS: '0', RATE_LIMIT_SUBMIT: '100000000/1m', RATE_LIMIT_LOGIN: '100000/1m',
    WHATSAPP_VERIFY_TOKEN: 'bench', WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_ACCESS_TOKEN: TOKEN, WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID, WHATSAPP_API_BASE: fake.apiBase,
  });
  const sockets: Socket[] = [];
  try {
    const origin = { Origin: server.baseUrl };
    const login = await post(`${server.baseUrl}/api/auth/login`, JSON.stringify({ username: 'bench-dpupr', password: PASSWORD }), origin);
    // A report's description carries its key, so each arrival is matched to its request.
    const arrivals = new Map<string, number>();
    for (let i = 0; i < SOCKETS; i += 1) {
      const socket = connect(`${server.baseUrl}/desk`, { transports: [...DESK_TRANSPORTS], forceNew: true, reconnection: false, extraHeaders: { ...origin, Cookie: login.cookie ?? '' } });
      socket.on('report:created', (p: { report: { excerpt: string } }) => {
        const key = /bench-(\w+-\d+)/.exec(p.report.excerpt)?.[1];
        if (key && i === 0) arrivals.set(key, now());
      });
      sockets.push(socket);
    }
    await Promise.all(sockets.map((s) => new Promise<void>((resolve, reject) => { s.once('connect', () => resolve()); s.once('connect_error', reject); })));

    const sent = new Map<string, number>();
    const answered: number[] = [];
    const viaWhatsApp = (round: string) => async (i: number) => {
      const key = `${round}-${i}`;
      const body = webhook(`62812${String(10_000_000 + i)}`, `LAPOR#JALAN#CEPU#BALUN#Jalan berlubang besar bench-${key}`);
      sent.set(key, now());
      const res = await post(`${server.baseUrl}/webhooks/whatsapp`, body, { 'X-Hub-Signature-256': signatureOf(APP_SECRET, body) });
      if (round === 'wa') answered.push(now() - (sent.get(key) ?? NaN));
      if (res.status !== 200) throw new Error(`webhook ${i} answered ${res.status}: ${res.text}`);
    };
    const viaWeb = (round: string) => async (i: number) => {
      const key = `${round}-${i}`;
      sent.set(key, now());
      const res = await post(`${server.baseUrl}/api/reports`, JSON.stringify({
        category: 'jalan', description: `Jalan berlubang besar bench-${key}`, kecamatan: '33.16.05', desa: '33.16.05.1013', clientId: randomUUID(), details: { damageType: 'berlubang', severity: 2 },
      }), {});
      if (res.status !== 201) throw new Error(`submission ${i} answered ${res.status}: ${res.text}`);
    };
    const measure = async (round: string, make: (round: string) => (i: number) => Promise<void>): Promise<number[]> => {
      await steady(RATE_PER_SECOND * SECONDS, RATE_PER_SECOND, make(round));
      const keys = [...sent.keys()].filter((k) => k.startsWith(`${round}-`));
      // Deliveries still on their way: wait for each (the bench's own timeout bounds it).
      while (keys.some((k) => !arrivals.has(k))) await new Promise((r) => setTimeout(r, 20));
      return keys.map((k) => (arrivals.get(k) ?? NaN) - (sent.get(k) ?? NaN));
    };
    await steady(RATE_PER_SECOND, RATE_PER_SECOND, viaWhatsApp('warmwa'));
    await steady(RATE_PER_SECOND, RATE_PER_SECOND, viaWeb('warmweb'));
    const wa = await measure('wa', viaWhatsApp);
    const web = await measure('web', viaWeb);
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const waP99 = percentile(wa, 99);
    const rows: Row[] = [
      { metric: 'WhatsApp webhook POST → desk socket, p50 / p99', value: `${ms(percentile(wa, 50))} / ${ms(waP99)}`, goal: `p99 ≤ ${P99_GOAL_MS} ms`, pass: waP99 <= P99_GOAL_MS },
      { metric: '  webhook POST → its 200, p50 / p99', value: `${ms(percentile(answered, 50))} / ${ms(percentile(answered, 99))}` },
      { metric: 'web form POST → desk socket, p50 / p99', value: `${ms(percentile(web, 50))} / ${ms(percentile(web, 99))}` },
      { metric: 'replies sent to the fake Graph API', value: String(fake.sent.length), goal: `${RATE_PER_SECOND * (SECONDS + 1)}`, pass: fake.sent.length === RATE_PER_SECOND * (SECONDS + 1) },
    ];
    return {
      rows,
      notes: [`${RATE_PER_SECOND} reports/s for ${SECONDS} s on each path (LAPOR#JALAN#… from ${RATE_PER_SECOND * SECONDS} numbers; the web form's JSON), ${SOCKETS} DPUPR desk sockets; times from the request leaving this process to the desk event.`],
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
    await stop(server);
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { formatTable } = await import('./report.ts');
  console.log(formatTable([{ name: 'WhatsApp → desk', result: await measureChannels(), seconds: 0 }]));
}
