/**
 * Same-day Test and Treat (issue 10's proof), entirely through the screens, on three
 * workstations: the community worker holds the interview; the doctor opens the consultation from
 * the board card (the interview summary beside the form), orders CT/NG (throat, anus, urine) and an
 * HIV point-of-care viral load and sends the person to the nurse; the nurse records the samples
 * and the results in the Dépistages tab — gonorrhoea detected at the anus — finds the positive in
 * "À faire", gives the pre-filled ceftriaxone and lists two partners notified. The dossier then
 * shows "treated, delay 0 days" and the positive is gone from the worklist.
 *
 * Only the scene is set through the API: the person, their care-team consent and their arrival.
 */
import { expect, test } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { ConsultationPage } from './pages/ConsultationPage';
import { DossierPage } from './pages/DossierPage';
import { InterviewFormPage } from './pages/InterviewFormPage';
import { ScreeningsTab } from './pages/ScreeningsTab';
import { TestAndTreatPanel } from './pages/TestAndTreatPanel';
import { WorkPage } from './pages/WorkPage';
import { api, atReception, createPerson, recordConsent, signIn, TEAM } from './pathway-setup';
import { workstation } from './workstation';

const NAME = 'Malik Haddad';
const SUMMARY =
  'Rapports anaux sans préservatif avec deux partenaires ce mois-ci. Demande un dépistage complet.';
const CTNG = 'PCR chlamydia / gonocoque (délocalisée)';
const THROAT = `${CTNG} — Gorge`;
const ANUS = `${CTNG} — Anus`;
const URINE = `${CTNG} — Urines`;
const HIV_VL = 'Charge virale VIH qualitative (délocalisée)';
const NOTHING = { Chlamydia: 'Non détecté', Gonocoque: 'Non détecté' };

