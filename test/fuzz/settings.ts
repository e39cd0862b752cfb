// How the fuzz suites run: cases per route or event and the seed (fixed in `npm test`; set
// FUZZ_RUNS and FUZZ_SEED to run longer or elsewhere, see README), and the app they run against.
import type fc from 'fast-check';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 12);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261201);
// The limiter's own behaviour is tested in test/reports/rate-limit.test.ts; here it would only
// turn the fuzzer's requests into 429s before they reach the handlers.
export const UNLIMITED = { RATE_LIMIT_SUBMIT: '1000000/1m', RATE_LIMIT_LOOKUP: '1000000/1m', RATE_LIMIT_LOGIN: '1000000/1m' };

/** The webhooks are routes too: on, with a Graph API base where nothing listens (no call leaves). */
export const CHANNELS_ON = {
  WHATSAPP_VERIFY_TOKEN: 'fuzz-verify-token', WHATSAPP_APP_SECRET: 'fuzz-app-secret', WHATSAPP_ACCESS_TOKEN: 'fuzz-access-token',
  WHATSAPP_PHONE_NUMBER_ID: '1234567890', WHATSAPP_API_BASE: 'http://127.0.0.1:9/v26.0', SMS_SYNC_SECRET: 'fuzz-sms-secret-0123456789',
};

/** fast-check's report with long values cut, so a failure stays readable (and re-runnable by its seed and path). */
export function shortReport<T>(run: fc.RunDetails<T>): void {
  if (!run.failed) return;
  const example = JSON.stringify(run.counterexample, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v));
  throw new Error(`seed ${run.seed}, path ${run.counterexamplePath}: ${run.errorInstance instanceof Error ? run.errorInstance.message.slice(0, 600) : String(run.errorInstance)}\n${example.slice(0, 2000)}`);
}

