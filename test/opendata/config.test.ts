import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('EXPORT_PAGE_SIZE configuration', () => {
  it('defaults to 500 reports per store page and takes any whole number from 1 to 10000', () => {
    assert.equal(loadConfig({}).exportPageSize, 500);
    assert.equal(loadConfig({ EXPORT_PAGE_SIZE: '1' }).exportPageSize, 1);
    assert.equal(loadConfig({ EXPORT_PAGE_SIZE: '10000' }).exportPageSize, 10_000);
  });

  for (const value of ['0', '10001', 'lima ratus', '2.5']) {
    it(`refuses EXPORT_PAGE_SIZE=${value}, naming the variable`, () => {
      assert.throws(() => loadConfig({ EXPORT_PAGE_SIZE: value }), (err: unknown) => err instanceof ConfigError && /EXPORT_PAGE_SIZE/.test(err.message));
    });
  }
});
