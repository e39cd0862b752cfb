// One meaning of yes and no for every input that takes one: the report form's switches, the
// facilitator's consent, the citizen's reopen, the desk's overdue filter. They used to read three
// different word lists.
import assert from 'node:assert/strict';
import region from '../../shared/reference/region-33.16.json' with { type: 'json' };
import type { Region } from '../../shared/types.ts';
import { parseFeedbackInput } from '../../shared/validation/feedback-input.ts';
import { NO_WORDS, YES_WORDS } from '../../shared/validation/fields.ts';
import { parseAspirationEntry } from '../../shared/validation/ngopi-input.ts';
import { DeskListQuerySchema } from '../../shared/validation/queries.ts';
import { parseReportInput } from '../../shared/validation/report-input.ts';
import { checkWith } from '../../shared/validation/schema.ts';

const blora = region as Region;
const report = { category: 'jalan', description: 'Jalan berlubang dekat balai desa.', kecamatan: '33.16.05', desa: '33.16.05.2001', details: { damageType: 'berlubang', severity: 2 } };

/** Each reader of a yes/no input: the value it read, or the field code it refused with. */
const readers: { name: string; read: (word: unknown) => boolean | string }[] = [
  { name: 'report anonymous', read: (w) => { const r = parseReportInput({ ...report, anonymous: w }, blora, '2026-11-02'); return r.ok ? r.value.anonymous : r.fields.anonymous; } },
  { name: 'report confidential', read: (w) => { const r = parseReportInput({ ...report, confidential: w }, blora, '2026-11-02'); return r.ok ? r.value.confidential : r.fields.confidential; } },
  { name: 'aspiration consent', read: (w) => { const r = parseAspirationEntry({ topic: 'umum', text: 'Mohon lampu jalan.', consent: w }); return r.ok ? r.value.consent : r.fields.consent; } },
  { name: 'feedback reopen', read: (w) => { const r = parseFeedbackInput({ reopen: w, reason: 'Belum diperbaiki.', rating: 3 }); return r.ok ? r.value.reopen : r.fields.reopen; } },
  { name: 'desk overdue filter', read: (w) => { const r = checkWith(DeskListQuerySchema, { overdue: w }); return r.ok ? r.value.overdue : r.fields.overdue; } },
];

describe('yes and no, one definition', () => {
  for (const { name, read } of readers) {
    it(`${name} reads every yes word as yes, every no word as no, in any case, and refuses "mungkin"`, () => {
      for (const word of YES_WORDS) assert.equal(read(word.toUpperCase()), true, word);
      for (const word of NO_WORDS) assert.equal(read(` ${word} `), false, word);
      assert.equal(read(true), true);
      assert.equal(read(false), false);
      assert.equal(read('mungkin'), 'invalid_boolean');
      assert.equal(read(7), 'invalid_boolean');
    });
  }

  it('a repeated form name (hidden "false" then the checkbox) counts its last value', () => {
    for (const { read } of readers.filter((r) => r.name !== 'desk overdue filter')) {
      assert.equal(read(['false', 'on']), true);
      assert.equal(read(['on', 'false']), false);
    }
  });
});
