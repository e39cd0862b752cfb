import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('notification configuration', () => {
  it('has documented defaults: 16 at once, 60 s lease, 6 tries from 30 s doubling, 10 s poll, 15 s timeout, no template, language id', () => {
    assert.deepEqual(loadConfig({}).notify, {
      secret: null, concurrency: 16, leaseMs: 60_000, maxAttempts: 6, backoffMs: 30_000, pollMs: 10_000, sendTimeoutMs: 15_000, templateStatus: null, templateLang: 'id',
    });
  });

  it('takes every limit from the environment', () => {
    const notify = loadConfig({
      NOTIFY_CONCURRENCY: '4', NOTIFY_LEASE_SECONDS: '5', NOTIFY_MAX_ATTEMPTS: '2', NOTIFY_BACKOFF_SECONDS: '0', NOTIFY_POLL_SECONDS: '1',
      NOTIFY_SEND_TIMEOUT_SECONDS: '3', WHATSAPP_TEMPLATE_STATUS: 'status_laporan', WHATSAPP_TEMPLATE_LANG: 'en_US', NOTIFY_SECRET: 'x'.repeat(32),
    }).notify;
    assert.deepEqual(notify, {
      secret: 'x'.repeat(32), concurrency: 4, leaseMs: 5000, maxAttempts: 2, backoffMs: 0, pollMs: 1000, sendTimeoutMs: 3000, templateStatus: 'status_laporan', templateLang: 'en_US',
    });
  });

  it('refuses a lease that can end while its send still waits, naming both variables', () => {
    for (const [lease, timeout] of [['15', '15'], ['5', '30']]) {
      assert.throws(
        () => loadConfig({ NOTIFY_LEASE_SECONDS: lease, NOTIFY_SEND_TIMEOUT_SECONDS: timeout }),
        (err: unknown) => err instanceof ConfigError && err.message.includes('NOTIFY_LEASE_SECONDS') && err.message.includes('NOTIFY_SEND_TIMEOUT_SECONDS'),
      );
    }
    assert.equal(loadConfig({ NOTIFY_LEASE_SECONDS: '16', NOTIFY_SEND_TIMEOUT_SECONDS: '15' }).notify.leaseMs, 16_000);
  });

  for (const [name, value] of [
    ['NOTIFY_CONCURRENCY', '0'], ['NOTIFY_CONCURRENCY', '1000'], ['NOTIFY_LEASE_SECONDS', '0'], ['NOTIFY_MAX_ATTEMPTS', 'lima'],
    ['NOTIFY_BACKOFF_SECONDS', '-1'], ['NOTIFY_POLL_SECONDS', '0'], ['NOTIFY_SEND_TIMEOUT_SECONDS', '0'],
    ['WHATSAPP_TEMPLATE_STATUS', 'Status Laporan'], ['WHATSAPP_TEMPLATE_LANG', 'indonesia'], ['NOTIFY_SECRET', 'pendek'],
  ] as const) {
    it(`refuses ${name}=${value}, naming the variable`, () => {
      assert.throws(() => loadConfig({ [name]: value }), (err: unknown) => err instanceof ConfigError && err.message.includes(name));
    });
  }
});
