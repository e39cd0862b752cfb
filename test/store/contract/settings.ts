import assert from 'node:assert/strict';
import type { Store } from '../../../server/store/port.ts';
import type { ContractContext } from './fixtures.ts';

export function settingCases(t: ContractContext): void {
  describe('settings', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('returns null for a missing setting, then the value put, then the value that overwrote it', async () => {
      assert.equal(await store.getSetting('routing'), null);

      await store.putSetting('routing', { jalan: 'dpupr', lainnya: 'dinkominfo' });
      assert.deepEqual(await store.getSetting('routing'), { jalan: 'dpupr', lainnya: 'dinkominfo' });

      await store.putSetting('routing', { jalan: 'dinkominfo' });
      assert.deepEqual(await store.getSetting('routing'), { jalan: 'dinkominfo' });
      await store.putSetting('holidays', [{ date: '2026-12-25', name: 'Natal', kind: 'libur' }]);
      assert.deepEqual(await store.getSetting('holidays'), [{ date: '2026-12-25', name: 'Natal', kind: 'libur' }]);
    });
  });
}
