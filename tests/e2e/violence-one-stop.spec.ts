/**
 * The one-stop journey after violence (issue 11, first proof). A survivor checks in 30 hours
 * after an assault. The social worker records the incident in the Violences tab: the 72-hour
 * alert says 42 h left, on the dossier and, for her, on the board. The doctor records the PEP
 * referral and emergency contraception in the protocol's checklist. The social worker opens the
 * case plan with a social action (emergency shelter) and a civil-registration procedure for the
 * survivor's child with a hearing in five days: the lawyer finds it in her legal calendar and in
 * "Audiences (7 jours)". A coordination meeting marks the shelter action done and decides a new
 * one; the plan then closes with "goals met".
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { DossierPage } from './pages/DossierPage';
import { PersonSearch } from './pages/PersonSearch';
import { api, atReception, createPerson, recordConsent, signIn, staff, TEAM } from './pathway-setup';
import { workstation } from './workstation';

const NAME = 'Amina Berrada';

/** `YYYY-MM-DD` in the site's zone, `days` from now. */
function siteDay(timeZone: string, days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone });
}

async function openDossier(page: Page): Promise<DossierPage> {
  const search = new PersonSearch(page);
  await search.search('Amina');
  await page.keyboard.press('Enter');
  const dossier = new DossierPage(page);
  await dossier.expectPerson(NAME);
  return dossier;
}

