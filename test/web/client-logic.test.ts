// The client's pure helpers, in Node: how form pairs become the schema's input, and the
// nearest-centroid guess behind "Gunakan lokasi saya".
import assert from 'node:assert/strict';
import { collapseSwitches, toRaw } from '../../client/src/form-fields.ts';
import { inRegion, nearestKecamatan } from '../../client/src/location.ts';
import region from '../../shared/reference/region-33.16.json' with { type: 'json' };
import type { Region } from '../../shared/types.ts';
import { parseReportInput } from '../../shared/validation/report-input.ts';
import { normaliseFormPost } from '../../server/web/form-values.ts';
import { keptContact } from '../../shared/anonymity.ts';

const blora = region as Region;

describe('client form logic', () => {
  const pairs: [string, string][] = [
    ['category', 'pupuk'], ['details[fertiliserType]', 'urea'], ['details[problems][]', 'stok_kosong'], ['details[problems][]', 'dipaketkan'],
    ['description', 'Stok urea kosong dua minggu.'], ['kecamatan', '33.16.05'], ['desa', '33.16.05.2001'],
    ['anonymous', 'false'], ['confidential', 'false'], ['confidential', 'true'],
  ];

  it('form pairs become the nested input the shared schema accepts, the last switch value winning', () => {
    const raw = toRaw(pairs);
    assert.deepEqual(raw.details, { fertiliserType: 'urea', problems: ['stok_kosong', 'dipaketkan'] });
    const parsed = parseReportInput(raw, blora, '2026-01-01');
    assert.ok(parsed.ok);
    assert.equal(parsed.value.confidential, true);
    assert.equal(parsed.value.anonymous, false);
  });

  it('the API receives one value per switch, the one the citizen chose', () => {
    assert.deepEqual(collapseSwitches(pairs).filter(([n]) => n === 'confidential' || n === 'anonymous'), [['anonymous', 'false'], ['confidential', 'true']]);
  });

  it('a plain post reads the last value of each switch, "Kabari perkembangan" too', () => {
    const body = normaliseFormPost({ anonymous: ['false', 'true'], notifyConsent: ['false', 'true'], name: 'Sutrisno', phone: '0812' });
    assert.equal(body.anonymous, 'true');
    assert.equal(body.notifyConsent, 'true');
  });

  for (const [anonymous, notifyConsent, kept] of [[false, false, true], [false, true, true], [true, true, true], [true, false, false]] as const) {
    it(`the one anonymity rule ${kept ? 'keeps' : 'drops'} name, phone and email when anonymous=${anonymous} and notifyConsent=${notifyConsent} (form, intake and Open311 alike)`, () => {
      const contact = keptContact({ anonymous, notifyConsent, name: 'Sutrisno', phone: '+6281234567890', email: 'sutrisno@example.org' });
      assert.deepEqual(contact, kept ? { name: 'Sutrisno', phone: '+6281234567890', email: 'sutrisno@example.org' } : { name: null, phone: null, email: null });
    });
  }

  it('a point picks the kecamatan whose centre is nearest, and a point outside Blora is refused', () => {
    const table = [
      { at: { lat: -7.16, lng: 111.57 }, kecamatan: '33.16.05' }, // Cepu
      { at: { lat: -6.96, lng: 111.43 }, kecamatan: '33.16.09' }, // Blora kota
      { at: { lat: -6.94, lng: 111.19 }, kecamatan: '33.16.14' }, // Todanan
    ];
    for (const { at, kecamatan } of table) assert.equal(nearestKecamatan(blora, at)?.code, kecamatan);
    assert.equal(inRegion(blora, { lat: -6.2, lng: 106.8 }), false);
  });
});
