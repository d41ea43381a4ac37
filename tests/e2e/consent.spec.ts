/**
 * Consent governs sharing: once the person withdraws the care-team consent, the nurse no longer
 * sees the interview and is told why ("hidden: not shared with the care team"); its author still
 * sees what they wrote. Breaking the glass opens it again for an hour, and the access report says
 * who looked.
 */
import { expect, test } from './fixtures';
import { DossierPage, frText } from './pages/DossierPage';
import { PersonSearch } from './pages/PersonSearch';
import { api, atReception, createPerson, recordConsent, signIn, staff, TEAM } from './pathway-setup';
import { workstation } from './workstation';

const SUMMARY = 'Dépistage complet demandé, pas de prise de risque récente.';

test("withdrawing care_team consent hides the interview from the nurse, with the 'hidden' notice", async ({
  page,
  browser,
  request,
  parcours,
}) => {
  const { centre, worker } = await atReception(request);
  const nurse = await staff(request, TEAM.nurse);
  const person = await createPerson(request, centre, worker, { nameUsed: 'Noa Girard', pronouns: 'iel' });
  await recordConsent(request, worker, person.id, 'care_team');
  await api(
    request,
    'interviews.save',
    { personId: person.id, heldAt: new Date().toISOString(), reason: 'Dépistage', summary: SUMMARY },
    worker.token,
  );

  // The nurse reads the interview while the consent holds.
  const nurseErrors: string[] = [];
  const infirmary = await workstation(browser, parcours.url, nurseErrors);
  await signIn(infirmary, nurse);
  const nurseSearch = new PersonSearch(infirmary);
  const nurseView = new DossierPage(infirmary);
  await nurseSearch.search('noa');
  await infirmary.keyboard.press('Enter');
  await nurseView.expectPerson('Noa Girard');
  await nurseView.openTab('Entretiens');
  await expect(nurseView.interviewSummaries()).toHaveText([frText(SUMMARY)]);

  // The person withdraws the care-team consent, recorded by the community worker.
  await signIn(page, worker);
  const search = new PersonSearch(page);
  const dossier = new DossierPage(page);
  await search.search('Noa Girard');
  await page.keyboard.press('Enter');
  await dossier.expectPerson('Noa Girard');
  await dossier.setConsent('Équipe soignante', false);
  await page.screenshot({ path: '/tmp/parcours-consents.png', fullPage: true });
  // The form to sign is a PDF download (no new window: Electron refuses Blob URLs there).
  const form = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Imprimer le formulaire' }).click();
  expect((await form).suggestedFilename()).toMatch(/\.pdf$/);
  // Its author still reads what they wrote, and is told that is all they see.
  await dossier.openTab('Entretiens');
  await expect(page.getByText('Seuls vos propres écrits sont affichés.')).toBeVisible();
  await expect(dossier.interviewSummaries()).toHaveText([frText(SUMMARY)]);

  // The nurse opens the file again: the interview is hidden, and the notice says why.
  await nurseSearch.search('noa');
  await infirmary.keyboard.press('Enter');
  await nurseView.expectPerson('Noa Girard');
  await expect(infirmary.getByRole('tab', { name: /Entretiens/ })).toContainText('masqué');
  await nurseView.openTab('Entretiens');
  await expect(nurseView.hiddenNotice('interview')).toHaveText(
    frText("Masqué : non partagé avec l'équipe soignante (1 élément)."),
  );
  await expect(nurseView.interviewSummaries()).toHaveCount(0);
  await expect(infirmary.getByText(SUMMARY)).toHaveCount(0);
  await infirmary.screenshot({ path: '/tmp/parcours-hidden.png', fullPage: true });

  // An emergency: the nurse breaks the glass, with a written reason, for one hour.
  await infirmary.getByRole('button', { name: 'Bris de glace' }).click();
  const breakGlass = infirmary.getByRole('dialog', { name: frText("Accès d'urgence (bris de glace)") });
  await breakGlass.getByRole('button', { name: frText("Ouvrir l'accès d'urgence") }).click();
  await expect(breakGlass.getByRole('textbox', { name: 'Motif' })).toHaveAccessibleDescription(
    /Au moins 10 caractères/,
  );
  await breakGlass
    .getByRole('textbox', { name: 'Motif' })
    .fill('Malaise en salle de soins, antécédents nécessaires');
  await breakGlass.getByRole('button', { name: frText("Ouvrir l'accès d'urgence") }).click();
  await expect(breakGlass).toBeHidden();
  await expect(infirmary.getByText(/Accès d.urgence jusqu.à \d{2}:\d{2}/)).toBeVisible();
  await nurseView.openTab('Entretiens');
  await expect(nurseView.interviewSummaries()).toHaveText([frText(SUMMARY)]);
  await expect(infirmary.getByText(/Affiché grâce à l.accès d.urgence/)).toBeVisible();

  // "Who looked at my file": the nurse's reads and the emergency access are listed.
  await dossier.openTab('Qui a consulté');
  const log = page.getByRole('table', { name: 'Qui a consulté mon dossier' });
  await expect(log.getByRole('row').filter({ hasText: 'Sam Dupont' }).first()).toBeVisible();
  await expect(log).toContainText(frText("Accès d'urgence"));
  await page.screenshot({ path: '/tmp/parcours-access-log.png', fullPage: true });
  const report = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Imprimer pour la personne' }).click();
  expect((await report).suggestedFilename()).toMatch(/\.pdf$/);

  await infirmary.context().close();
  expect(nurseErrors, 'the nurse workstation logged errors').toEqual([]);
});
