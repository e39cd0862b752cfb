import type { Connection, Model } from 'mongoose';
import {
  areaSchema,
  auditSchema, counterSchema, eventSchema, ngopiSessionSchema, readCounterSchema, reportSchema, sessionSchema, settingSchema, supportSchema, userSchema,
  type AreaDoc, type AuditDoc, type CounterDoc, type EventDoc, type NgopiSessionDoc, type ReadCounterDoc, type ReportDoc, type SessionDoc, type SettingDoc, type SupportDoc, type UserDoc,
} from './schemas.ts';

export interface Models {
  Report: Model<ReportDoc>;
  Event: Model<EventDoc>;
  User: Model<UserDoc>;
  Session: Model<SessionDoc>;
  Setting: Model<SettingDoc>;
  Counter: Model<CounterDoc>;
  NgopiSession: Model<NgopiSessionDoc>;
  Support: Model<SupportDoc>;
  Audit: Model<AuditDoc>;
  ReadCounter: Model<ReadCounterDoc>;
  Area: Model<AreaDoc>;
}

/** Models belong to one connection (not the global mongoose), so tests can open several stores. */
export function bindModels(connection: Connection): Models {
  return {
    Report: connection.model<ReportDoc>('Report', reportSchema),
    Event: connection.model<EventDoc>('Event', eventSchema),
    User: connection.model<UserDoc>('User', userSchema),
    Session: connection.model<SessionDoc>('Session', sessionSchema),
    Setting: connection.model<SettingDoc>('Setting', settingSchema),
    Counter: connection.model<CounterDoc>('Counter', counterSchema),
    NgopiSession: connection.model<NgopiSessionDoc>('NgopiSession', ngopiSessionSchema),
    Support: connection.model<SupportDoc>('Support', supportSchema),
    Audit: connection.model<AuditDoc>('Audit', auditSchema),
    ReadCounter: connection.model<ReadCounterDoc>('ReadCounter', readCounterSchema),
    Area: connection.model<AreaDoc>('Area', areaSchema),
  };
}

/** Creates each collection (transactions cannot create them on older servers) and its indexes. */
export async function prepareCollections(models: Models): Promise<void> {
  for (const model of Object.values(models) as Model<unknown>[]) {
    await model.createCollection();
    // createIndexes only adds: unlike syncIndexes it never drops an index another (newer or
    // older) process still relies on during a rolling restart.
    await model.createIndexes();
  }
}
