/**
 * Reception, end to end on three workstations: a walk-in is looked for with Ctrl+K, not found,
 * created (a near-identical file is suggested as a possible duplicate), gives the care-team
 * consent, is checked in from a search result in two keystrokes, and has the community interview
 * with a risk 30 hours ago: the PEP alert shows before saving, and the board of another
 * workstation moves the visit first. The doctor then reads the interview summary.
 */
import { expect, test } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { DossierPage, frText } from './pages/DossierPage';
import { InterviewFormPage } from './pages/InterviewFormPage';
import { PersonFormPage } from './pages/PersonFormPage';
import { PersonSearch } from './pages/PersonSearch';
import { atReception, createPerson, signIn, staff, TEAM } from './pathway-setup';
import { workstation } from './workstation';

const SUMMARY = 'Rapport anal réceptif sans préservatif il y a 30 h. Demande le TPE et un dépistage complet.';

test("a walk-in arrives, is found or created, gets an interview with an exposure 30 h ago (the alert shows), and the board updates on a second browser page; the doctor's view shows the interview summary", async ({
  page,
  browser,
  request,
  parcours,
}) => {
  const { centre, worker } = await atReception(request);
  const nurse = await staff(request, TEAM.nurse);
  const doctor = await staff(request, TEAM.doctor);
  // Already known: a near-identical name, the same year of birth.
  await createPerson(request, centre, worker, { nameUsed: 'Sasha Morel', birthYear: 1992 });

  // The nurse's workstation watches the board.
  const otherErrors: string[] = [];
  const office = await workstation(browser, parcours.url, otherErrors);
  await signIn(office, nurse);
  const board = new BoardPage(office);
  await board.goto();
  // The nurse lands on her own queue; she follows the whole evening here.
  await board.showWholeBoard();

  // Reception: Ctrl+K from the home screen, nobody called "Sacha Morel".
  await signIn(page, worker);
  const search = new PersonSearch(page);
  await search.search('Sacha Morel');
  await expect(search.results()).toHaveCount(0);
  await expect(search.dialog()).toContainText('Aucune personne ne correspond à « Sacha Morel »');
  // The only option left is "new person", with the typed name.
  await page.keyboard.press('Enter');

  const form = new PersonFormPage(page);
  await form.expectCreate();
  await expect(form.nameUsed()).toHaveValue('Sacha Morel');
  await form.setBirthYear(1992);
  const duplicate = form.duplicate('Sasha Morel');
  await expect(duplicate).toBeVisible();
  await expect(duplicate).toContainText('nom proche');
  await expect(duplicate).toContainText('même année de naissance');
  await expect(
    duplicate.getByRole('button', { name: /^Ouvrir le dossier MTP-\d{4}-\d{5} de Sasha Morel$/ }),
  ).toBeVisible();
  await page.screenshot({ path: '/tmp/parcours-person-form.png', fullPage: true });
  // Asked at the desk: not the same person. The file is created all the same.
  await form.submitCreate();

  const dossier = new DossierPage(page);
  await dossier.expectPerson('Sacha Morel');
  await dossier.setConsent('Équipe soignante', true);

  // Check-in from a search result: Alt+Enter on the result, then Enter — two actions.
  await search.search('sacha');
  await search.expectActive('Sacha Morel');
  await page.keyboard.press('Alt+Enter');
  await expect(search.checkInDialog()).toBeVisible();
  await expect(search.checkInDialog().getByRole('radio', { name: 'Sans priorité' })).toBeFocused();
  await expect(search.checkInDialog().getByRole('textbox', { name: 'Site' })).toHaveValue(
    'MTP · Montpellier centre',
  );
  await page.screenshot({ path: '/tmp/parcours-check-in.png' });
  await page.keyboard.press('Enter');
  await expect(search.checkInDialog()).toBeHidden();
  await expect(
    page.getByText(frText("Arrivée de Sacha Morel enregistrée : En attente d'entretien.")),
  ).toBeVisible();

  // The other workstation sees the arrival without doing anything.
  await board.expectStep('Sacha Morel', "En attente d'entretien");

  // The interview, started from the dossier: the visit moves to "in interview".
  await search.search('Sacha Morel');
  await page.keyboard.press('Enter');
  await dossier.expectPerson('Sacha Morel');
  await expect(page.getByText('en cours de passage')).toHaveCount(0);
  await dossier.startInterview();
  const interview = new InterviewFormPage(page);
  await interview.expectVisible();
  await board.expectStep('Sacha Morel', 'En entretien');

  await interview.setReason('Rapport non protégé avant-hier soir.');
  await expect(interview.pepAlert()).toHaveCount(0);
  await interview.setRiskHoursAgo(30);
  // Before anything is saved: the alert, with the time left.
  await expect(interview.pepAlert()).toBeVisible();
  await expect(interview.pepAlert()).toContainText(
    'Exposition il y a 30 h : traitement post-exposition à proposer en urgence, il reste 42 h',
  );
  await interview.tick('Anale réceptive');
  await interview.tick('Dépistage');
  await interview.tick('TPE (traitement post-exposition)');
  await interview.setSummary(SUMMARY);
  await page.screenshot({ path: '/tmp/parcours-interview-form.png', fullPage: true });
  await interview.save();
  // Saved: the next step proposed from the needs (a screening and PEP: the doctor), sent with Enter.
  await interview.acceptNextStep('En attente médecin');

  // The result's PEP alert, and the dossier's.
  await expect(
    page.getByText(/Exposition 30 h avant l.entretien : traitement post-exposition/),
  ).toBeVisible();
  await dossier.expectPerson('Sacha Morel');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Traitement post-exposition (TPE) à proposer' }),
  ).toContainText(/il reste 4[12] h/);
  await page.screenshot({ path: '/tmp/parcours-dossier-worker.png', fullPage: true });

  // The nurse's board: the visit now carries the PEP priority.
  await expect(board.rowFor('Sacha Morel')).toContainText('TPE < 72 h', { timeout: 10_000 });

  // The doctor, on a third workstation, opens the file: the summary comes first.
  const doctorErrors: string[] = [];
  const surgery = await workstation(browser, parcours.url, doctorErrors);
  await signIn(surgery, doctor);
  const doctorSearch = new PersonSearch(surgery);
  await doctorSearch.search('morel');
  await expect(doctorSearch.result('Sacha Morel')).toContainText('en cours de passage');
  await doctorSearch.result('Sacha Morel').click();
  const doctorView = new DossierPage(surgery);
  await doctorView.expectPerson('Sacha Morel');
  await doctorView.openTab('Entretiens');
  await expect(doctorView.interviewSummaries().first()).toContainText(SUMMARY);
  await expect(surgery.getByRole('button', { name: 'Nouvel entretien' })).toHaveCount(0);
  await surgery.screenshot({ path: '/tmp/parcours-dossier-doctor.png', fullPage: true });

  await office.context().close();
  await surgery.context().close();
  expect(otherErrors, 'the nurse workstation logged errors').toEqual([]);
  expect(doctorErrors, 'the doctor workstation logged errors').toEqual([]);
});
