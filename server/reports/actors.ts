// Who an event says made a change. One definition each, for every channel and service.
import type { DeskUser } from '../../shared/desk.ts';
import type { EventActor } from '../../shared/types.ts';

/** A citizen: never named in an event (the report itself holds what they chose to give). */
export const CITIZEN: EventActor = { kind: 'citizen' };

/** The server itself: deadline sweeps, migrations, seeding. */
export const SYSTEM: EventActor = { kind: 'system' };

/** A desk user, named as the timeline shows them. */
export function actorOf(user: DeskUser): EventActor {
  return { kind: 'user', userId: user.id, name: user.name, role: user.role };
}
