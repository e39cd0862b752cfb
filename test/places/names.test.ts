// Tolerant name matching on the real 295 desa and 16 kecamatan of Blora (idn-area-data), as a
// WhatsApp message, an SMS or an Open311 address_string would type them.
import assert from 'node:assert/strict';
import { editDistance, placeKey } from '../../server/places/names.ts';
import { createPlaces, matchDesa, matchKecamatan, type PlaceMatch } from '../../server/places/places.ts';
import { loadRegion } from '../../server/reference/region.ts';

const region = loadRegion('33.16');
const places = createPlaces(region, { kecamatan: null, desa: null });
const KEC = Object.fromEntries(region.kecamatan.map((k) => [k.name, k.code]));
const desaCode = (name: string, kecamatan: string) => region.kecamatan.find((k) => k.name === kecamatan)!.desa.find((d) => d.name === name)!.code;
const top = (matches: PlaceMatch[]) => matches[0] ? `${matches[0].name} (${matches[0].kecamatan})` : 'nothing';

describe('places: name keys', () => {
  it('reads case, spacing, punctuation, place words and old spellings alike', () => {
    for (const text of ['Sumberejo', 'SUMBEREJO', 'Sumber Rejo', 'sumber-rejo', 'Ds. Sumberrejo', 'desa  sumberedjo', 'Kelurahan Soemberejo']) {
      assert.equal(placeKey(text), 'sumberejo', text);
    }
    assert.equal(placeKey('Tjepoe'), 'cepu');
    assert.equal(placeKey('Kedhungtuban'), 'kedungtuban');
    assert.equal(placeKey('Djati'), 'jati');
    assert.equal(placeKey('Kec. Ngawen'), 'ngawen');
  });

  it('counts a swap of two letters as one edit', () => {
    assert.equal(editDistance('ngelo', 'ngleo'), 1);
    assert.equal(editDistance('cepu', 'cepu'), 0);
    assert.equal(editDistance('jiken', 'jikn'), 1);
    assert.equal(editDistance('', 'abc'), 3);
  });
});

describe('places: matching kecamatan names', () => {
  const cases: { text: string; expected: string }[] = [
    { text: 'Cepu', expected: 'Cepu' },
    { text: 'kec. cepu', expected: 'Cepu' },
    { text: 'Tjepoe', expected: 'Cepu' },
    { text: 'Randoeblatoeng', expected: 'Randublatung' },
    { text: 'Kedung Tuban', expected: 'Kedungtuban' },
    { text: 'Kedngtuban', expected: 'Kedungtuban' },
    { text: 'djati', expected: 'Jati' },
    { text: 'Banjarrejo', expected: 'Banjarejo' },
    { text: 'Jikn', expected: 'Jiken' },
    { text: 'KUNDURAN', expected: 'Kunduran' },
  ];
  for (const { text, expected } of cases) {
    it(`reads "${text}" as kecamatan ${expected}`, () => {
      const matches = matchKecamatan(places, text, 3);
      assert.equal(matches[0]?.code, KEC[expected], JSON.stringify(matches));
      assert.equal(matches[0].kecamatan, matches[0].code);
    });
  }

  it('an exact name scores 1, a typo less, and nothing like a name returns no candidate', () => {
    assert.equal(matchKecamatan(places, 'Todanan')[0].score, 1);
    const typo = matchKecamatan(places, 'Todnan')[0];
    assert.ok(typo.score < 1 && typo.score >= 0.8, JSON.stringify(typo));
    assert.deepEqual(matchKecamatan(places, 'xyz'), []);
    assert.deepEqual(matchKecamatan(places, ''), []);
    assert.deepEqual(matchKecamatan(places, '!!! ...'), []);
  });

  it('returns at most the limit asked for, best first', () => {
    const matches = matchKecamatan(places, 'Bogorejo Banjarejo', 2);
    assert.equal(matches.length, 2);
    assert.ok(matches[0].score >= matches[1].score);
    assert.deepEqual(matches.map((m) => m.name).sort(), ['Banjarejo', 'Bogorejo']);
  });
});

