// The kecamatan marker: a ring chart of categories around the count, as SVG elements.
import { CATEGORY_COLOURS } from '../../shared/map.ts';
import type { CategoryId } from '../../shared/types.ts';
import { s } from './svg.ts';
import { fmt } from './text.ts';

/** Marker diameter in px: area grows with the count, so a big kecamatan does not swamp the map. */
export function ringSize(count: number, max: number): number {
  if (count === 0) return 26;
  return Math.round(30 + 34 * Math.sqrt(count / Math.max(max, 1)));
}

export function ringSvg(byCategory: Partial<Record<CategoryId, number>>, total: number, size: number): SVGElement {
  const stroke = Math.max(5, size * 0.2);
  const r = (size - stroke) / 2;
  const c = 2 * Math.PI * r;
  const centre = { r, cx: size / 2, cy: size / 2, fill: 'none', 'stroke-width': stroke };
  let offset = 0;
  const slices = total === 0
    ? [s('circle', { ...centre, stroke: '#b9c2c6' })]
    : (Object.entries(byCategory) as [CategoryId, number][]).filter(([, n]) => n > 0).map(([category, n]) => {
      const length = (n / total) * c;
      const slice = s('circle', {
        ...centre, stroke: CATEGORY_COLOURS[category] ?? '#757575',
        'stroke-dasharray': `${length} ${c - length}`, 'stroke-dashoffset': -offset, transform: `rotate(-90 ${size / 2} ${size / 2})`,
      });
      offset += length;
      return slice;
    });
  return s('svg', { width: size, height: size, viewBox: `0 0 ${size} ${size}`, 'aria-hidden': 'true' },
    s('circle', { r, cx: size / 2, cy: size / 2, fill: '#fff' }), ...slices,
    s('text', { x: '50%', y: '50%', dy: '0.35em', 'text-anchor': 'middle', class: 'kec-count' }, fmt(total)));
}
