// Suara Warga's reports and categories as GeoReport v2 documents (./xml.ts renders them as XML
// or JSON). What a request shows of a report is decided by the public rules
// (server/public/rules.ts) and their public timeline, never here: this file only renames.
import { isClosed } from '../../shared/reference/statuses.ts';
import type { CategoryId, Report, ReportEvent } from '../../shared/types.ts';
import type { Config } from '../config.ts';
import { absoluteUrl } from '../http/links.ts';
import { publicTimeline } from '../public/presenter.ts';
import { publicPhotos, publicPoint, publicText } from '../public/rules.ts';
import type { Catalog } from '../reference/catalog.ts';
import { DEFINITIONS_CHANGESET, SERVICE_ATTRIBUTES } from './definitions.ts';
import type { DocObject, Document } from './xml.ts';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
export const OPEN311_PATH = '/open311/v2';

type LinkConfig = Pick<Config, 'publicUrl' | 'port' | 'open311'>;

export function discoveryDoc(config: LinkConfig): Document {
  return {
    root: 'discovery',
    body: {
      changeset: DEFINITIONS_CHANGESET,
      contact: config.open311.contact,
      key_service: `${config.open311.contact} Admin membuat kunci dengan: npm run cli -- apikey add --name "NAMA MITRA".`,
      endpoints: [{
        specification: SPECIFICATION,
        url: absoluteUrl(config, OPEN311_PATH),
        changeset: DEFINITIONS_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      }],
    },
  };
}

function categoryOf(catalog: Catalog, id: CategoryId) {
  return catalog.categories.find((c) => c.id === id);
}

export function servicesDoc(catalog: Catalog): Document {
  return {
    root: 'services',
    body: catalog.categories.map((c) => {
      const agency = catalog.agency(c.agencyId)?.name ?? c.agencyId;
      return {
        service_code: c.id,
        service_name: c.label,
        description: `${c.label} (${c.labelEn}). Ditangani oleh ${agency}.`,
        metadata: SERVICE_ATTRIBUTES[c.id].length > 0,
        type: 'realtime',
        keywords: [c.label, c.labelEn].join(', ').toLowerCase(),
        group: agency,
      };
    }),
  };
}

export function definitionDoc(category: CategoryId): Document {
  return {
    root: 'service_definition',
    body: {
      service_code: category,
      attributes: SERVICE_ATTRIBUTES[category].map((a, i) => ({
        variable: true,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatype_description,
        order: i + 1,
        description: a.description,
        values: a.values?.map((v) => ({ key: v.key, name: v.name })),
      })),
    },
  };
}

/** What the POST answers: the public id, and the reporter's secret code, here and nowhere else. */
export function createdDoc(report: Report, trackingCode: string | null, catalog: Catalog): Document {
  const agency = catalog.agency(report.agencyId)?.name ?? report.agencyId;
  return {
    root: 'service_requests',
    body: [{
      service_request_id: report.publicId,
      service_notice: `Laporan diteruskan ke ${agency} dan diverifikasi paling lambat ${report.verifyDueAt}. Berikan tracking_code kepada pelapor: hanya dengan kode itu ia bisa melacak laporannya.`,
      account_id: null,
      // Extension (not in GeoReport v2): the reporter's tracking code, shown once.
      tracking_code: trackingCode,
    }],
  };
}

/** Replies and resolution or rejection notes the public may read (the public timeline's rules). */
const NOTE_EVENTS = new Set<ReportEvent['type']>(['report.replied', 'report.resolved', 'report.rejected']);

function statusNotes(report: Report, events: ReportEvent[]): string | null {
  const notes = publicTimeline(report, events).filter((e) => NOTE_EVENTS.has(e.type) && e.message);
  return notes.at(-1)?.message ?? null;
}

/** One request as the public rules show it; element names and order as the spec's example. */
export function requestItem(report: Report, events: ReportEvent[], catalog: Catalog, config: LinkConfig): DocObject {
  const point = publicPoint(report);
  const photo = publicPhotos(report)[0];
  return {
    service_request_id: report.publicId,
    status: isClosed(report.status) ? 'closed' : 'open',
    status_notes: statusNotes(report, events),
    service_name: categoryOf(catalog, report.category)?.label ?? report.category,
    service_code: report.category,
    description: publicText(report),
    agency_responsible: catalog.agency(report.agencyId)?.name ?? report.agencyId,
    service_notice: null,
    requested_datetime: report.createdAt,
    updated_datetime: report.updatedAt,
    expected_datetime: report.dueAt,
    address: `Desa ${catalog.desaName(report.desa)}, Kecamatan ${catalog.kecamatanName(report.kecamatan)}, ${catalog.region.name}`,
    // The Kemendagri code of the desa: the regency's own address register.
    address_id: report.desa,
    zipcode: null,
    lat: point?.lat ?? null,
    long: point?.lng ?? null,
    media_url: photo ? absoluteUrl(config, `/media/${photo.id}.jpg`) : null,
  };
}

/**
 * A confidential request read by the key that sent it: its status and nothing of its content,
 * as its reporter's tracking page shows it. Same elements, the rest empty.
 */
export function statusOnlyItem(report: Report, catalog: Catalog): DocObject {
  return {
    service_request_id: report.publicId,
    status: isClosed(report.status) ? 'closed' : 'open',
    status_notes: null,
    service_name: categoryOf(catalog, report.category)?.label ?? report.category,
    service_code: report.category,
    description: null,
    agency_responsible: null,
    service_notice: null,
    requested_datetime: report.createdAt,
    updated_datetime: report.updatedAt,
    expected_datetime: null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

export function requestsDoc(items: DocObject[]): Document {
  return { root: 'service_requests', body: items };
}

/** tokens/{token}: our requests are made at once, so a token is the request's own id (README, Open311). */
export function tokenDoc(publicId: string): Document {
  return { root: 'service_requests', body: [{ service_request_id: publicId, token: publicId }] };
}
