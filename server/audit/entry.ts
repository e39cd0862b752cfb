// Who changed what in the back office, written with the change itself (same transaction).
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { DeskUser } from '../../shared/desk.ts';
import type { AuditActor, AuditEntry } from '../store/port.ts';

export function webActor(user: Pick<DeskUser, 'id' | 'username'>): AuditActor {
  return { via: 'web', userId: user.id, username: user.username };
}

/** The CLI runs as someone logged in to the server: their system account is the best name there is. */
export function cliActor(): AuditActor {
  let name = 'cli';
  try { name = userInfo().username; } catch { /* no passwd entry (some containers) */ }
  return { via: 'cli', userId: null, username: name };
}

export function auditEntry(now: Date, actor: AuditActor, action: string, target: string, before: unknown, after: unknown): AuditEntry {
  return { id: randomUUID(), at: now.toISOString(), actor, action, target, before: before ?? null, after: after ?? null };
}
