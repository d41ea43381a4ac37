/**
 * Roles decide what a person's file shows: nobody changes their own roles, and every role change —
 * from the app or from an import — is audited per account with the roles before and after.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../electron/core/interchange/import';
import { ADMIN } from './helpers/core';
import { reception, staff } from './helpers/reception';

async function roleEntries(t: Awaited<ReturnType<typeof reception>>, userId: string) {
  const store = t.core.ctx.vault.requireStore();
  const rows = await store.exclusive(() =>
    store.manager.query<Array<{ actor_id: string | null; detail: string | null }>>(
      "SELECT actor_id, detail FROM audit_log WHERE target_type = 'staff_user' AND target_id = ? ORDER BY seq",
      [userId],
    ),
  );
  return rows.map((r) => ({
    actorId: r.actor_id,
    detail: JSON.parse(r.detail ?? '{}') as Record<string, string>,
  }));
}

describe('role changes', () => {
  it('a coordinator cannot add a role to their own account; nothing changes', async () => {
    const t = await reception();
    const me = (await t.must('auth.session', {}, t.token)).user;
    const list = await t.must('users.list', { page: 1, pageSize: 50 }, t.token);
    const self = list.items.find((u) => u.username === ADMIN.username)!;
    const r = await t.call(
      'users.update',
      {
        id: me.id,
        version: self.version,
        displayName: self.displayName,
        roles: ['coordinator', 'doctor'],
        siteIds: t.siteIds,
      },
      t.token,
    );
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'validation',
      field: 'roles',
      details: { reason: 'own_roles' },
    });
    expect((await t.must('auth.session', {}, t.token)).user.roles).toEqual(['coordinator']);
  });

  it('another coordinator changes the roles: one entry names the account, before and after', async () => {
    const t = await reception();
    const lawyer = await staff(t, 'lea', ['legal']);
    const list = await t.must('users.list', { page: 1, pageSize: 50 }, t.token);
    const account = list.items.find((u) => u.id === lawyer.id)!;
    await t.must(
      'users.update',
      {
        id: lawyer.id,
        version: account.version,
        displayName: account.displayName,
        roles: ['legal', 'social_worker'],
        siteIds: t.siteIds,
      },
      t.token,
    );
    const entries = await roleEntries(t, lawyer.id);
    expect(entries.at(-1)?.detail).toEqual({ rolesBefore: 'legal', rolesAfter: 'legal,social_worker' });
  });

  it('an import that changes roles writes one entry per account with before and after', async () => {
    const t = await reception();
    const lawyer = await staff(t, 'lea', ['legal']);
    const me = (await t.must('auth.session', {}, t.token)).user;
    const text = JSON.stringify({
      type: 'user',
      id: lawyer.id,
      username: 'lea',
      displayName: 'lea (test)',
      roles: ['doctor', 'psychologist'],
      siteIds: t.siteIds,
      active: true,
      locale: null,
    });
    await importText(t.core.ctx, { userId: me.id, roles: me.roles }, text);
    const entries = await roleEntries(t, lawyer.id);
    expect(entries.at(-1)).toEqual({
      actorId: me.id,
      detail: { rolesBefore: 'legal', rolesAfter: 'doctor,psychologist' },
    });
  });
});
