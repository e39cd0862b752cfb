import assert from 'node:assert/strict';
import { createCipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { generateTrackingCode, openTrackingCode, sealTrackingCode } from '../../server/reports/tracking-code.ts';

// The seal gives a retried submission its tracking code back (the store keeps no code).
describe('the sealed tracking code of a submission', () => {
  it('opens with the client id it was sealed for, and with no other', () => {
    const code = generateTrackingCode();
    const clientId = randomUUID();
    const sealed = sealTrackingCode(code, clientId);
    assert.equal(openTrackingCode(sealed, clientId), code);
    assert.equal(openTrackingCode(sealed, randomUUID()), null);
    assert.ok(!sealed.includes(code), 'the code is not readable in the seal');
  });

  it('made before the key changed (HKDF, no version prefix), still opens: a retry after an upgrade gets its code', () => {
    const code = generateTrackingCode();
    const clientId = randomUUID();
    const key = Buffer.from(hkdfSync('sha256', clientId, 'suara-warga', 'tracking-code-seal', 32));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
    const legacy = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    assert.equal(openTrackingCode(legacy, clientId), code);
    assert.equal(openTrackingCode(legacy, randomUUID()), null);
  });

  it('that is damaged opens to nothing rather than throwing', () => {
    const clientId = randomUUID();
    const sealed = sealTrackingCode(generateTrackingCode(), clientId);
    assert.equal(openTrackingCode(`${sealed.slice(0, -2)}AA`, clientId), null);
    assert.equal(openTrackingCode('2.', clientId), null);
    assert.equal(openTrackingCode('', clientId), null);
  });
});
