// /data/data.json: the catalogue in DCAT-US 1.1 (Project Open Data), the schema CKAN's
// data.json harvester (ckanext-datajson, non-federal profile) reads, so a regency CKAN portal
// (Blora Satu Data) can harvest these datasets. Every link is absolute, from PUBLIC_URL.
import type { Deps } from '../deps.ts';
import { absoluteUrl } from '../http/links.ts';
import { DATASETS, type DatasetSpec, type DistributionFormat } from './dictionary.ts';

export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
export const LICENSE_NAME = 'CC BY 4.0';
const DCAT_US_SCHEMA = 'https://resources.data.gov/schemas/dcat-us/v1.1/schema';

const MEDIA: Record<DistributionFormat, { mediaType: string; format: string }> = {
  csv: { mediaType: 'text/csv', format: 'CSV' },
  geojson: { mediaType: 'application/geo+json', format: 'GeoJSON' },
};

export function downloadPath(id: DatasetSpec['id'], format: DistributionFormat): string {
  return `/data/${id}.${format}`;
}

export function dictionaryPath(id: DatasetSpec['id']): string {
  return `/data/kamus/${id}.json`;
}

type CatalogDeps = Pick<Deps, 'store' | 'catalog' | 'config' | 'clock'>;

/** When the data last changed: the newest event (every change of a report is one). */
async function lastChange(deps: CatalogDeps): Promise<string> {
  const seq = await deps.store.lastSeq();
  const [event] = seq > 0 ? await deps.store.eventsAfter(seq - 1, 1) : [];
  return event?.at ?? deps.clock().toISOString();
}

export async function dataJson(deps: CatalogDeps) {
  const url = (path: string) => absoluteUrl(deps.config, path);
  const region = deps.catalog.region;
  const modified = await lastChange(deps);
  const publisher = { '@type': 'org:Organization', name: `Pemerintah ${region.name}` };
  const contactPoint = { '@type': 'vcard:Contact', fn: `Dinas Komunikasi dan Informatika ${region.name}` };
  return {
    '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    '@id': url('/data/data.json'),
    '@type': 'dcat:Catalog',
    conformsTo: DCAT_US_SCHEMA,
    describedBy: `${DCAT_US_SCHEMA}/catalog.json`,
    dataset: DATASETS.map((d) => ({
      '@type': 'dcat:Dataset',
      title: d.title,
      description: d.description,
      keyword: d.keywords,
      modified,
      publisher,
      contactPoint,
      identifier: url(`/data#${d.id}`),
      accessLevel: 'public',
      license: LICENSE_URL,
      rights: `Terbuka untuk siapa saja dengan lisensi ${LICENSE_NAME}: cantumkan "Suara Warga, ${region.name}". / Open to anyone under ${LICENSE_NAME}.`,
      spatial: `${region.name} (kode Kemendagri ${region.code})`,
      accrualPeriodicity: d.accrualPeriodicity,
      language: ['id'],
      landingPage: url(`/data#${d.id}`),
      describedBy: url(dictionaryPath(d.id)),
      describedByType: 'application/json',
      theme: ['Pelayanan publik'],
      distribution: d.formats.map((f) => ({
        '@type': 'dcat:Distribution',
        title: `${d.title} (${MEDIA[f].format})`,
        downloadURL: url(downloadPath(d.id, f)),
        mediaType: MEDIA[f].mediaType,
        format: MEDIA[f].format,
        describedBy: url(dictionaryPath(d.id)),
        describedByType: 'application/json',
      })),
    })),
  };
}

export type DataJson = Awaited<ReturnType<typeof dataJson>>;
