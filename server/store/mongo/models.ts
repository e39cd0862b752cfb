import type { Connection, Model } from 'mongoose';
import {
  counterSchema, eventSchema, reportSchema, sessionSchema, settingSchema, userSchema,
  type CounterDoc, type EventDoc, type ReportDoc, type SessionDoc, type SettingDoc, type UserDoc,
} from './schemas.ts';

export interface Models {
  Report: Model<ReportDoc>;
  Event: Model<EventDoc>;
  User: Model<UserDoc>;
  Session: Model<SessionDoc>;
  Setting: Model<SettingDoc>;
  Counter: Model<CounterDoc>;
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
