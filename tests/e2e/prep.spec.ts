/**
 * PrEP follow-up in the dossier (issue 10's proof): PrEP started today appears as due in one
 * month; a person whose follow-up was due four months ago appears lost to follow-up, with the alert.
 */
import { addCalendar } from '../../shared/domain/schedules';
import { expect, test } from './fixtures';
import { DossierPage } from './pages/DossierPage';
import { field } from './pages/fields';
import { api, atReception, createPerson, recordConsent, signIn, staff, TEAM } from './pathway-setup';

/** Today at the site, and a date as the French screens write it (dd/MM/yyyy). */
function siteToday(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}
function shown(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

test('PrEP started today is due in one month; four months past the due date is lost to follow-up', async ({
  page,
  request,
}) => {
  const { centre, worker } = await atReception(request);
  const nurse = await staff(request, TEAM.nurse);
  const today = siteToday(centre.timezone);

  const lost = await createPerson(request, centre, worker, { nameUsed: 'Ilan' });
  await recordConsent(request, worker, lost.id, 'care_team');
  // Started five months ago, never seen since: due four months ago.
  await api(
    request,
    'prep.start',
    {
      personId: lost.id,
      siteId: centre.siteId,
      startedOn: addCalendar(today, { months: -5 }),
      regimen: 'daily',
    },
    nurse.token,
  );
  const starting = await createPerson(request, centre, worker, { nameUsed: 'Yanis' });
  await recordConsent(request, worker, starting.id, 'care_team');

  await signIn(page, TEAM.nurse);
  await page.goto(`/#/persons/${starting.id}`);
  const dossier = new DossierPage(page);
  await dossier.expectPerson('Yanis');
  await dossier.openTab('PrEP');
  await expect(page.getByText('Aucun épisode de PrEP.')).toBeVisible();
  await page.getByRole('button', { name: 'Commencer la PrEP' }).click();
  const dialog = page.getByRole('dialog', { name: 'Début de PrEP' });
  await expect(field(dialog, 'Date de début')).toHaveValue(today);
  await dialog.getByRole('button', { name: 'Commencer' }).click();
  await expect(dialog).toBeHidden();
  const current = page.getByRole('region', { name: 'Épisode en cours' });
  await expect(current).toContainText(`Prochain suivi : ${shown(addCalendar(today, { months: 1 }))}`);
  await expect(current).toContainText('À jour');

  await page.goto(`/#/persons/${lost.id}`);
  await dossier.expectPerson('Ilan');
  await dossier.openTab('PrEP');
  const episode = page.getByRole('region', { name: 'Épisode en cours' });
  await expect(episode).toContainText('Perdue de vue');
  await expect(episode).toContainText(`Prochain suivi : ${shown(addCalendar(today, { months: -4 }))}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Perdue de vue' })).toBeVisible();
});