describe('places: matching desa names', () => {
  const unique: { text: string; name: string; kecamatan: string }[] = [
    { text: 'Ngelo', name: 'Ngelo', kecamatan: 'Cepu' },
    { text: 'ds. ngelo', name: 'Ngelo', kecamatan: 'Cepu' },
    { text: 'Desa Ngelo, Kec. Cepu', name: 'Ngelo', kecamatan: 'Cepu' },
    { text: 'jalan rusak di desa Ngelo cepu', name: 'Ngelo', kecamatan: 'Cepu' },
    { text: 'Kelurahan Karangboyo', name: 'Karangboyo', kecamatan: 'Cepu' },
    { text: 'karangbojo', name: 'Karangboyo', kecamatan: 'Cepu' },
    { text: 'Tempel Lemah Bang', name: 'Tempellemahbang', kecamatan: 'Jepon' },
    { text: 'Tempellemabang', name: 'Tempellemahbang', kecamatan: 'Jepon' },
    { text: 'Kedoengringin', name: 'Kedungringin', kecamatan: 'Tunjungan' },
    { text: 'Pungursugi', name: 'Punggursugih', kecamatan: 'Ngawen' },
    { text: 'Mlangsn', name: 'Mlangsen', kecamatan: 'Blora' },
    { text: 'Nglorm', name: 'Ngloram', kecamatan: 'Cepu' },
    { text: 'Sumber Rejo Randublatung', name: 'Sumberejo', kecamatan: 'Randublatung' },
  ];
  for (const { text, name, kecamatan } of unique) {
    it(`reads "${text}" as desa ${name} in ${kecamatan}`, () => {
      const matches = matchDesa(places, text);
      assert.equal(matches[0]?.code, desaCode(name, kecamatan), top(matches));
      assert.equal(matches[0].kecamatan, KEC[kecamatan]);
      assert.ok(matches.length <= 5);
    });
  }

  it('offers a name shared by three kecamatan once for each, with equal scores, for the caller to ask', () => {
    const matches = matchDesa(places, 'Sumberejo');
    assert.deepEqual(matches.slice(0, 3).map((m) => m.kecamatan).sort(), [KEC.Randublatung, KEC.Ngawen, KEC.Japah].sort());
    assert.deepEqual(matches.slice(0, 3).map((m) => m.score), [1, 1, 1]);
    assert.ok((matches[3]?.score ?? 0) < 1);
  });

  it('tells a shared name apart by the kecamatan the text also names, or by the kecamatan given', () => {
    const withKecamatan: [string, string, string][] = [
      ['Getas Cepu', 'Getas', 'Cepu'], ['getas, kec. kradenan', 'Getas', 'Kradenan'],
      ['Bogorejo Japah', 'Bogorejo', 'Japah'], ['desa bogorejo kec bogorejo', 'Bogorejo', 'Bogorejo'],
      ['Kemiri Kunduran', 'Kemiri', 'Kunduran'], ['Sendangrejo Ngawen', 'Sendangrejo', 'Ngawen'],
      ['Ledok Sambong', 'Ledok', 'Sambong'], ['pelem blora', 'Pelem', 'Blora'],
    ];
    for (const [text, name, kecamatan] of withKecamatan) {
      const matches = matchDesa(places, text);
      assert.equal(matches[0]?.code, desaCode(name, kecamatan), `${text}: ${top(matches)}`);
      assert.ok(matches[0].score > (matches[1]?.score ?? 0), `${text}: ${JSON.stringify(matches.slice(0, 2))}`);
    }
    const inBanjarejo = matchDesa(places, 'Plosorejo', { kecamatan: KEC.Banjarejo });
    assert.equal(inBanjarejo[0].code, desaCode('Plosorejo', 'Banjarejo'));
    assert.ok(inBanjarejo.every((m) => m.kecamatan === KEC.Banjarejo));
    assert.deepEqual(matchDesa(places, 'Ngelo', { kecamatan: KEC.Jati }), []);
  });

  it('keeps a name of the data as written (one Kunduran desa is spelled "plosorejo") yet finds it', () => {
    const kunduran = matchDesa(places, 'PLOSOREJO', { kecamatan: KEC.Kunduran });
    assert.equal(kunduran[0].name, 'plosorejo');
    assert.equal(kunduran[0].score, 1);
  });

  it('finds every one of the 295 desa by its own name, and by its name with one letter dropped', () => {
    let misses: string[] = [];
    for (const k of region.kecamatan) {
      for (const d of k.desa) {
        const exact = matchDesa(places, d.name, { limit: 5 });
        if (!exact.some((m) => m.code === d.code && m.score === 1)) misses.push(d.name);
      }
    }
    assert.deepEqual(misses, []);
    misses = [];
    for (const k of region.kecamatan) {
      for (const d of k.desa) {
        if (d.name.length < 6) continue;
        const typo = d.name.slice(0, 3) + d.name.slice(4);
        if (k.desa.some((other) => placeKey(other.name) === placeKey(typo))) continue; // Tempurejo → Temurejo is another desa
        if (matchDesa(places, typo, { kecamatan: k.code, limit: 1 })[0]?.code !== d.code) misses.push(`${typo}→${d.name}`);
      }
    }
    assert.deepEqual(misses, []);
  });

  it('cuts a long text at 200 characters and stays quick', () => {
    const long = 'tolong '.repeat(2000) + 'Ngelo';
    assert.deepEqual(matchDesa(places, long), []);
    const matches = matchDesa(places, 'Ngelo ' + 'tolong '.repeat(2000));
    assert.equal(matches[0]?.name, 'Ngelo');
  });
});
