import type { PersonInput } from '../../../shared/contract/persons';
import type { Role } from '../../../shared/domain/roles';
import { setUpCentre, type TestCore } from './core';

export type Centre = Awaited<ReturnType<typeof setUpCentre>>;

/** A staff member of the test centre, logged in, password already changed. */
export async function staff(
  t: Centre,
  username: string,
  roles: Role[],
): Promise<{ token: string; id: string }> {
  const { user, temporaryPassword } = await t.must(
    'users.create',
    { username, displayName: `${username} (test)`, roles, siteIds: t.siteIds },
    t.token,
  );
  const first = await t.must('auth.login', { username, password: temporaryPassword });
  await t.must(
    'auth.changePassword',
    { currentPassword: temporaryPassword, newPassword: 'Nouveau-Mot-de-passe-2026' },
    first.token,
  );
  return { token: first.token, id: user.id };
}

export function personInput(t: { siteIds: string[] }, extra: Partial<PersonInput> = {}): PersonInput {
  return { nameUsed: 'Amélie', siteId: t.siteIds[0], ...extra };
}

export async function reception(t?: TestCore) {
  const c = await setUpCentre(t);
  const worker = await staff(c, 'kasey', ['community_worker']);
  return { ...c, worker };
}
