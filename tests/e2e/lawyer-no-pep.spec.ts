/**
 * The PEP alert does not leak to a role that may not read the interview (issue 9, item 11). A
 * person checked in with an interview that raised the PEP alert (a risk 30 hours ago), consent to
 * share with the care team recorded: the lawyer opens the board and the dossier and sees no PEP
 * banner, no exposure date, no needs ticked, no "TPE"/"PEP" anywhere — only "Prioritaire" where
 * the priority is shown. The doctor, on another workstation, does see the alert and the summary,
 * first (the dossier opens on today's interview for a carer receiving the person).
 */
import { expect, test } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { DossierPage, frText } from './pages/DossierPage';
import { PersonSearch } from './pages/PersonSearch';
import { api, atReception, createPerson, recordConsent, signIn, staff, TEAM } from './pathway-setup';
import { workstation } from './workstation';

const SUMMARY = 'Rapport réceptif sans préservatif il y a 30 h, demande le traitement et un dépistage.';
/** Anything that would tell a reader the priority is about an exposure. */
const PEP_WORDS = /\bTPE\b|\bPEP\b|post-exposition|exposition/i;

test('the lawyer sees no PEP detail on the board or in the dossier; the doctor does', async ({
  page,
  browser,
  request,
  parcours,
}) => {
  const { centre, worker } = await atReception(request);
  const lawyer = await staff(request, TEAM.legal);
  const doctor = await staff(request, TEAM.doctor);
  const person = await createPerson(request, centre, worker, { nameUsed: 'Idriss Fontaine' });
  await recordConsent(request, worker, person.id, 'care_team');
  await recordConsent(request, worker, person.id, 'social_legal');
  const visit = await api<{ id: string }>(
    request,
    'visits.checkIn',
    { personId: person.id, siteId: centre.siteId },
    worker.token,
  );
  const heldAt = new Date();
  await api(
    request,
    'interviews.save',
    {
      personId: person.id,
      visitId: visit.id,
      heldAt: heldAt.toISOString(),
      lastRiskAt: new Date(heldAt.getTime() - 30 * 3600_000).toISOString(),
      needs: ['pep', 'screening'],
      summary: SUMMARY,
    },
    worker.token,
  );

  // The lawyer's board: the person is a priority, said plainly, without its reason.
  await signIn(page, lawyer);
  const board = new BoardPage(page);
  await board.goto();
  const card = board.rowFor('Idriss Fontaine');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Prioritaire');
  await expect(page.locator('body')).not.toContainText(PEP_WORDS);

  // The lawyer's dossier: no banner, no exposure date, no needs, no summary, nothing of PEP.
  const search = new PersonSearch(page);
  await search.search('Idriss');
  await page.keyboard.press('Enter');
  const dossier = new DossierPage(page);
  await dossier.expectPerson('Idriss Fontaine');
  const status = page.getByRole('region', { name: 'Passage et prochains rendez-vous' });
  await expect(status).toContainText('Prioritaire');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(status).not.toContainText('Besoins repérés');
  await expect(page.locator('body')).not.toContainText(PEP_WORDS);
  // The need ticked ("Dépistage") is not shown; the tab "Dépistages" is, marked "hors rôle".
  await expect(page.locator('body')).not.toContainText(/Dépistage(?!s)/);
  await expect(page.getByRole('tab', { name: /^Dépistages/ })).toContainText('hors rôle');
  await expect(page.getByText(SUMMARY)).toHaveCount(0);
  await expect(dossier.interviewSummaries()).toHaveCount(0);
  // Every tab the lawyer may open, including the one the interview lives in: still nothing.
  for (const tab of ['Aujourd’hui', 'Parcours', 'Entretiens', 'Chronologie']) {
    await dossier.openTab(tab);
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(PEP_WORDS);
    await expect(page.locator('body')).not.toContainText(SUMMARY);
  }
  await dossier.openTab('Entretiens');
  await expect(page.getByText(frText('Hors de votre rôle'))).toBeVisible();
  await page.screenshot({ path: '/tmp/parcours-lawyer-dossier.png', fullPage: true });

  // The doctor, on another workstation: the alert and the summary, first.
  const doctorErrors: string[] = [];
  const surgery = await workstation(browser, parcours.url, doctorErrors);
  await signIn(surgery, doctor);
  const doctorSearch = new PersonSearch(surgery);
  await doctorSearch.search('Idriss');
  await surgery.keyboard.press('Enter');
  const doctorView = new DossierPage(surgery);
  await doctorView.expectPerson('Idriss Fontaine');
  await expect(
    surgery.getByRole('alert').filter({ hasText: 'Traitement post-exposition (TPE) à proposer' }),
  ).toContainText(/il reste 4[12] h/);
  await expect(surgery.getByRole('tab', { selected: true })).toHaveText(/^Aujourd’hui/);
  await expect(doctorView.interviewSummaries().first()).toContainText(SUMMARY);
  await expect(surgery.getByRole('region', { name: 'À faire' })).toContainText(
    'Prochaines étapes : TPE (traitement post-exposition), Dépistage',
  );
  await surgery.screenshot({ path: '/tmp/parcours-doctor-today.png', fullPage: true });
  await surgery.context().close();
  expect(doctorErrors, 'the doctor workstation logged errors').toEqual([]);
});
