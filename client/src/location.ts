// Kecamatan → desa selects work from the page itself (the server rendered every desa in
// optgroups), so they work offline and need no data request. The same markup gives the
// client its copy of the region for validation.
import type { Region } from '../../shared/types.ts';
import { t } from './i18n.ts';

export interface LocationParts { kecamatan: HTMLSelectElement; desa: HTMLSelectElement; lat: HTMLInputElement; lng: HTMLInputElement; status: HTMLElement; fieldset: HTMLElement }

export function regionFromPage(p: LocationParts): Region {
  const groups = [...p.desa.querySelectorAll('optgroup')];
  const b = p.fieldset.dataset.bounds?.split(',').map(Number);
  return {
    code: '', name: '', source: 'page',
    bounds: b && b.length === 4 ? { minLat: b[0], maxLat: b[1], minLng: b[2], maxLng: b[3] } : null,
    kecamatan: [...p.kecamatan.options].filter((o) => o.value).map((o) => {
      const c = o.dataset.c?.split(',').map(Number);
      const group = groups.find((g) => g.dataset.k === o.value);
      return {
        code: o.value, name: o.text, centroid: c ? { lat: c[0], lng: c[1] } : null,
        desa: [...(group?.querySelectorAll('option') ?? [])].map((d) => ({ code: d.value, name: d.text })),
      };
    }),
  };
}

/** Shows only the desa of the chosen kecamatan (hiding options is unreliable on Android pickers). */
export function linkSelects(p: LocationParts): () => void {
  const groups = [...p.desa.querySelectorAll('optgroup')].map((g) => g.cloneNode(true) as HTMLOptGroupElement);
  const blank = p.desa.options[0].cloneNode(true) as HTMLOptionElement;
  const refill = () => {
    const keep = p.desa.value;
    const group = groups.find((g) => g.dataset.k === p.kecamatan.value);
    p.desa.replaceChildren(blank.cloneNode(true), ...(group ? [...group.children].map((o) => o.cloneNode(true)) : []));
    p.desa.value = keep;
    if (p.desa.value !== keep) p.desa.value = '';
  };
  p.kecamatan.addEventListener('change', refill);
  refill();
  return refill;
}

function distanceSq(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  // Blora spans half a degree; an equirectangular distance orders centroids correctly.
  const dLng = (a.lng - b.lng) * Math.cos((a.lat * Math.PI) / 180);
  return (a.lat - b.lat) ** 2 + dLng ** 2;
}

export function nearestKecamatan(region: Region, at: { lat: number; lng: number }) {
  let best: Region['kecamatan'][number] | null = null;
  for (const k of region.kecamatan) if (k.centroid && (!best || distanceSq(at, k.centroid) < distanceSq(at, best.centroid!))) best = k;
  return best;
}

export function inRegion(region: Region, at: { lat: number; lng: number }): boolean {
  const b = region.bounds;
  return !b || (at.lat >= b.minLat && at.lat <= b.maxLat && at.lng >= b.minLng && at.lng <= b.maxLng);
}

interface PointPlace { kecamatan: { code: string; name: string }; desa: { code: string; name: string } | null }

/** The kecamatan and desa the server's boundaries put the point in; null when offline or nowhere. */
async function placeAt(at: { lat: number; lng: number }): Promise<PointPlace | null> {
  try {
    const res = await fetch(`/api/places/at?lat=${at.lat.toFixed(6)}&lng=${at.lng.toFixed(6)}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) return null;
    const body = (await res.json()) as { place: PointPlace | null };
    return body.place;
  } catch {
    return null;
  }
}

/**
 * Sets the point; preselects the kecamatan and desa it lies in (by the server's boundaries) and
 * says so. Offline, or where the boundaries know nothing, the kecamatan with the nearest centre.
 */
export function setPoint(p: LocationParts, region: Region, at: { lat: number; lng: number }, refill: () => void, chooseKecamatan: boolean): boolean {
  if (!inRegion(region, at)) {
    p.status.textContent = t('geoOutside');
    return false;
  }
  p.lat.value = at.lat.toFixed(6);
  p.lng.value = at.lng.toFixed(6);
  if (chooseKecamatan) {
    void placeAt(at).then((place) => {
      // The citizen may have chosen by hand meanwhile: their choice wins.
      if (p.lat.value !== at.lat.toFixed(6) || p.lng.value !== at.lng.toFixed(6)) return;
      if (place && [...p.kecamatan.options].some((o) => o.value === place.kecamatan.code)) {
        p.kecamatan.value = place.kecamatan.code;
        refill();
        if (place.desa) p.desa.value = place.desa.code;
        p.status.textContent = place.desa && p.desa.value === place.desa.code
          ? t('geoFound', { kec: place.kecamatan.name, desa: place.desa.name })
          : t('geoNearest', { kec: place.kecamatan.name });
        return;
      }
      const k = nearestKecamatan(region, at);
      if (!k) return;
      p.kecamatan.value = k.code;
      refill();
      p.status.textContent = t('geoNearest', { kec: k.name });
    });
  }
  p.lat.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}

export function useMyLocation(p: LocationParts, region: Region, refill: () => void): void {
  if (!navigator.geolocation) {
    p.status.textContent = t('geoFailed');
    return;
  }
  p.status.textContent = t('geoAsking');
  navigator.geolocation.getCurrentPosition(
    (pos) => setPoint(p, region, { lat: pos.coords.latitude, lng: pos.coords.longitude }, refill, true),
    () => { p.status.textContent = t('geoFailed'); },
    { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
  );
}
