// The 12-week bar chart (reports in, and of those already closed), as SVG elements.
import type { TrendWeek } from '../../shared/map.ts';
import { h } from '../desk/dom.ts';
import { dot } from './panel.ts';
import { s } from './svg.ts';
import { fmt, shortDate } from './text.ts';

const BAR = 24;
const HEIGHT = 90;

export function trendChart(weeks: TrendWeek[]): Node[] {
  const max = Math.max(1, ...weeks.map((w) => w.total));
  const bars = weeks.map((week, i) => {
    const total = Math.round((week.total / max) * HEIGHT);
    const closed = Math.round((week.closed / max) * HEIGHT);
    return s('g', {},
      s('title', {}, `Minggu ${shortDate(`${week.weekStart}T12:00:00+07:00`)}: ${fmt(week.total)} laporan, ${fmt(week.closed)} ditutup`),
      s('rect', { x: i * BAR + 3, y: HEIGHT - total + 4, width: BAR - 6, height: total, fill: '#9cc3b0' }),
      s('rect', { x: i * BAR + 3, y: HEIGHT - closed + 4, width: BAR - 6, height: closed, fill: '#0b5d3b' }),
      week.total ? s('text', { x: i * BAR + BAR / 2, y: Math.max(9, HEIGHT - total), 'text-anchor': 'middle', class: 't-num' }, fmt(week.total)) : null);
  });
  const first = weeks[0]?.weekStart;
  const last = weeks[weeks.length - 1]?.weekStart;
  const day = (d: string | undefined) => (d ? shortDate(`${d}T12:00:00+07:00`) : '');
  return [
    s('svg', { class: 'trend', viewBox: `0 0 ${weeks.length * BAR} ${HEIGHT + 8}`, role: 'img', 'aria-label': 'Laporan per minggu, 12 minggu terakhir' }, ...bars),
    h('p', { class: 'legend muted' }, dot('#9cc3b0'), ' masuk ', dot('#0b5d3b'), ` sudah ditutup · ${day(first)} – ${day(last)}`),
  ];
}
