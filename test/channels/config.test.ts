import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../server/config.ts';

const ALL = { WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_APP_SECRET: 's', WHATSAPP_ACCESS_TOKEN: 't', WHATSAPP_PHONE_NUMBER_ID: '106540352242922' };

describe('WhatsApp and SMS configuration', () => {
  it('leaves both channels off by default', () => {
    const config = loadConfig({});
    assert.equal(config.whatsapp, null);
    assert.equal(config.smsSyncSecret, null);
    assert.equal(config.webhookMaxBodyBytes, 1024 * 1024);
  });

  it('turns WhatsApp on with all four set, on the current Graph API version by default', () => {
    assert.deepEqual(loadConfig(ALL).whatsapp, { verifyToken: 'v', appSecret: 's', accessToken: 't', phoneNumberId: '106540352242922', apiBase: 'https://graph.facebook.com/v26.0' });
    assert.equal(loadConfig({ ...ALL, WHATSAPP_API_BASE: 'http://127.0.0.1:9999/v26.0/' }).whatsapp?.apiBase, 'http://127.0.0.1:9999/v26.0');
  });

  for (const missing of Object.keys(ALL)) {
    it(`refuses to start with ${missing} missing while the others are set, naming it`, () => {
      const env: Record<string, string> = { ...ALL };
      delete env[missing];
      assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && err.message.includes(missing));
    });
  }

  for (const [env, named] of [
    [{ ...ALL, WHATSAPP_API_BASE: 'graph.facebook.com' }, /WHATSAPP_API_BASE/],
    [{ ...ALL, WHATSAPP_PHONE_NUMBER_ID: '+62 811' }, /WHATSAPP_PHONE_NUMBER_ID/],
    [{ SMS_SYNC_SECRET: 'pendek' }, /SMS_SYNC_SECRET/],
    [{ WEBHOOK_MAX_BODY_SIZE: 'besar' }, /WEBHOOK_MAX_BODY_SIZE/],
  ] as const) {
    it(`refuses ${Object.keys(env).at(-1)}=${Object.values(env).at(-1)}, naming the variable`, () => {
      assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && named.test(err.message));
    });
  }
});
