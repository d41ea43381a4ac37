/**
 * The reception board lists who is in a clinic's waiting room: a member of staff reads the board
 * (and its coordination counts) of the sites they work at, never of another clinic of the same
 * store (issue 11, item 10: "each user works on their sites").
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import { personInput, reception, type Centre } from './helpers/reception';

async function staffOf(t: Centre, username: string, roles: Role[], siteIds: string[]) {
  const { temporaryPassword } = await t.must(
    'users.create',
    { username, displayName: username, roles, siteIds },
    t.token,
  );
  const first = await t.must('auth.login', { username, password: temporaryPassword });
  await t.must(
    'auth.changePassword',
    { currentPassword: temporaryPassword, newPassword: 'Nouveau-Mot-de-passe-2026' },
    first.token,
  );
  return first.token;
}

describe('the board of a site', () => {
  it('is read by the staff of that site only; another clinic’s board and counts are refused on siteId', async () => {
    const t = await reception();
    const [first, second] = t.siteIds;
    const person = await t.must('persons.create', personInput(t, { siteId: second }), t.worker.token);
    await t.must('visits.checkIn', { personId: person.id, siteId: second }, t.worker.token);

    const hereOnly = await staffOf(t, 'ici', ['community_worker'], [first]);
    const refused = await t.call('visits.board', { siteId: second }, hereOnly);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'siteId', details: { reason: 'site_not_yours' } },
    });
    expect((await t.must('visits.board', { siteId: first }, hereOnly)).rows).toEqual([]);

    const coordinatorHere = await staffOf(t, 'coord', ['coordinator'], [first]);
    expect(await t.call('visits.summary', { siteId: second }, coordinatorHere)).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'siteId', details: { reason: 'site_not_yours' } },
    });

    // Staff of the second site read its waiting room.
    const board = await t.must('visits.board', { siteId: second }, t.worker.token);
    expect(board.rows.map((r) => r.personId)).toEqual([person.id]);
  });
});
