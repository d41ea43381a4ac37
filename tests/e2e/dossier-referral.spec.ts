/**
 * Referrals from the dossier: "Orienter…" in the Orientations tab refers the person to a partner
 * of the directory, and the referral's status and feedback are followed up from the same list.
 */
import { expect, test } from './fixtures';
import { DossierPage } from './pages/DossierPage';
import { field } from './pages/fields';
import { api, atReception, createPerson, recordConsent, signIn } from './pathway-setup';

const ENTRY = 'CSAPA du Clapas';

test('refer from the dossier, then record the appointment outcome and feedback', async ({
  page,
  request,
}) => {
  const { centre, worker } = await atReception(request);
  await api(
    request,
    'directory.save',
    {
      name: ENTRY,
      kind: 'organisation',
      category: 'addiction_centre',
      city: 'Montpellier',
      friendliness: ['chemsex'],
    },
    worker.token,
  );
  const person = await createPerson(request, centre, worker, { nameUsed: 'Rayan' });
  await recordConsent(request, worker, person.id, 'care_team');
  await recordConsent(request, worker, person.id, 'external_referral');

  await signIn(page, worker);
  await page.goto(`/#/persons/${person.id}`);
  const dossier = new DossierPage(page);
  await dossier.expectPerson('Rayan');
  await dossier.openTab('Orientations');
  await expect(page.getByText('Aucune orientation.')).toBeVisible();

  await page.getByRole('button', { name: 'Orienter…' }).click();
  const dialog = page.getByRole('dialog');
  await field(dialog, 'Partenaire').fill('Clapas');
  await page.getByRole('option', { name: new RegExp(ENTRY) }).click();
  await field(dialog, 'Motif de l’orientation').fill('Accompagnement chemsex, demande de la personne.');
  await dialog.getByRole('button', { name: 'Enregistrer l’orientation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Orientation enregistrée.')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: ENTRY });
  await expect(row).toContainText('Accompagnement chemsex');
  await expect(row).toContainText('Proposée');

  await row.getByRole('button', { name: `Mettre à jour — ${ENTRY}` }).click();
  const update = page.getByRole('dialog');
  await field(update, 'Statut').click();
  await page.getByRole('option', { name: 'Honorée' }).click();
  await field(update, 'Retour').fill('Premier rendez-vous fait, suivi hebdomadaire proposé.');
  await update.getByRole('button', { name: /Enregistrer/ }).click();
  await expect(page.getByText('Orientation mise à jour.')).toBeVisible();
  await expect(row).toContainText('Honorée');
  await expect(row).toContainText('Premier rendez-vous fait');

  const saved = await api<{ items: Array<{ status: string; feedback: string | null }> }>(
    request,
    'directory.referralsForPerson',
    { personId: person.id },
    worker.token,
  );
  expect(saved.items).toEqual([
    expect.objectContaining({
      status: 'attended',
      feedback: 'Premier rendez-vous fait, suivi hebdomadaire proposé.',
    }),
  ]);
});
