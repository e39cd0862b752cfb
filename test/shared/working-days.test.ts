import assert from 'node:assert/strict';
import { HOLIDAYS } from '../../shared/reference/holidays.ts';
import { addWorkingDays, wibDate } from '../../shared/working-days.ts';

const holidays = new Set(HOLIDAYS.map((h) => h.date));
const NONE = new Set<string>();
/** The end of a WIB calendar day, as an ISO instant. */
const endOfWibDay = (date: string) => new Date(Date.parse(`${date}T23:59:59.999+07:00`)).toISOString();

describe('working-day deadlines (WIB, Monday–Friday, minus libur nasional and cuti bersama)', () => {
  it('a report filed on Friday evening with 3 working days is due at the end of Wednesday', () => {
    const fridayEvening = new Date('2026-11-27T19:00:00+07:00');

    assert.equal(addWorkingDays(fridayEvening, 3, holidays).toISOString(), endOfWibDay('2026-12-02'));
  });

  it('the deadline ends at 23:59:59.999 WIB, which is 16:59:59.999 UTC', () => {
    assert.equal(addWorkingDays(new Date('2026-11-27T10:00:00+07:00'), 3, NONE).toISOString(), '2026-12-02T16:59:59.999Z');
  });

  it('counts from the WIB day: Thursday 23:30 WIB is still Thursday, 00:30 WIB is already Friday', () => {
    assert.equal(addWorkingDays(new Date('2026-11-26T23:30:00+07:00'), 3, NONE).toISOString(), endOfWibDay('2026-12-01'));
    assert.equal(addWorkingDays(new Date('2026-11-27T00:30:00+07:00'), 3, NONE).toISOString(), endOfWibDay('2026-12-02'));
  });

  it('skips a single national holiday (Tahun Baru Islam, Tuesday 2026-06-16)', () => {
    const friday = new Date('2026-06-12T09:00:00+07:00');

    assert.equal(addWorkingDays(friday, 3, holidays).toISOString(), endOfWibDay('2026-06-18'));
    assert.equal(addWorkingDays(friday, 3, NONE).toISOString(), endOfWibDay('2026-06-17'));
  });

  it('skips Nyepi, Idul Fitri and the cuti bersama around them (2026-03-18 … 03-24)', () => {
    const friday = new Date('2026-03-13T14:00:00+07:00');

    // Mon 16, Tue 17, then nothing until Wed 25.
    assert.equal(addWorkingDays(friday, 3, holidays).toISOString(), endOfWibDay('2026-03-25'));
  });

  it('a report filed during the holidays starts counting after them', () => {
    assert.equal(addWorkingDays(new Date('2026-03-20T08:00:00+07:00'), 3, holidays).toISOString(), endOfWibDay('2026-03-27'));
  });

  it('the 10-day reopen window crosses weekends and the Christmas cuti bersama', () => {
    // Resolved Fri 2026-12-11: 14,15,16,17,18, 21,22,23, (24 cuti, 25 Natal) 28, 29.
    assert.equal(addWorkingDays(new Date('2026-12-11T15:00:00+07:00'), 10, holidays).toISOString(), endOfWibDay('2026-12-29'));
  });

  it('names the WIB date of an instant, which runs 7 hours ahead of UTC', () => {
    assert.equal(wibDate(new Date('2026-11-27T16:59:59Z')), '2026-11-27');
    assert.equal(wibDate(new Date('2026-11-27T17:00:00Z')), '2026-11-28');
  });
});
