// The one way a setting changes: compared against what the editor saw (ETag), written with its
// audit entry over the settings version this process read (so a change made meanwhile by
// another process or the CLI is never silently overwritten), then reloaded here.
import { createHash } from 'node:crypto';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { Catalog } from '../reference/catalog.ts';
import { auditEntry } from '../audit/entry.ts';
import { announceSettingsChange } from './nudge.ts';
import { SettingsVersionConflictError, type AuditActor } from '../store/port.ts';

/** `redis` and `logger` only to nudge other processes (the CLI has neither). */
type SaveDeps = Pick<Deps, 'store' | 'catalog' | 'clock'> & Partial<Pick<Deps, 'redis' | 'logger'>>;

/** A strong ETag of a table's content: the same on every process for the same settings. */
export function etagOf(value: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22)}"`;
}

export interface SettingChange<T> {
  key: string;
  /** Audit action, e.g. `routing.update`. */
  action: string;
  /** The table as the running catalog has it (what an editor was shown). */
  current: (catalog: Catalog) => T;
  /** The new table, checked against the catalog it will replace (throws a 422 naming what is wrong). */
  next: (catalog: Catalog) => T;
  /** The ETag the editor saw (If-Match); undefined for the CLI, which edits what is there. */
  ifMatch?: string;
}

const ATTEMPTS = 5;

export async function saveSetting<T>(deps: SaveDeps, actor: AuditActor, change: SettingChange<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    await deps.catalog.ensureFresh();
    const before = change.current(deps.catalog);
    if (change.ifMatch !== undefined && change.ifMatch !== etagOf(before)) throw new AppError('settings_changed', { status: 412 });
    const after = change.next(deps.catalog);
    try {
      await deps.store.putSetting(change.key, after, auditEntry(deps.clock(), actor, change.action, change.key, before, after), { ifVersion: deps.catalog.version });
    } catch (err) {
      // Another setting (or this one) changed since we read: read again and decide again.
      if (!(err instanceof SettingsVersionConflictError)) throw err;
      if (attempt < ATTEMPTS) continue;
      throw new AppError('settings_changed', { status: 412 });
    }
    await deps.catalog.reload();
    if (deps.redis && deps.logger) announceSettingsChange({ redis: deps.redis, logger: deps.logger }, deps.catalog.version);
    return change.current(deps.catalog);
  }
}
