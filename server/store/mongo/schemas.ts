// The shape of every MongoDB collection and the indexes its queries need. Models are bound to
// a connection in ./models.ts; indexes are built once at start (MongoStore.connect), never
// in the background by mongoose (autoIndex off), so a missing index fails the start loudly.
import { Schema, type SchemaOptions } from 'mongoose';
import type { NgopiSession } from '../../../shared/ngopi.ts';
import type { Report, ReportEvent } from '../../../shared/types.ts';
import type { AreaFeature } from '../../../shared/geo.ts';
import type { AuditEntry, SessionRecord, UserRecord } from '../port.ts';

/** A stored report: the domain Report; `_id` is mongoose's ObjectId and never leaves the store. */
export type ReportDoc = Report;
/** Reads of reports return the domain Report: no `_id`. */
export const REPORT_PROJECTION = { _id: 0 } as const;
/** An event as stored: its `seq` is taken from the counter in the same transaction. */
export type EventDoc = ReportEvent;
/** `usernameKey` is the lowercased username: the unique, case-insensitive login name. */
export interface UserDoc extends Omit<UserRecord, 'id'> { _id: string; usernameKey: string }
export interface SessionDoc extends Omit<SessionRecord, 'id'> { _id: string }
export interface SettingDoc { _id: string; value: unknown }
export interface CounterDoc { _id: string; value: number }
/** An audit entry; `n` orders the trail (taken from the `audit` counter). */
export interface AuditDoc extends Omit<AuditEntry, 'id'> { _id: string; n: number }
export interface NgopiSessionDoc extends Omit<NgopiSession, 'id'> { _id: string }
/** One device's "dukung" of one report; the unique index makes it count once. */
export interface SupportDoc { reportId: string; deviceId: string }

// strict 'throw': a field the schema does not know is refused instead of silently dropped, so a
// new Report field without a schema change fails in tests, not in production data.
// minimize false: an empty `details: {}` or `data: {}` is kept, as the SQLite store keeps it.
// autoIndex/autoCreate false: see the header.
const common = { strict: 'throw', minimize: false, versionKey: false, autoIndex: false, autoCreate: false, id: false } as const satisfies SchemaOptions;

const str = { type: String };
const num = { type: Number };
const bool = { type: Boolean };
const mixed = { type: Schema.Types.Mixed };

// `satisfies Record<keyof ReportDoc, unknown>`: the compiler insists every Report field is listed.
const reportFields = {
  publicId: { type: String, required: true },
  codeHash: { type: String, required: true },
  codeSeal: str,
  clientId: str,
  category: str,
  agencyId: str,
  status: str,
  description: str,
  kecamatan: str,
  desa: str,
  lat: num,
  lng: num,
  reporterName: str,
  reporterPhone: str,
  anonymous: bool,
  notifyConsent: bool,
  confidential: bool,
  // Free-form per category; stored as given (already JSON-clean, see mongo-store.ts).
  details: mixed,
  photos: mixed,
  assigneeId: str,
  duplicateOf: str,
  feedback: mixed,
  supportCount: num,
  createdAt: { type: String, required: true },
  updatedAt: str,
  verifiedAt: str,
  resolvedAt: str,
  verifyDueAt: str,
  followUpDueAt: str,
  dueAt: str,
  overdueNotified: bool,
  // Set when the reported kecamatan or desa disagrees with the GPS point (server/places/places.ts).
  locationMismatch: mixed,
  // web, whatsapp, sms, ngopi, open311 (absent on older reports: web).
  channel: str,
  // Open311: the partner, how the place was found, its media link (shared/types.ts ReportOrigin).
  origin: mixed,
  // Open311's email, under the anonymity rule (absent when none was given).
  reporterEmail: str,
  // The officer's redacted text for the public pages (server/public/rules.ts).
  publicDescription: str,
  version: num,
  // The first answer time, kept by the write path (server/reports/answered-at.ts).
  answeredAt: str,
} satisfies Record<keyof ReportDoc, unknown>;

export const reportSchema = new Schema<ReportDoc>(reportFields, { ...common, collection: 'reports' });
reportSchema.index({ publicId: 1 }, { unique: true });
reportSchema.index({ codeHash: 1 }, { unique: true });
// Partial, not sparse: most reports store clientId null, and a sparse index still indexes nulls.
// `$gt: ''` selects exactly the strings (comparisons never cross types) and, unlike `$type`, is a
// filter the planner documentedly sees implied by `{ clientId: '<uuid>' }`, so lookups use it.
reportSchema.index({ clientId: 1 }, { unique: true, partialFilterExpression: { clientId: { $gt: '' } } });
// Aspirations of one Ngopi Bareng session (partial: only aspirations carry a session).
reportSchema.index({ 'details.session': 1, createdAt: -1, publicId: -1 }, { partialFilterExpression: { 'details.session': { $gt: '' } } });
// The desk list: newest first (createdAt desc, publicId desc, the cursor's order), by each filter.
reportSchema.index({ createdAt: -1, publicId: -1 });
reportSchema.index({ agencyId: 1, createdAt: -1, publicId: -1 });
reportSchema.index({ kecamatan: 1, createdAt: -1, publicId: -1 });
reportSchema.index({ status: 1, createdAt: -1, publicId: -1 });
reportSchema.index({ category: 1, createdAt: -1, publicId: -1 });
// Overdue sweeps ({ dueAt: { $lt: now } }). Not partial: `$lt` does not imply a partial filter such
// as `$type: 'string'`, so the planner could not use one; the nulls of closed reports cost little.
reportSchema.index({ dueAt: 1 });
// The map's pins within a bbox (lng and lat ranges, see report-query.ts).
reportSchema.index({ lng: 1, lat: 1 });
// A kecamatan's pins (public map): its reports by category, newest first. Not partial, for the
// reason the deadline index is not: \`$ne: null\` does not imply \`$type: 'number'\`.
reportSchema.index({ kecamatan: 1, category: 1, createdAt: -1, publicId: -1 });
// /media/<photoId>.jpg looks up the report that owns the photo (multikey over the photos array).
reportSchema.index({ 'photos.id': 1 });

