// The rules the statistics apply to what the store counts, written once for every adapter.
import assert from 'node:assert/strict';
import { medianHours } from '../../server/stats/median.ts';
import { wibWeekOfHour } from '../../server/stats/service.ts';

const h = (hours: number) => hours * 3_600_000;

describe('statistics rules above the store', () => {
  it('puts an hour in its WIB week: Sunday 23:xx WIB is the old week, Monday 00:xx WIB the new one', () => {
    assert.equal(wibWeekOfHour('2026-03-08T16'), '2026-03-02'); // Sun 8 Mar 23:00–23:59 WIB
    assert.equal(wibWeekOfHour('2026-03-08T17'), '2026-03-09'); // Mon 9 Mar 00:00–00:59 WIB
    assert.equal(wibWeekOfHour('2026-03-15T10'), '2026-03-09'); // Sun 15 Mar 17:00 WIB
    assert.equal(wibWeekOfHour('2026-03-01T17'), '2026-03-02', 'Monday 00:00 WIB is Sunday 17:00 UTC');
  });

  it('takes the middle duration as the median, or the mean of the two middle ones, in any order given', () => {
    assert.equal(medianHours([]), null);
    assert.equal(medianHours([h(90), h(5), h(40), h(10), h(20)]), 20);
    assert.equal(medianHours([h(90), h(10), h(40), h(20)]), 30, '10, 20, 40, 90 → (20 + 40) / 2');
    assert.equal(medianHours([h(30)]), 30);
  });

  it('rounds the median once, to a tenth of an hour, halves up: 3 minutes is 0.1 h on every store', () => {
    assert.equal(medianHours([180_000]), 0.1);
    assert.equal(medianHours([179_999]), 0);
    assert.equal(medianHours([61 * 60_000, 100 * 60_000]), 1.3, '(61 + 100) / 2 = 80.5 min = 1.34 h');
  });
});
