// The settings version every process compares before using settings, and the back office's
// append-only audit trail written with the change it describes.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { DuplicateUsernameError, SettingsVersionConflictError, type AuditEntry, type UserRecord } from '../../../server/store/port.ts';
import type { ContractContext } from './fixtures.ts';

export function settingsAuditCases(t: ContractContext): void {
  describe('settings version', () => {
      it('raises the settings version by one with every put, starting from 0', async () => {
        assert.equal(await t.store.settingsVersion(), 0);
        await t.store.putSetting('routing', { routes: {}, overrides: [] });
        assert.equal(await t.store.settingsVersion(), 1);
        await Promise.all([t.store.putSetting('a', 1), t.store.putSetting('b', 2), t.store.putSetting('a', 3)]);
        assert.equal(await t.store.settingsVersion(), 4);
      });

      it('with ifVersion, writes only over that version; a stale one throws SettingsVersionConflictError and writes nothing', async () => {
        await t.store.putSetting('deadlines', { reopenWorkingDays: 10 }, undefined, { ifVersion: 0 });
        const audit: AuditEntry = { id: randomUUID(), at: '2026-11-02T01:00:00.000Z', actor: { via: 'cli', userId: null, username: 'cli' }, action: 'deadlines.update', target: 'deadlines', before: null, after: 7 };
        await assert.rejects(t.store.putSetting('deadlines', { reopenWorkingDays: 7 }, audit, { ifVersion: 0 }), SettingsVersionConflictError);
        assert.deepEqual(await t.store.getSetting('deadlines'), { reopenWorkingDays: 10 });
        assert.equal(await t.store.settingsVersion(), 1);
        assert.deepEqual((await t.store.listAudit({ limit: 5 })).items, []);
        await t.store.putSetting('deadlines', { reopenWorkingDays: 7 }, audit, { ifVersion: 1 });
        assert.equal(await t.store.settingsVersion(), 2);
      });
  });

    describe('audit trail', () => {
      const entry = (n: number, target = `user:u${n}`): AuditEntry => ({
        id: randomUUID(), at: new Date(Date.UTC(2026, 10, 2, 1, 0, n)).toISOString(),
        actor: { via: 'web', userId: 'admin-1', username: 'admin' }, action: 'user.update', target,
        before: { disabled: false }, after: { disabled: true, n },
      });

      it('lists entries newest first in pages, each once, with before and after as written', async () => {
        const written = [1, 2, 3, 4, 5].map((n) => entry(n));
        for (const e of written) await t.store.appendAudit(e);
        const first = await t.store.listAudit({ limit: 2 });
        assert.deepEqual(first.items, [written[4], written[3]]);
        const second = await t.store.listAudit({ limit: 2, before: first.nextBefore! });
        assert.deepEqual(second.items.map((e) => e.id), [written[2].id, written[1].id]);
        const last = await t.store.listAudit({ limit: 2, before: second.nextBefore! });
        assert.deepEqual(last, { items: [written[0]], nextBefore: null });
      });

      it('writes the entry of a setting, a new user and a changed user with the change itself', async () => {
        const onSetting = entry(1, 'routing');
        await t.store.putSetting('routing', { routes: { jalan: 'dpupr' }, overrides: [] }, onSetting);
        const user: UserRecord = { id: 'u9', username: 'siti', name: 'Siti', role: 'officer', agencyId: 'dpupr', kecamatan: null, passwordHash: 'h', disabled: false, createdAt: '2026-11-02T01:00:00.000Z' };
        const onCreate = entry(2, 'user:siti');
        await t.store.createUser(user, onCreate);
        const onUpdate = entry(3, 'user:siti');
        await t.store.updateUser({ ...user, disabled: true }, onUpdate);
        assert.deepEqual((await t.store.listAudit({ limit: 10 })).items, [onUpdate, onCreate, onSetting]);
        assert.equal((await t.store.getUserById('u9'))?.disabled, true);
      });

      it('writes no entry when the user it describes is refused (DuplicateUsernameError)', async () => {
        const user: UserRecord = { id: 'u1', username: 'budi', name: 'Budi', role: 'officer', agencyId: 'dpupr', kecamatan: null, passwordHash: 'h', disabled: false, createdAt: '2026-11-02T01:00:00.000Z' };
        await t.store.createUser(user);
        await assert.rejects(t.store.createUser({ ...user, id: 'u2', username: 'BUDI' }, entry(1)), DuplicateUsernameError);
        assert.deepEqual((await t.store.listAudit({ limit: 10 })).items, []);
      });
    });
}
