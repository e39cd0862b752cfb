// The Open311 configuration keys: their defaults, and a bad value stops the server naming the key.
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('Open311 configuration (OPEN311_*)', () => {
  it('defaults to blorakab.go.id, 600 requests an hour per key, and a contact in Bahasa Indonesia', () => {
    const { open311 } = loadConfig({});
    assert.equal(open311.jurisdiction, 'blorakab.go.id');
    assert.deepEqual(open311.rateLimit, { limit: 600, windowMs: 3_600_000 });
    assert.match(open311.contact, /Dinkominfo Kabupaten Blora/);
  });

  it('reads the keys, the jurisdiction in lower case', () => {
    const { open311 } = loadConfig({ OPEN311_JURISDICTION: 'Lapor.BloraKab.go.id', OPEN311_RATE_LIMIT: '100/10m', OPEN311_CONTACT: 'Hubungi 0296-123' });
    assert.deepEqual(open311, { jurisdiction: 'lapor.blorakab.go.id', rateLimit: { limit: 100, windowMs: 600_000 }, contact: 'Hubungi 0296-123' });
  });

  for (const [name, value] of [['OPEN311_RATE_LIMIT', 'banyak'], ['OPEN311_RATE_LIMIT', '0/1h'], ['OPEN311_JURISDICTION', 'blora kab'], ['OPEN311_JURISDICTION', 'https://blorakab.go.id/']]) {
    it(`refuses ${name}=${value}, naming the key`, () => {
      assert.throws(() => loadConfig({ [name]: value }), (err: unknown) => err instanceof ConfigError && err.message.includes(name));
    });
  }
});