test('same-day Test and Treat through the screens: interview, consultation, samples, gonorrhoea at the anus, ceftriaxone, two partners; treated with a delay of 0 days and off the worklist', async ({
  page,
  browser,
  request,
  parcours,
}) => {
  const { centre, worker } = await atReception(request);
  const person = await createPerson(request, centre, worker, { nameUsed: NAME });
  await recordConsent(request, worker, person.id, 'care_team');
  await api(request, 'visits.checkIn', { personId: person.id, siteId: centre.siteId }, worker.token);

  // 1. The community worker: from the board card to the dossier, the interview, sent to the doctor.
  await signIn(page, TEAM.worker);
  const desk = new BoardPage(page);
  await desk.goto();
  await desk.openDossier(NAME);
  const workerDossier = new DossierPage(page);
  await workerDossier.expectPerson(NAME);
  await workerDossier.startInterview();
  const interview = new InterviewFormPage(page);
  await interview.expectVisible();
  await interview.setReason('Dépistage après des rapports non protégés.');
  await interview.tick('Anale réceptive');
  await interview.tick('Dépistage');
  await interview.setSummary(SUMMARY);
  await interview.save();
  await interview.acceptNextStep('En attente médecin');

  // 2. The doctor: the consultation opens from the board card, the interview summary beside it.
  const doctorErrors: string[] = [];
  const surgery = await workstation(browser, parcours.url, doctorErrors);
  await signIn(surgery, TEAM.doctor);
  const doctorBoard = new BoardPage(surgery);
  await doctorBoard.goto();
  await doctorBoard.expectStep(NAME, 'En attente médecin');
  await doctorBoard.startConsultation(NAME);
  const consultation = new ConsultationPage(surgery);
  await consultation.expectVisible(NAME);
  await expect(consultation.interview()).toContainText(SUMMARY);
  await consultation.setReason('Dépistage IST, rapports anaux non protégés.');
  for (const ordered of [THROAT, ANUS, URINE, HIV_VL]) await consultation.order(ordered);
  await consultation.setConclusion('Prélèvements à faire par l’infirmier·e, résultats ce soir.');
  await consultation.end('Infirmier·e');
  // Ended: the doctor is back on the dossier, the visit gone on to the nurse.
  await new DossierPage(surgery).expectPerson(NAME);

  // 3. The nurse: calls the person, records the four samples the doctor ordered, then the results.
  const nurseErrors: string[] = [];
  const office = await workstation(browser, parcours.url, nurseErrors);
  await signIn(office, TEAM.nurse);
  const nurseBoard = new BoardPage(office);
  await nurseBoard.goto();
  await nurseBoard.expectStep(NAME, 'En attente infirmier·e');
  await nurseBoard.call(NAME);
  await nurseBoard.expectStep(NAME, 'Avec l’infirmier·e');
  await nurseBoard.openDossier(NAME);
  const dossier = new DossierPage(office);
  await dossier.expectPerson(NAME);
  await dossier.openTab('Dépistages');
  const tests = new ScreeningsTab(office);
  for (const sample of [THROAT, ANUS, URINE, HIV_VL])
    await expect(tests.sample(sample)).toContainText('Prescrit');
  await tests.recordSamples({ ordered: [THROAT, ANUS, URINE, HIV_VL] });
  for (const sample of [THROAT, ANUS, URINE, HIV_VL])
    await expect(tests.sample(sample)).toContainText('Prélevé');

  await tests.enterResult(THROAT, NOTHING);
  await tests.enterResult(ANUS, { Chlamydia: 'Non détecté', Gonocoque: 'Détecté' });
  await tests.enterResult(URINE, NOTHING);
  await tests.enterResult(HIV_VL, { Résultat: 'Non détecté' });
  await expect(tests.sample(ANUS)).toContainText('Positif');
  await expect(tests.sample(ANUS)).toContainText('Gonocoque : Détecté');
  for (const sample of [THROAT, URINE, HIV_VL]) await expect(tests.sample(sample)).toContainText('Négatif');

  // The positive is unmissable: the red banner of the dossier, the board's priorities, the nurse's
  // "À faire".
  const positiveBanner = office.getByRole('alert').filter({ hasText: 'Résultat positif à traiter' });
  await expect(positiveBanner).toBeVisible();
  await nurseBoard.goto();
  await expect(nurseBoard.priorityCard(NAME)).toContainText('Résultat positif à traiter');
  const work = new WorkPage(office);
  await work.goto();
  const toTreat = work.line('Positifs à traiter', NAME);
  await expect(toTreat).toContainText('Gonocoque, positif le');
  // The line opens the dossier where the positive is treated.
  await toTreat.getByRole('link', { name: NAME }).click();
  await dossier.expectPerson(NAME);

  // 4. Ceftriaxone, pre-filled from the centre's catalogue, given now; two partners notified.
  const treat = new TestAndTreatPanel(office);
  await expect(treat.item('Gonocoque')).toContainText('À traiter');
  const form = await treat.openTreatment('Gonocoque');
  await expect(form.getByRole('textbox', { name: /^Médicament/ })).toHaveValue('ceftriaxone');
  await expect(form.getByRole('textbox', { name: /^Dose/ })).toHaveValue('1 g');
  await treat.saveTreatment(form);
  await expect(treat.item('Gonocoque')).toContainText('Traité le jour même');
  await treat.addPartners('Gonocoque', [
    { pseudonym: 'Partenaire régulier', status: 'Prévenu' },
    { pseudonym: 'Rencontre appli, samedi', status: 'Prévenu' },
  ]);
  await expect(treat.partnerRows('Gonocoque')).toHaveCount(2);
  await expect(treat.partnerRows('Gonocoque').filter({ hasText: 'Prévenu' })).toHaveCount(2);
  await expect(positiveBanner).toBeHidden();

  // 5. The dossier says "treated, delay 0 days"; "À faire" has no positive left to treat, and the
  // visit is back in its column of the board, out of the priorities.
  await dossier.openTab('Chronologie');
  await expect(office.getByText('Gonocoque : traité, délai 0 jour')).toBeVisible();
  await work.goto();
  await expect(work.list('Positifs à traiter')).toContainText('Rien à faire dans cette liste.');
  await expect(work.line('Positifs à traiter', NAME)).toHaveCount(0);
  await nurseBoard.goto();
  await nurseBoard.expectStep(NAME, 'Avec l’infirmier·e');
  await expect(nurseBoard.priorityCard(NAME)).toHaveCount(0);

  await surgery.context().close();
  await office.context().close();
  expect(doctorErrors, 'the doctor workstation logged errors').toEqual([]);
  expect(nurseErrors, 'the nurse workstation logged errors').toEqual([]);
});
