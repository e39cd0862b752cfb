// The kecamatan marker: a ring chart of categories around the count, as inline SVG markup.
import { CATEGORY_COLOURS } from '../../shared/map.ts';
import type { CategoryId } from '../../shared/types.ts';
import { esc, fmt } from './text.ts';

/** Marker diameter in px: area grows with the count, so a big kecamatan does not swamp the map. */
export function ringSize(count: number, max: number): number {
  if (count === 0) return 26;
  return Math.round(30 + 34 * Math.sqrt(count / Math.max(max, 1)));
}

export function ringSvg(byCategory: Partial<Record<CategoryId, number>>, total: number, size: number): string {
  const stroke = Math.max(5, size * 0.2);
  const r = (size - stroke) / 2;
  const c = 2 * Math.PI * r;
  let offset = 0;
  const slices = total === 0
    ? [`<circle r="${r}" cx="${size / 2}" cy="${size / 2}" fill="none" stroke="#b9c2c6" stroke-width="${stroke}"/>`]
    : (Object.entries(byCategory) as [CategoryId, number][]).filter(([, n]) => n > 0).map(([category, n]) => {
      const length = (n / total) * c;
      const slice = `<circle r="${r}" cx="${size / 2}" cy="${size / 2}" fill="none" stroke="${CATEGORY_COLOURS[category] ?? '#757575'}" stroke-width="${stroke}"
        stroke-dasharray="${length} ${c - length}" stroke-dashoffset="${-offset}" transform="rotate(-90 ${size / 2} ${size / 2})"/>`;
      offset += length;
      return slice;
    });
  return `<svg width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true">
    <circle r="${r}" cx="${size / 2}" cy="${size / 2}" fill="#fff"/>${slices.join('')}
    <text x="50%" y="50%" dy="0.35em" text-anchor="middle" class="kec-count">${esc(fmt(total))}</text></svg>`;
}
