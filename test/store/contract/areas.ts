import assert from 'node:assert/strict';
import type { AreaFeature, AreaLevel, Position } from '../../../shared/geo.ts';
import type { Store } from '../../../server/store/port.ts';
import type { ContractContext } from './fixtures.ts';

function square(lng: number, lat: number, half: number): Position[] {
  return [[lng - half, lat - half], [lng + half, lat - half], [lng + half, lat + half], [lng - half, lat + half], [lng - half, lat - half]];
}

function area(level: AreaLevel, code: string, lng: number, lat: number): AreaFeature {
  return {
    code, level, name: `Area ${code}`,
    geometry: { type: 'MultiPolygon', coordinates: [[square(lng, lat, 0.01), square(lng, lat, 0.002).reverse()]] },
    bounds: { minLng: lng - 0.01, minLat: lat - 0.01, maxLng: lng + 0.01, maxLat: lat + 0.01 },
    centroid: { lat, lng },
  };
}

export function areaCases(t: ContractContext): void {
  describe('areas (imported boundaries, one record per area)', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('lists no areas in a fresh store', async () => {
      assert.deepEqual(await store.listAreas('kecamatan'), []);
      assert.deepEqual(await store.listAreas('desa'), []);
    });

    it('stores each area as given and lists a level by code; a level not given keeps its areas', async () => {
      const cepu = area('kecamatan', '33.16.05', 111.56, -7.16);
      const blora = area('kecamatan', '33.16.09', 111.43, -6.95);
      const desa = area('desa', '33.16.09.2001', 111.43, -6.95);
      await store.replaceAreas({ kecamatan: [blora, cepu], desa: [desa] });
      assert.deepEqual(await store.listAreas('kecamatan'), [cepu, blora]);
      assert.deepEqual(await store.listAreas('desa'), [desa]);

      const jati = area('kecamatan', '33.16.01', 111.3, -7.22);
      await store.replaceAreas({ kecamatan: [jati] });
      assert.deepEqual(await store.listAreas('kecamatan'), [jati], 'the areas of a level replaced are gone');
      assert.deepEqual(await store.listAreas('desa'), [desa]);
    });

    it('raises the settings version with each replacement, so every process reloads its places, and writes the audit entry with it', async () => {
      const before = await store.settingsVersion();
      await store.replaceAreas({ desa: [area('desa', '33.16.05.2001', 111.56, -7.16)] }, {
        id: 'a-boundaries-1', at: '2026-11-02T01:00:00.000Z', actor: { via: 'cli', userId: null, username: 'operator' },
        action: 'boundaries.import', target: 'boundaries', before: null, after: { kecamatan: 0, desa: 1 },
      });
      assert.equal(await store.settingsVersion(), before + 1);
      const { items } = await store.listAudit({ limit: 5 });
      assert.deepEqual(items.map((e) => [e.id, e.action, e.after]), [['a-boundaries-1', 'boundaries.import', { kecamatan: 0, desa: 1 }]]);
    });

    it('keeps areas across close and reopen', async () => {
      const cepu = area('kecamatan', '33.16.05', 111.56, -7.16);
      await store.replaceAreas({ kecamatan: [cepu] });
      store = await t.reopen();
      assert.deepEqual(await store.listAreas('kecamatan'), [cepu]);
    });
  });
}
