/**
 * The coordination reviews break-the-glass: a nurse's emergency access shows in the navigation's
 * count, in the review list with the file number, name used, the part read and the written
 * reason; "Marquer comme revu" takes it off and the count down. The audit log names the file.
 */
import { expect, test } from './fixtures';
import {
  api,
  atReception,
  COORDINATOR,
  createPerson,
  recordConsent,
  signIn,
  staff,
  TEAM,
} from './pathway-setup';

const REASON = 'Malaise en salle de soins, antécédents nécessaires';

test('a break-the-glass waits in the coordination’s review list until marked reviewed', async ({
  page,
  request,
}) => {
  const { centre, worker } = await atReception(request);
  const coordinator = await staff(request, COORDINATOR);
  const nurse = await staff(request, TEAM.nurse);
  const person = await createPerson(request, centre, worker, { nameUsed: 'Maëlle Vidal' });
  await recordConsent(request, worker, person.id, 'care_team', false);
  const before = await api<{ unreviewed: number }>(request, 'audit.breakGlassCount', {}, coordinator.token);
  await api(request, 'persons.breakGlass', { personId: person.id, reason: REASON }, nurse.token);
  await api(request, 'interviews.forPerson', { personId: person.id }, nurse.token);

  await signIn(page, COORDINATOR);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  const entry = nav.getByRole('link', { name: /^Accès d’urgence/ });
  await expect(entry.getByTestId('break-glass-count')).toHaveText(String(before.unreviewed + 1));
  await entry.click();

  const list = page.getByRole('table', { name: 'Accès d’urgence à revoir' });
  const row = list.getByRole('row').filter({ hasText: person.fileNumber });
  await expect(row).toContainText(`${person.fileNumber} · Maëlle Vidal`);
  await expect(row).toContainText(TEAM.nurse.displayName);
  await expect(row).toContainText('Entretien');
  await expect(row).toContainText(REASON);
  await page.screenshot({ path: '/tmp/parcours-break-glass-review.png', fullPage: true });

  await row.getByRole('button', { name: /Marquer comme revu/ }).click();
  await expect(row).toHaveCount(0);
  if (before.unreviewed === 0) await expect(entry.getByTestId('break-glass-count')).toHaveCount(0);
  else await expect(entry.getByTestId('break-glass-count')).toHaveText(String(before.unreviewed));

  // The audit log names the file, and finds it by its number.
  await nav.getByRole('link', { name: "Journal d'audit" }).click();
  await page.getByRole('textbox', { name: /^Personne/ }).fill(person.fileNumber);
  const log = page.getByRole('table').first();
  await expect(log.getByRole('row').filter({ hasText: 'Accès d’urgence' }).first()).toContainText(
    `${person.fileNumber} · Maëlle Vidal`,
  );
  await page.screenshot({ path: '/tmp/parcours-audit-by-file.png', fullPage: true });
});
