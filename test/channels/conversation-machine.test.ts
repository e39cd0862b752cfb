// The conversation's rules, turn by turn, without I/O: the machine is a pure function.
import assert from 'node:assert/strict';
import { converse, parsePrice, parseQuantity, type MachineEnv } from '../../server/channels/conversation/machine.ts';
import type { ConversationState } from '../../server/channels/conversation/state.ts';
import type { ChannelInput, Reply } from '../../server/channels/inputs.ts';

function env(overrides: Partial<MachineEnv> = {}): MachineEnv {
  return {
    now: new Date('2026-11-02T03:00:00Z'), today: '2026-11-02', maxPhotos: 2, maxPhotoLabel: '10 MB',
    kecamatanName: (c) => ({ '33.16.05': 'Cepu' })[c] ?? c,
    desaName: (c) => ({ '33.16.05.1013': 'Balun' })[c] ?? c,
    locate: () => ({ inRegion: true, kecamatan: '33.16.05', desa: null }),
    matchPlaces: (text, kecamatan) => (/balun/i.test(text) && (!kecamatan || kecamatan === '33.16.05') ? [{ kecamatan: '33.16.05', desa: '33.16.05.1013' }] : []),
    ...overrides,
  };
}

function at(step: ConversationState['step'], draft: Partial<ConversationState['draft']> = {}, updatedAt = '2026-11-02T02:59:00Z'): ConversationState {
  return { step, draft: { details: {}, photos: [], ...draft }, updatedAt };
}

const text = (t: string): ChannelInput => ({ kind: 'text', text: t });
const said = (replies: Reply[]): string => replies.map((r) => ('text' in r ? r.text : '')).join('\n');

describe('the conversation state machine', () => {
  it('where no boundary says which desa a shared point is in, keeps the point and the kecamatan and asks the desa', () => {
    const out = converse(at('place', { category: 'jalan' }), { kind: 'location', lat: -7.15, lng: 111.58 }, undefined, env());
    assert.equal(out.state?.step, 'desa');
    assert.deepEqual([out.state?.draft.lat, out.state?.draft.kecamatan], [-7.15, '33.16.05']);
    assert.match(said(out.replies), /Kec\. Cepu\)\. Ketik nama desanya/);
    const next = converse(out.state, text('balun'), undefined, env());
    assert.equal(next.state?.step, 'place_confirm');
  });

  it('refuses a point outside the regency and asks for the names', () => {
    const out = converse(at('place', { category: 'jalan' }), { kind: 'location', lat: -6.2, lng: 106.8 }, undefined, env({ locate: () => ({ inRegion: false, kecamatan: null, desa: null }) }));
    assert.equal(out.state?.step, 'place');
    assert.equal(out.state?.draft.lat, undefined);
    assert.match(said(out.replies), /di luar Kabupaten Blora/);
  });

  it('says plainly when a typed village is not found, and stays on the question', () => {
    const out = converse(at('place', { category: 'jalan' }), text('Atlantis'), undefined, env());
    assert.equal(out.state?.step, 'place');
    assert.match(said(out.replies), /Desa "Atlantis" tidak kami temukan/);
  });

  it('says at once that a price is within the HET when it is', () => {
    const out = converse(at('pupuk_price', { category: 'pupuk', details: { fertiliserType: 'urea', problems: ['stok_kosong'], quantity: 50, unit: 'kg' } }), text('Rp 90.000'), undefined, env());
    assert.match(said(out.replies), /Rp 1\.800\/kg, tidak melebihi HET Rp 1\.800\/kg/);
    assert.equal(out.state?.step, 'description');
  });

  it('keeps a description under 10 letters out and asks again', () => {
    const out = converse(at('description', { category: 'lainnya' }), text('rusak'), undefined, env());
    assert.equal(out.state?.step, 'description');
    assert.match(said(out.replies), /minimal 10 huruf/);
  });

  it('stops at MAX_PHOTOS photos', () => {
    let state: ConversationState | null = at('photos', { category: 'lainnya', description: 'Lampu jalan mati sebulan.' });
    for (const id of ['m1', 'm2', 'm3']) state = converse(state, { kind: 'image', mediaId: id, mimeType: 'image/jpeg' }, undefined, env()).state;
    assert.deepEqual(state?.draft.photos, ['m1', 'm2']);
  });

  it('answers a sticker or voice note with what it can read, without moving on', () => {
    const out = converse(at('description', { category: 'lainnya' }), { kind: 'unsupported', type: 'sticker' }, undefined, env());
    assert.equal(out.state?.step, 'description');
    assert.match(said(out.replies), /teks, foto, atau lokasi/);
  });

  it('expires exactly 24 hours after the last turn', () => {
    const state = at('description', { category: 'lainnya' }, '2026-11-01T03:00:00Z');
    assert.match(said(converse(state, text('Lampu jalan mati sebulan.'), undefined, env()).replies), /lebih dari 24 jam/);
    const younger = at('description', { category: 'lainnya' }, '2026-11-01T03:00:01Z');
    assert.equal(converse(younger, text('Lampu jalan mati sebulan.'), undefined, env()).state?.step, 'photos');
  });

  it('hands CEK, CEK <kode> and the one-message format to the service without touching the state', () => {
    const state = at('description', { category: 'lainnya' });
    assert.deepEqual(converse(state, text('cek'), undefined, env()), { state, replies: [], effect: { type: 'my_reports' } });
    assert.deepEqual(converse(state, text('CEK abcd-efgh-jkmn'), undefined, env()).effect, { type: 'status', code: 'abcd-efgh-jkmn' });
    assert.deepEqual(converse(null, text('LAPOR#JALAN#CEPU#BALUN#Jalan berlubang'), undefined, env()).effect, { type: 'one_message', text: 'LAPOR#JALAN#CEPU#BALUN#Jalan berlubang' });
  });

  for (const [typed, expected] of [
    ['2 sak', { quantity: 2, unit: 'bag' }], ['50kg', { quantity: 50, unit: 'kg' }], ['1,5 karung', { quantity: 1.5, unit: 'bag' }], ['banyak', null], ['2', null],
  ] as const) {
    it(`reads the quantity "${typed}" as ${JSON.stringify(expected)}`, () => assert.deepEqual(parseQuantity(typed), expected));
  }

  for (const [typed, expected] of [
    ['Rp 150.000 per sak', { price: 150000, priceUnit: 'bag' }], ['3000/kg', { price: 3000, priceUnit: 'kg' }], ['rp300.000', { price: 300000, priceUnit: 'total' }],
    ['Rp 1.250.000', { price: 1250000, priceUnit: 'total' }], ['mahal', null],
  ] as const) {
    it(`reads the price "${typed}" as ${JSON.stringify(expected)}`, () => assert.deepEqual(parsePrice(typed), expected));
  }
});