test('a survivor 30 h after an assault: protocol, plan, a legal procedure with a hearing, a meeting, the plan closed', async ({
  page,
  browser,
  request,
  parcours,
}) => {
  test.setTimeout(180_000);
  const { centre, worker } = await atReception(request);
  const social = await staff(request, TEAM.social);
  const person = await createPerson(request, centre, worker, { nameUsed: NAME });
  await recordConsent(request, worker, person.id, 'care_team');
  await recordConsent(request, worker, person.id, 'social_legal');
  await api(request, 'visits.checkIn', { personId: person.id, siteId: centre.siteId }, worker.token);

  // The social worker records the incident: 30 h ago, with its time.
  const assault = new Date(Date.now() - 30 * 3600_000);
  const assaultDate = assault.toLocaleDateString('en-CA', { timeZone: centre.timezone });
  const assaultTime = assault.toLocaleTimeString('en-GB', {
    timeZone: centre.timezone,
    hour: '2-digit',
    minute: '2-digit',
  });
  await signIn(page, TEAM.social);
  const dossier = await openDossier(page);
  await dossier.openTab('Violences');
  await page.getByRole('button', { name: 'Nouvel incident' }).click();
  const form = page.getByRole('dialog', { name: 'Incident de violence' });
  await form.getByLabel(/^Date de l’incident/).fill(assaultDate);
  await form.getByLabel(/^Heure/).fill(assaultTime);
  await form.getByRole('checkbox', { name: 'Viol individuel' }).check();
  await form.getByRole('checkbox', { name: 'Inconnu' }).check();
  await form.getByRole('button', { name: 'Enregistrer l’incident' }).click();
  await expect(form).toHaveCount(0);
  // 72 h from the assault, 30 h gone: 42 h left (whole hours, rounded up as for a PEP).
  // On the dossier's header and in the tab.
  const alerts = page.getByRole('alert').filter({ hasText: 'Protocole 72 h en cours' });
  await expect(alerts).toHaveCount(2);
  for (const alert of await alerts.all()) await expect(alert).toContainText('42 h restantes');
  const board = new BoardPage(page);
  await board.goto();
  await expect(board.rowFor(NAME)).toContainText(/Protocole 72 h/);

  // The doctor, at her workstation: PEP referral and emergency contraception, recorded.
  const surgery = await workstation(browser, parcours.url, []);
  await signIn(surgery, TEAM.doctor);
  const doctorView = await openDossier(surgery);
  await doctorView.openTab('Violences');
  const checklist = surgery.getByRole('table', { name: 'Protocole 72 h' });
  await expect(checklist.getByText('À faire')).toHaveCount(5);
  let toDo = 5;
  for (const item of [/^Orientation TPE/, /^Contraception d’urgence/]) {
    await checklist.getByRole('form', { name: item }).getByRole('button', { name: 'Enregistrer' }).click();
    toDo -= 1;
    await expect(checklist.getByText('À faire')).toHaveCount(toDo);
  }
  await expect(checklist.getByText(`Fait — ${TEAM.doctor.displayName}`)).toHaveCount(2);
  await surgery.context().close();

  // The plan: a social action (shelter), a civil-registration procedure with a hearing in 5 days.
  const plan = await api<{ id: string }>(request, 'casePlans.open', { personId: person.id }, social.token);
  await api(
    request,
    'casePlans.saveAction',
    {
      personId: person.id,
      planId: plan.id,
      axis: 'social',
      title: 'Hébergement d’urgence',
      ownerId: social.id,
      dueOn: siteDay(centre.timezone, 2),
    },
    social.token,
  );
  const procedure = await api<{ id: string }>(
    request,
    'legal.saveProcedure',
    { personId: person.id, type: 'child_civil_registration', openedOn: siteDay(centre.timezone) },
    social.token,
  );
  const hearingDay = siteDay(centre.timezone, 5);
  await api(
    request,
    'legal.saveHearing',
    {
      personId: person.id,
      procedureId: procedure.id,
      startsAt: new Date(`${hearingDay}T12:00:00Z`).toISOString(),
      place: 'Tribunal de la famille',
    },
    social.token,
  );

  // The lawyer: the hearing in her "due this week" and in the legal calendar.
  const office = await workstation(browser, parcours.url, []);
  await signIn(office, TEAM.legal);
  await office.getByRole('navigation').getByRole('link', { name: 'À faire' }).click();
  const due = office.getByRole('region', { name: 'Audiences (7 jours)' });
  await expect(due).toContainText(NAME);
  await expect(due).toContainText('Inscription de l’enfant à l’état civil');
  await office
    .getByRole('navigation')
    .getByRole('link', { name: /Calendrier juridique/ })
    .click();
  await expect(office.getByRole('heading', { name: 'Calendrier juridique', level: 1 })).toBeVisible();
  // The calendar shows a week, Monday to Sunday: the hearing may be in the next one.
  const today = siteDay(centre.timezone);
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  if (hearingDay > siteDay(centre.timezone, (7 - weekday) % 7))
    await office.getByRole('button', { name: 'Semaine suivante' }).click();
  await expect(office.getByRole('link', { name: NAME }).first()).toBeVisible();
  await office.context().close();

  // The coordination meeting: the shelter action done, a new one decided.
  await page.getByRole('navigation').getByRole('link', { name: 'Réunions' }).click();
  await page.getByRole('button', { name: 'Nouvelle réunion' }).click();
  const meeting = page.getByRole('dialog', { name: 'Nouvelle réunion de coordination' });
  const participants = meeting.getByRole('textbox', { name: /^Participant·es de l’équipe/ });
  await participants.click();
  await page.getByRole('option', { name: TEAM.social.displayName }).click();
  await meeting.getByRole('textbox', { name: /^Chercher une personne/ }).fill('Amina');
  await meeting.getByRole('button', { name: 'Chercher' }).click();
  await meeting.getByRole('button', { name: new RegExp(`^Ajouter ${NAME}`) }).click();
  const discussed = meeting.getByRole('region', { name: new RegExp(`^${NAME}`) });
  await discussed.getByRole('textbox', { name: 'Décisions' }).fill('Hébergée au foyer ; suivi juridique.');
  await discussed.getByRole('checkbox', { name: /^Faite : Hébergement d’urgence/ }).check();
  await meeting.getByRole('button', { name: 'Enregistrer la réunion' }).click();
  await expect(meeting).toHaveCount(0);
  const afterMeeting = await api<{ items: Array<{ actions: Array<{ title: string; status: string }> }> }>(
    request,
    'casePlans.forPerson',
    { personId: person.id },
    social.token,
  );
  expect(afterMeeting.items[0]?.actions).toMatchObject([{ title: 'Hébergement d’urgence', status: 'done' }]);

  // The plan closes with "goals met".
  await openDossier(page);
  await dossier.openTab('Plan d’accompagnement');
  await page.getByRole('button', { name: 'Clore le plan' }).click();
  await page.getByRole('textbox', { name: /^Motif de clôture/ }).click();
  await page.getByRole('option', { name: 'Objectifs atteints' }).click();
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Objectifs atteints');
  const closed = await api<{ items: Array<{ status: string; closureReason: string }> }>(
    request,
    'casePlans.forPerson',
    { personId: person.id },
    social.token,
  );
  expect(closed.items[0]).toMatchObject({ status: 'closed', closureReason: 'goals_met' });
});
