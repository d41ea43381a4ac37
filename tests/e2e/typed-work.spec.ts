/**
 * Typed work survives the lock: a community worker halfway through the interview of a person
 * checked in locks the workstation (the "Verrouiller" button, as the idle lock does), nothing of
 * the interview shows or is reachable behind the lock screen, and unlocking with the password
 * brings back the form exactly as it was. The browser's Back from that unsaved form asks first.
 */
import { expect, test } from './fixtures';
import { DossierPage, frText } from './pages/DossierPage';
import { InterviewFormPage } from './pages/InterviewFormPage';
import { LockPage } from './pages/LockPage';
import { api, atReception, createPerson, recordConsent, signIn } from './pathway-setup';

const REASON = 'Rapport non protégé samedi, souhaite un dépistage.';
const SUMMARY = 'Dépistage VIH, syphilis et hépatites demandé. Pas de symptôme.';

test('lock during an interview and unlock with the interview intact', async ({ page, request }) => {
  const { centre, worker } = await atReception(request);
  const person = await createPerson(request, centre, worker, { nameUsed: 'Noa Petit' });
  await recordConsent(request, worker, person.id, 'care_team');
  await api(request, 'visits.checkIn', { personId: person.id, siteId: centre.siteId }, worker.token);

  await signIn(page, worker);
  await page.goto(`/#/persons/${person.id}`);
  const dossier = new DossierPage(page);
  await dossier.expectPerson('Noa Petit');
  await dossier.startInterview();
  const interview = new InterviewFormPage(page);
  await interview.expectVisible();
  await interview.setReason(REASON);
  await interview.tick('Dépistage');
  await interview.setSummary(SUMMARY);

  await page.getByRole('button', { name: 'Verrouiller' }).click();
  const lock = new LockPage(page);
  await lock.expectVisible(worker.displayName);
  await expect(
    page.getByText('Un formulaire non enregistré est conservé tel quel : déverrouillez pour le retrouver.'),
  ).toBeVisible();
  // Behind the lock: nothing of the interview in sight nor in the accessibility tree.
  await expect(page.getByRole('heading', { name: 'Entretien en santé sexuelle' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Synthèse pour le médecin' })).toHaveCount(0);
  await expect(page.getByText('Noa Petit').filter({ visible: true })).toHaveCount(0);
  // The typed text is kept in the page, out of sight.
  const behind = await page.evaluate((text) => {
    const field = Array.from(document.querySelectorAll('textarea')).find((t) => t.value === text);
    return {
      kept: field !== undefined,
      visible: field?.checkVisibility({ visibilityProperty: true }) ?? false,
    };
  }, SUMMARY);
  expect(behind).toEqual({ kept: true, visible: false });
  // Nor reachable from the keyboard: Tab stays on the lock screen.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-lock-screen]')).toContainText('Session verrouillée');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-app-layer]') ?? null)).toBeNull();
  }
  await page.screenshot({ path: '/tmp/parcours-lock-over-interview.png' });

  await lock.unlock(worker.password);
  await interview.expectVisible();
  await expect(page.getByRole('textbox', { name: 'Motif de la venue' })).toHaveValue(REASON);
  await expect(page.getByRole('textbox', { name: 'Synthèse pour le médecin' })).toHaveValue(SUMMARY);
  await expect(page.getByRole('checkbox', { name: frText('Dépistage') })).toBeChecked();

  // The browser's Back from the unsaved interview asks; staying keeps the address and the text.
  await page.goBack();
  const question = page.getByRole('dialog', { name: 'Quitter sans enregistrer ?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Rester sur la page' }).click();
  await expect(question).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/persons/${person.id}/interview`));
  await expect(page.getByRole('textbox', { name: 'Synthèse pour le médecin' })).toHaveValue(SUMMARY);

  // Back again, and this time leave: the dossier, without the unsaved interview.
  await page.goBack();
  await question.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
  await dossier.expectPerson('Noa Petit');
  await expect(page.getByRole('heading', { name: 'Entretien en santé sexuelle' })).toHaveCount(0);

  // Nothing was saved by any of this.
  const saved = await api<{ items: unknown[] }>(
    request,
    'interviews.forPerson',
    { personId: person.id },
    worker.token,
  );
  expect(saved.items).toEqual([]);
});