const eventFields = {
  seq: { type: Number, required: true },
  // A path named `type` must be spelled { type: String }, or mongoose reads it as the path's type.
  type: { type: String, required: true },
  reportId: { type: String, required: true },
  at: str,
  actor: mixed,
  rooms: { type: [String] },
  data: mixed,
  summary: mixed,
  previous: mixed,
} satisfies Record<keyof ReportEvent, unknown>;

export const eventSchema = new Schema<EventDoc>(eventFields, { ...common, collection: 'events' });
eventSchema.index({ seq: 1 }, { unique: true });
eventSchema.index({ reportId: 1, seq: 1 });
// Replay for a desk: events after a seq in any of its rooms (multikey over rooms).
eventSchema.index({ rooms: 1, seq: 1 });

const userFields = {
  _id: str,
  username: str,
  usernameKey: str,
  name: str,
  role: str,
  agencyId: str,
  kecamatan: str,
  passwordHash: str,
  disabled: bool,
  createdAt: str,
  mustChangePassword: { type: Boolean },
} satisfies Record<keyof UserDoc, unknown>;

export const userSchema = new Schema<UserDoc>(userFields, { ...common, collection: 'users' });
userSchema.index({ usernameKey: 1 }, { unique: true });

const sessionFields = {
  _id: str,
  userId: str,
  createdAt: str,
  lastSeenAt: str,
  expiresAt: str,
} satisfies Record<keyof SessionDoc, unknown>;

export const sessionSchema = new Schema<SessionDoc>(sessionFields, { ...common, collection: 'sessions' });
sessionSchema.index({ userId: 1 });

// Settings are found by key, which is the _id: no further index.
export const settingSchema = new Schema<SettingDoc>({ _id: str, value: mixed }, { ...common, collection: 'settings' });

const auditFields = {
  _id: str, n: num, at: str, actor: mixed, action: str, target: str, before: mixed, after: mixed,
} satisfies Record<keyof AuditDoc, unknown>;
export const auditSchema = new Schema<AuditDoc>(auditFields, { ...common, collection: 'audit_log' });
auditSchema.index({ n: -1 }, { unique: true });

// One document per imported area (kecamatan or desa), _id its code; listed by level.
export interface AreaDoc extends Omit<AreaFeature, 'code'> { _id: string }
const areaFields = {
  _id: str, level: str, name: str, geometry: mixed, bounds: mixed, centroid: mixed,
} satisfies Record<keyof AreaDoc, unknown>;
export const areaSchema = new Schema<AreaDoc>(areaFields, { ...common, collection: 'areas' });
areaSchema.index({ level: 1, _id: 1 });

// One document per counter (`eventSeq`); see nextSeq in mongo-store.ts for why it orders commits.
export const counterSchema = new Schema<CounterDoc>({ _id: str, value: num }, { ...common, collection: 'counters' });

/** One read-model counter (see CounterDelta in ../port.ts); the unique key is every field but value. */
export interface ReadCounterDoc { grain: string; name: string; bucket: string; agencyId: string; kecamatan: string; category: string; status: string; confidential: boolean; value: number }
export const readCounterSchema = new Schema<ReadCounterDoc>({
  grain: str, name: str, bucket: str, agencyId: str, kecamatan: str, category: str, status: str, confidential: bool, value: num,
} satisfies Record<keyof ReadCounterDoc, unknown>, { ...common, collection: 'readmodel_counters' });
// Leads with grain and name, as every read asks for them (the same order as SQLite's key).
readCounterSchema.index({ grain: 1, name: 1, bucket: 1, agencyId: 1, kecamatan: 1, category: 1, status: 1, confidential: 1 }, { unique: true });

const ngopiSessionFields = {
  _id: str,
  title: str,
  startsAt: { type: String, required: true },
  endsAt: str,
  mode: str,
  kecamatan: str,
  desa: str,
  venue: str,
  link: str,
  topic: str,
  facilitator: str,
  createdBy: str,
  createdAt: str,
  updatedAt: str,
} satisfies Record<keyof NgopiSessionDoc, unknown>;

export const ngopiSessionSchema = new Schema<NgopiSessionDoc>(ngopiSessionFields, { ...common, collection: 'ngopi_sessions' });
ngopiSessionSchema.index({ startsAt: -1, _id: -1 });

export const supportSchema = new Schema<SupportDoc>({ reportId: str, deviceId: str } satisfies Record<keyof SupportDoc, unknown>, { ...common, collection: 'report_supports' });
supportSchema.index({ reportId: 1, deviceId: 1 }, { unique: true });
