/**
 * A staff member's usual site (issue 9, item 7): one of their sites, kept on the account, given to
 * the renderer with the session so that a workstation that remembers no site starts there; a
 * usual site that is not one of the person's sites is refused, nothing written.
 */
import { describe, expect, it } from 'vitest';
import { setUpCentre } from './helpers/core';

describe('the usual site', () => {
  it('is kept, sent with the session, refused outside the person’s sites, and dropped with the site', async () => {
    const t = await setUpCentre();
    const [mtp] = t.siteIds;
    const sete = await t.must(
      'centre.saveSite',
      { code: 'SET', name: 'Sète', city: 'Sète', timezone: 'Europe/Paris', openingHours: null },
      t.token,
    );
    const refused = await t.call(
      'users.create',
      { username: 'eli', displayName: 'Eli', roles: ['nurse'], siteIds: [mtp], usualSiteId: sete.id },
      t.token,
    );
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'validation', field: 'usualSiteId' });
    expect((await t.must('users.list', {}, t.token)).items.map((u) => u.username)).not.toContain('eli');

    const { user, temporaryPassword } = await t.must(
      'users.create',
      {
        username: 'eli',
        displayName: 'Eli',
        roles: ['nurse'],
        siteIds: [mtp, sete.id],
        usualSiteId: sete.id,
      },
      t.token,
    );
    expect(user.usualSiteId).toBe(sete.id);
    const session = await t.must('auth.login', { username: 'eli', password: temporaryPassword });
    expect(session.user.usualSiteId).toBe(sete.id);

    // Sète no longer one of Eli's sites: no usual site any more.
    const updated = await t.must(
      'users.update',
      { id: user.id, version: user.version, displayName: 'Eli', roles: ['nurse'], siteIds: [mtp] },
      t.token,
    );
    expect(updated.usualSiteId).toBeNull();
  });
});
