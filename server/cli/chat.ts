// npm run chat — talk to the WhatsApp bot from the terminal, without a Meta account.
// Starts a local fake of the Graph API and the server against it (fresh store in a temporary
// folder unless DATA_DIR is set), then turns each line typed into a signed webhook message:
//   any text           a text message            1, 2, 3…        tap that button / list row
//   /lokasi -7.15,111.42   share a location      /foto FILE.jpg  send a photo
//   /keluar            stop
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createApp } from '../app.ts';
import { buildDeps, closeDeps } from '../bootstrap.ts';
import { FakeGraphApi, type SentMessage } from '../channels/whatsapp/fake-graph-api.ts';
import { signatureOf } from '../channels/whatsapp/signature.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';

const PHONE = process.env.CHAT_PHONE ?? '6281234567890';
const SECRET = 'rahasia-chat-lokal';
const TOKEN = 'token-chat-lokal';
const PHONE_NUMBER_ID = '100000000000001';

interface Option { id: string; title: string }

function optionsOf(m: SentMessage): Option[] {
  const interactive = m.body.interactive as { action?: { buttons?: { reply: Option }[]; sections?: { rows: Option[] }[] } } | undefined;
  if (interactive?.action?.buttons) return interactive.action.buttons.map((b) => b.reply);
  return (interactive?.action?.sections ?? []).flatMap((s) => s.rows);
}

function show(m: SentMessage): Option[] {
  const text = (m.body.text as { body?: string } | undefined)?.body ?? (m.body.interactive as { body?: { text?: string } } | undefined)?.body?.text ?? '';
  console.log(`\n🤖 ${text.replace(/\n/g, '\n   ')}`);
  const options = optionsOf(m);
  options.forEach((o, i) => console.log(`   [${i + 1}] ${o.title}`));
  if ((m.body.interactive as { type?: string } | undefined)?.type === 'location_request_message') console.log('   (ketik /lokasi LAT,LNG untuk mengirim lokasi)');
  return options;
}

async function main(): Promise<void> {
  const fake = new FakeGraphApi(TOKEN);
  await fake.listen();
  const dataDir = process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'suara-warga-chat-'));
  const port = process.env.PORT ?? '3030';
  const config = loadConfig({
    ...process.env, DATA_DIR: dataDir, PORT: port, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', PUBLIC_URL: process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`,
    WHATSAPP_VERIFY_TOKEN: 'verifikasi-lokal', WHATSAPP_APP_SECRET: SECRET, WHATSAPP_ACCESS_TOKEN: TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID, WHATSAPP_API_BASE: fake.apiBase,
  });
  const deps = await buildDeps(config, { logger: createLogger(config.logLevel) });
  const app = createApp(deps);
  await new Promise<void>((resolve) => app.http.listen(config.port, '127.0.0.1', resolve));
  const address = app.http.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : config.port}`;
  console.log(`Suara Warga di ${base} (desk: ${base}/desk), data di ${dataDir}. Anda menulis sebagai +${PHONE}. Ketik "halo".`);

  let options: Option[] = [];
  let cursor = 0;
  const send = async (message: Record<string, unknown>): Promise<void> => {
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: {
        messaging_product: 'whatsapp', metadata: { display_phone_number: '6281100000000', phone_number_id: PHONE_NUMBER_ID },
        contacts: [{ profile: { name: 'Warga Uji' }, wa_id: PHONE }],
        messages: [{ from: PHONE, id: `wamid.CHAT${randomBytes(9).toString('hex')}`, timestamp: String(Math.floor(Date.now() / 1000)), context: { id: fake.sent.at(-1)?.id }, ...message }],
      } }] }],
    });
    const res = await fetch(`${base}/webhooks/whatsapp`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signatureOf(SECRET, body) }, body });
    if (res.status !== 200) console.log(`(webhook ${res.status}: ${await res.text()})`);
    await app.channels.worker.idle;
    for (const m of fake.sent.slice(cursor)) options = show(m);
    cursor = fake.sent.length;
  };

  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '\n👤 ' });
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/keluar') break;
    const pick = /^\d{1,2}$/.test(line) ? options[Number(line) - 1] : undefined;
    const location = /^\/lokasi\s+(-?[\d.]+)\s*,\s*(-?[\d.]+)$/.exec(line);
    const photo = /^\/foto\s+(.+)$/.exec(line);
    if (pick) await send({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: pick.id, title: pick.title } } });
    else if (location) await send({ type: 'location', location: { latitude: Number(location[1]), longitude: Number(location[2]) } });
    else if (photo) await send({ type: 'image', image: { id: fake.addMedia(readFileSync(photo[1].trim()), 'image/jpeg'), mime_type: 'image/jpeg' } });
    else if (line) await send({ type: 'text', text: { body: line } });
    rl.prompt();
  }
  rl.close();
  app.io.close();
  app.http.closeAllConnections();
  await new Promise<void>((resolve) => app.http.close(() => resolve()));
  await app.channels.worker.idle;
  await closeDeps(deps);
  await fake.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
