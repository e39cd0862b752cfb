// The OpenAPI 3.1 document of the public JSON API (/api/openapi.json): /api/public/*, /api/meta,
// the public report routes under /api/reports, and the open data's JSON (/data/…). Written as
// a typed object: the answers are TypeScript interfaces in shared/ (PublicListItem, …), not
// valibot schemas, so a valibot-to-JSON-Schema converter would cover only the query side; the
// enums (categories, statuses) come from the same shared tables the validators use. The
// public objects are closed (`additionalProperties: false`): the tests validate real answers
// against this document, so a field leaking into a public answer fails them.
import { CATEGORY_IDS } from '../../shared/reference/categories.ts';
import { STATUSES } from '../../shared/reference/statuses.ts';
import type { Config } from '../config.ts';
import { linkBase } from '../http/links.ts';
import { LICENSE_NAME, LICENSE_URL } from '../opendata/catalog.ts';

/** A JSON Schema (2020-12, the OpenAPI 3.1 dialect) as written here. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null' | ('object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null')[];
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: readonly (string | number | null)[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  description?: string;
  oneOf?: JsonSchema[];
}

interface Parameter { name: string; in: 'query' | 'path' | 'header'; required?: boolean; description: string; schema: JsonSchema }
interface MediaResponse { description: string; content?: Record<string, { schema: JsonSchema }>; headers?: Record<string, { description: string; schema: JsonSchema }> }
interface Operation { operationId: string; summary: string; description?: string; tags: string[]; parameters?: Parameter[]; responses: Record<string, MediaResponse | { $ref: string }> }
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; summary: string; description: string; license: { name: string; url: string } };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<'get' | 'post', Operation>>>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, MediaResponse>; parameters: Record<string, Parameter> };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', ...(description ? { description } : {}), ...extra });
const int: JsonSchema = { type: 'integer', minimum: 0 };
const num: JsonSchema = { type: 'number' };
const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] });
const closed = (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => ({
  type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.includes(k)), additionalProperties: false,
});
const open = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', properties, required: Object.keys(properties) });
const json = (schema: JsonSchema, description: string): MediaResponse => ({ description, content: { 'application/json': { schema } } });
const countMap = (keys: readonly string[]): JsonSchema => ({ type: 'object', properties: Object.fromEntries(keys.map((k) => [k, int])), additionalProperties: false });

const STATUS_IDS = STATUSES.map((s) => s.id);
const KECAMATAN_CODE = '^\\d{2}\\.\\d{2}\\.\\d{2}$';
const DESA_CODE = '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$';
const ISO_INSTANT = { format: 'date-time' };

const SCHEMAS: Record<string, JsonSchema> = {
  CategoryId: { type: 'string', enum: CATEGORY_IDS, description: 'Kategori laporan / report category.' },
  StatusId: { type: 'string', enum: STATUS_IDS, description: 'Status laporan / report status.' },
  Point: closed({ lat: { type: 'number', minimum: -90, maximum: 90 }, lng: { type: 'number', minimum: -180, maximum: 180 } }),
  Place: closed({ code: str('Kode Kemendagri / Kemendagri code'), name: str() }),
  Error: closed({
    error: closed({
      code: str('Kode mesin / machine code'), message: str('Pesan dalam Bahasa Indonesia / message in Bahasa Indonesia'),
      fields: { type: 'object', additionalProperties: { type: 'string' } }, fieldCodes: { type: 'object', additionalProperties: { type: 'string' } },
    }, ['fields', 'fieldCodes']),
  }),
  PublicListItem: closed({
    publicId: str('Nomor laporan publik / public report number'),
    category: closed({ id: ref('CategoryId'), label: str() }),
    status: closed({ id: ref('StatusId'), label: str() }),
    agency: closed({ id: str(), name: str() }),
    kecamatan: ref('Place'),
    desa: ref('Place'),
    createdAt: str(undefined, ISO_INSTANT),
    updatedAt: str(undefined, ISO_INSTANT),
    supportCount: int,
    point: { ...nullable(ref('Point')), description: 'Titik GPS tepat (5 desimal, sekitar 1 m), hanya untuk laporan jalan / exact point (5 decimals, about 1 m), road reports only' },
  }),
  PublicListPage: closed({ items: { type: 'array', items: ref('PublicListItem') }, nextCursor: nullable(str('Untuk parameter `sebelum` / for the `sebelum` parameter')) }),
  PublicMapAnswer: closed({
    kecamatan: {
      type: 'array',
      items: closed({ code: str(), name: str(), centroid: nullable(ref('Point')), total: int, byCategory: countMap(CATEGORY_IDS), byStatus: countMap(STATUS_IDS) }),
    },
    pins: { type: 'array', items: closed({ publicId: str(), category: ref('CategoryId'), status: ref('StatusId'), lat: num, lng: num }) },
    truncated: { type: 'boolean' },
  }),
  PublicStatistics: closed({
    at: str(undefined, ISO_INSTANT),
    windows: { type: 'array', items: closed({ days: int, reported: int, answered: int, resolved: int }) },
    agencies: {
      type: 'array',
      items: closed({
        agencyId: str(), name: str(), reported: int, judged: int, answeredOnTime: int,
        onTimeShare: nullable({ type: 'number', minimum: 0, maximum: 1 }),
        medianHoursToVerify: nullable(num), medianHoursToResolve: nullable(num),
      }),
    },
    kecamatan: { type: 'array', items: closed({ code: str(), name: str(), reported: int, answered: int, resolved: int }) },
    trend: closed({ weeks: { type: 'array', items: closed({ weekStart: str(), total: int, closed: int, byCategory: countMap(CATEGORY_IDS) }) } }),
  }),
  TimelineEntry: closed({ type: str(), at: str(undefined, ISO_INSTANT), status: ref('StatusId'), message: str(), agencyId: str() }, ['status', 'message', 'agencyId']),
  TrackedReport: closed({
    publicId: str(), status: ref('StatusId'), statusLabel: str(), confidential: { type: 'boolean' },
    category: ref('CategoryId'), agency: closed({ id: str(), name: str() }), kecamatan: ref('Place'), desa: ref('Place'),
    description: str(), createdAt: str(undefined, ISO_INSTANT), updatedAt: str(undefined, ISO_INSTANT),
    verifyDueAt: str(undefined, ISO_INSTANT), followUpDueAt: nullable(str(undefined, ISO_INSTANT)), supportCount: int,
    duplicateOf: nullable(str()), feedback: nullable(closed({ rating: { type: 'integer', minimum: 1, maximum: 5 }, comment: str(), at: str(undefined, ISO_INSTANT) })),
    canGiveFeedback: { type: 'boolean' }, canReopenUntil: nullable(str(undefined, ISO_INSTANT)), timeline: { type: 'array', items: ref('TimelineEntry') },
  }, ['category', 'agency', 'kecamatan', 'desa', 'description', 'createdAt', 'verifyDueAt', 'followUpDueAt', 'supportCount', 'duplicateOf', 'feedback']),
  SupportAnswer: closed({ publicId: str(), supportCount: int, counted: { type: 'boolean', description: 'false: perangkat ini sudah mendukung / this device already supported it' } }),
  NearbyAnswer: closed({
    items: { type: 'array', items: closed({ publicId: str(), category: ref('CategoryId'), desa: ref('Place'), excerpt: str(), supportCount: int, createdAt: str(undefined, ISO_INSTANT), distanceM: nullable(num) }) },
  }),
  Meta: open({
    region: open({ code: str(), name: str(), kecamatan: { type: 'array', items: open({ code: { type: 'string', pattern: KECAMATAN_CODE }, name: str(), desa: { type: 'array', items: open({ code: { type: 'string', pattern: DESA_CODE }, name: str() }) } }) } }),
    agencies: { type: 'array', items: open({ id: str(), name: str(), nameEn: str(), parentId: nullable(str()), active: { type: 'boolean' } }) },
    categories: { type: 'array', items: open({ id: ref('CategoryId'), agencyId: str(), label: str(), labelEn: str() }) },
    statuses: { type: 'array', items: open({ id: ref('StatusId'), label: str(), labelEn: str(), closed: { type: 'boolean' } }) },
    fertiliser: open({ types: { type: 'array' }, het: { type: 'array' }, problems: { type: 'array' } }),
    jalan: open({ damageTypes: { type: 'array', items: str() } }),
    limits: open({ maxPhotos: int, maxPhotoBytes: int }),
    map: open({ tileUrl: str(), attribution: str() }),
  }),
  DcatCatalog: {
    ...open({ '@type': { type: 'string', enum: ['dcat:Catalog'] }, conformsTo: str(), dataset: { type: 'array', items: { type: 'object' } } }),
    description: 'DCAT-US 1.1 (Project Open Data); skema lengkap / full schema: https://resources.data.gov/schemas/dcat-us/v1.1/',
  },
  ReportFeatureCollection: closed({
    type: { type: 'string', enum: ['FeatureCollection'] },
    features: {
      type: 'array',
      items: closed({
        type: { type: 'string', enum: ['Feature'] },
        id: str('Nomor laporan publik'),
        geometry: nullable(closed({ type: { type: 'string', enum: ['Point'] }, coordinates: { type: 'array', items: num, description: '[bujur, lintang] / [lng, lat], WGS 84' } })),
        properties: { type: 'object', description: 'Kolom dataset "laporan" tanpa lintang/bujur; lihat /data/kamus/laporan.json / the dataset\'s columns' },
      }),
    },
  }),
  TableSchema: open({ fields: { type: 'array', items: { type: 'object', properties: { name: str(), type: str(), description: str(), unit: str() }, required: ['name', 'type', 'description'] } } }),
};

const FILTER_PARAMETERS: Parameter[] = [
  { name: 'kecamatan', in: 'query', description: 'Kode kecamatan (33.16.xx)', schema: { type: 'string', pattern: KECAMATAN_CODE } },
  { name: 'desa', in: 'query', description: 'Kode desa (33.16.xx.xxxx)', schema: { type: 'string', pattern: DESA_CODE } },
  { name: 'category', in: 'query', description: 'Kategori / category', schema: ref('CategoryId') },
  { name: 'status', in: 'query', description: 'Status', schema: ref('StatusId') },
];

const errors = (...statuses: string[]): Record<string, { $ref: string }> => Object.fromEntries(statuses.map((s) => [s, { $ref: `#/components/responses/Error${s}` }]));

export function openApiDocument(config: Pick<Config, 'publicUrl' | 'port'>): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Suara Warga — API publik',
      version: '1',
      summary: 'Laporan warga Kabupaten Blora yang boleh dilihat publik / the public API of the citizen complaint hotline.',
      description: 'Semua jawaban mengikuti aturan publik: tanpa nama, nomor HP atau kode lacak pelapor; laporan rahasia tidak pernah tampil. Pesan kesalahan dalam Bahasa Indonesia. / Every answer follows the public rules. Open311 GeoReport v2 is at /open311/v2/.',
      license: { name: LICENSE_NAME, url: LICENSE_URL },
    },
    servers: [{ url: linkBase(config) }],
    tags: [
      { name: 'publik', description: 'Daftar, peta dan statistik publik / public list, map, statistics' },
      { name: 'laporan', description: 'Laporan: lacak, dukung, di sekitar / track, support, nearby' },
      { name: 'data', description: 'Data terbuka / open data (DCAT-US 1.1)' },
    ],
    paths: {
      '/api/public/reports': { get: { operationId: 'listPublicReports', summary: 'Laporan publik, terbaru dulu / public reports, newest first', tags: ['publik'],
        parameters: [...FILTER_PARAMETERS, { name: 'sebelum', in: 'query', description: 'Kursor halaman berikut (nextCursor) / next page cursor', schema: { type: 'string' } }],
        responses: { 200: json(ref('PublicListPage'), 'Satu halaman / one page'), ...errors('422') } } },
      '/api/public/map': { get: { operationId: 'publicMap', summary: 'Jumlah per kecamatan dan titik laporan jalan / counts per kecamatan and road pins', tags: ['publik'],
        parameters: FILTER_PARAMETERS, responses: { 200: json(ref('PublicMapAnswer'), 'Peta publik / public map'), ...errors('422') } } },
      '/api/public/statistics': { get: { operationId: 'publicStatistics', summary: 'Statistik publik (/statistik) / public statistics', tags: ['publik'],
        responses: { 200: json(ref('PublicStatistics'), 'Statistik / statistics') } } },
      '/api/meta': { get: { operationId: 'meta', summary: 'Data rujukan: wilayah, dinas, kategori, status / reference data', tags: ['publik'],
        responses: { 200: json(ref('Meta'), 'Data rujukan / reference data') } } },
      '/api/reports/nearby': { get: { operationId: 'nearbyReports', summary: 'Laporan terbuka serupa di sekitar (untuk "dukung saja") / similar open reports nearby', tags: ['laporan'],
        parameters: [
          { name: 'category', in: 'query', required: true, description: 'Kategori', schema: ref('CategoryId') },
          { name: 'desa', in: 'query', description: 'Kode desa', schema: { type: 'string' } },
          { name: 'lat', in: 'query', description: 'Lintang / latitude (with lng)', schema: { type: 'number', minimum: -90, maximum: 90 } },
          { name: 'lng', in: 'query', description: 'Bujur / longitude (with lat)', schema: { type: 'number', minimum: -180, maximum: 180 } },
        ],
        responses: { 200: json(ref('NearbyAnswer'), 'Laporan serupa / similar reports'), ...errors('422', '429') } } },
      '/api/reports/{code}': { get: { operationId: 'trackReport', summary: 'Lacak laporan dengan kode lacak (rahasia pelapor) / track a report by its tracking code', tags: ['laporan'],
        description: 'Kode lacak hanya dimiliki pelapor; jangan dibagikan. Laporan rahasia hanya menampilkan statusnya. / The tracking code is the reporter\'s secret.',
        parameters: [{ name: 'code', in: 'path', required: true, description: 'Kode lacak, misalnya 7KQM-3XRT-9PWA', schema: { type: 'string' } }],
        responses: { 200: json(ref('TrackedReport'), 'Laporan / the report'), ...errors('404', '429') } } },
      '/api/reports/{publicId}/support': { post: { operationId: 'supportReport', summary: '"Dukung" laporan, sekali per perangkat / support a report, once per device', tags: ['laporan'],
        description: 'Hanya dari situs ini (pemeriksaan Origin); cookie perangkat menghitung satu dukungan. / Same origin only.',
        parameters: [{ name: 'publicId', in: 'path', required: true, description: 'Nomor laporan publik', schema: { type: 'string' } }],
        responses: { 200: json(ref('SupportAnswer'), 'Dukungan / support'), ...errors('403', '404', '429') } } },
      '/data/data.json': { get: { operationId: 'openDataCatalog', summary: 'Katalog data terbuka (DCAT-US 1.1) / open-data catalogue', tags: ['data'],
        responses: { 200: json(ref('DcatCatalog'), 'Katalog / catalogue') } } },
      '/data/kamus/{dataset}.json': { get: { operationId: 'dataDictionary', summary: 'Kamus data satu dataset (Table Schema) / a dataset\'s data dictionary', tags: ['data'],
        parameters: [{ name: 'dataset', in: 'path', required: true, description: 'laporan, jumlah-bulanan, kinerja-dinas', schema: { type: 'string', enum: ['laporan', 'jumlah-bulanan', 'kinerja-dinas'] } }],
        responses: { 200: json(ref('TableSchema'), 'Kamus data / data dictionary'), ...errors('404') } } },
      '/data/laporan.geojson': { get: { operationId: 'openDataReportsGeoJson', summary: 'Laporan publik sebagai GeoJSON (RFC 7946), dialirkan / public reports as GeoJSON, streamed', tags: ['data'],
        responses: { 200: { description: 'FeatureCollection', content: { 'application/geo+json': { schema: ref('ReportFeatureCollection') } } }, ...errors('429') } } },
      ...Object.fromEntries(['laporan', 'jumlah-bulanan', 'kinerja-dinas'].map((id) => [`/data/${id}.csv`, { get: {
        operationId: `openData${id.replace(/(^|-)(\w)/g, (_m: string, _d: string, c: string) => c.toUpperCase())}Csv`,
        summary: `Dataset "${id}" sebagai CSV (UTF-8 dengan BOM, CRLF), dialirkan / as CSV, streamed`, tags: ['data'],
        responses: { 200: { description: `Kolom: /data/kamus/${id}.json`, content: { 'text/csv': { schema: { type: 'string' } } } }, ...errors('429') },
      } }])),
      '/api/openapi.json': { get: { operationId: 'openApi', summary: 'Dokumen ini / this document', tags: ['data'],
        responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1') } } },
    },
    components: {
      schemas: SCHEMAS,
      parameters: {},
      responses: Object.fromEntries(['403', '404', '422', '429'].map((s) => [`Error${s}`, json(ref('Error'), s === '422' ? 'Masukan tidak sah / invalid input' : s === '404' ? 'Tidak ditemukan / not found' : s === '403' ? 'Bukan dari situs ini / cross-origin' : 'Terlalu sering / rate limited')])),
    },
  };
}
