/**
 * Need-to-know around violence care (issue 11, second proof). A survivor was assaulted 30 hours
 * ago; the social worker recorded the incident, its narrative and a case plan with a safety plan,
 * then the person withdrew the `social_legal` consent. The nurse opens the dossier: she sees that
 * a case plan exists and whom to ask — nothing of the incident, the narrative or the safety plan,
 * and the "Violences" tab says "hors rôle". Her opening of that tab is refused and written in
 * the audit log, where the coordinator finds it as "Accès refusé", as the doctor's (her role works
 * in violence care, the missing consent hides it all the same). The community worker at the
 * desk sees "Prioritaire" on the board card: no reason, no time left.
 */
import { expect, test } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { DossierPage } from './pages/DossierPage';
import { PersonSearch } from './pages/PersonSearch';
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
import { workstation } from './workstation';

const NARRATIVE = 'Récit-témoin-7Q3: agressée à la sortie du parc.';
const CODE_WORD = 'parapluie-témoin';
/** Anything that would tell the reader why the person is followed. */
const WHY = /violence|viol\b|incident|agress|protocole|72 h|plan de sécurité|parapluie|Récit/i;

test('a nurse without the consent sees whom to ask and nothing else; her attempt is audited; reception sees no reason', async ({
  page,
  browser,
  request,
  parcours,
}) => {
  const { centre, worker } = await atReception(request);
  const social = await staff(request, TEAM.social);
  const person = await createPerson(request, centre, worker, { nameUsed: 'Salma Idrissi' });
  await recordConsent(request, worker, person.id, 'care_team');
  await recordConsent(request, worker, person.id, 'social_legal');
  await api(request, 'visits.checkIn', { personId: person.id, siteId: centre.siteId }, worker.token);
  const now = Date.now();
  const incident = await api<{ id: string }>(
    request,
    'violence.saveIncident',
    {
      personId: person.id,
      occurredOn: new Date(now - 30 * 3600_000).toLocaleDateString('en-CA', { timeZone: centre.timezone }),
      occurredAt: new Date(now - 30 * 3600_000).toISOString(),
      placeKind: 'public_space',
      perpetrators: ['stranger'],
      seedTypes: ['rape_individual'],
      gbvimsType: 'rape',
    },
    social.token,
  );
  await api(
    request,
    'violence.saveNarrative',
    { personId: person.id, incidentId: incident.id, text: NARRATIVE },
    social.token,
  );
  const plan = await api<{ id: string; safetyPlan: { version: number } }>(
    request,
    'casePlans.open',
    { personId: person.id, showReferent: true },
    social.token,
  );
  await api(
    request,
    'casePlans.saveSafetyPlan',
    {
      personId: person.id,
      planId: plan.id,
      risks: 'Le client revient le soir',
      safeContacts: [],
      safePlaces: [],
      codeWords: [{ word: CODE_WORD, meaning: 'appeler la police' }],
      ifAggressorReturns: '',
      version: plan.safetyPlan.version,
    },
    social.token,
  );
  await recordConsent(request, worker, person.id, 'social_legal', false);

  // The nurse: the pointer and nothing of why.
  await signIn(page, TEAM.nurse);
  const search = new PersonSearch(page);
  await search.search('Salma');
  await page.keyboard.press('Enter');
  const dossier = new DossierPage(page);
  await dossier.expectPerson('Salma Idrissi');
  const pointer = page.getByRole('alert').filter({ hasText: 'Suivi pluridisciplinaire' });
  await expect(pointer).toContainText(`S’adresser à ${TEAM.social.displayName}`);
  // The tabs are the same for every file (a capability's tab, not a record): "hors rôle".
  await expect(page.getByRole('tab', { name: /^Violences/ })).toContainText('hors rôle');
  await expect(page.getByRole('tab', { name: /^Plan d’accompagnement/ })).toContainText('hors rôle');
  const outsideTabs = async () =>
    (await page.locator('body').innerText()).replace(/(Violences|Plan d’accompagnement)\s*hors rôle/g, '');
  expect(await outsideTabs()).not.toMatch(WHY);
  for (const tab of ['Aujourd’hui', 'Parcours', 'Chronologie', 'Violences', 'Plan d’accompagnement']) {
    await dossier.openTab(tab);
    await expect(page.getByRole('tabpanel')).toBeVisible();
    expect(await outsideTabs()).not.toMatch(WHY);
  }
  await page.screenshot({ path: '/tmp/parcours-nurse-need-to-know.png', fullPage: true });

  // The doctor works in violence care but the person withdrew the consent: the tab says so, shows
  // nothing, and her opening of it is a refused attempt in the audit log.
  const surgery = await workstation(browser, parcours.url, []);
  await signIn(surgery, TEAM.doctor);
  const doctorSearch = new PersonSearch(surgery);
  await doctorSearch.search('Salma');
  await surgery.keyboard.press('Enter');
  const doctorView = new DossierPage(surgery);
  await doctorView.expectPerson('Salma Idrissi');
  await doctorView.openTab('Violences');
  await expect(surgery.getByRole('tabpanel')).toBeVisible();
  await expect(surgery.getByRole('tabpanel')).not.toContainText(/Viol individuel|Protocole 72 h|Récit/);
  await expect(surgery.locator('body')).not.toContainText(NARRATIVE);
  await surgery.screenshot({ path: '/tmp/parcours-doctor-no-consent.png', fullPage: true });
  await surgery.context().close();

  // The coordinator's audit log: the nurse's and the doctor's refused attempts on this file.
  const coordinatorErrors: string[] = [];
  const office = await workstation(browser, parcours.url, coordinatorErrors);
  await signIn(office, COORDINATOR);
  await office.getByRole('navigation').getByRole('link', { name: "Journal d'audit" }).click();
  await office.getByRole('textbox', { name: /^Personne/ }).fill(person.fileNumber);
  const log = office.getByRole('table').first();
  const denied = (name: string) =>
    log.getByRole('row').filter({ hasText: 'Accès refusé' }).filter({ hasText: name });
  for (const name of [TEAM.nurse.displayName, TEAM.doctor.displayName])
    await expect(denied(name).first()).toContainText(`${person.fileNumber} · Salma Idrissi`);
  await office.screenshot({ path: '/tmp/parcours-audit-denied.png', fullPage: true });
  await office.context().close();
  expect(coordinatorErrors, 'the coordinator workstation logged errors').toEqual([]);

  // Reception: "Prioritaire" on the card, no reason, no time left.
  const desk = await workstation(browser, parcours.url, []);
  await signIn(desk, TEAM.worker);
  const board = new BoardPage(desk);
  await board.goto();
  const card = board.rowFor('Salma Idrissi');
  await expect(card).toContainText('Prioritaire');
  await expect(card).not.toContainText(/reste|\d+ h|violence|Protocole/i);
  await expect(desk.locator('body')).not.toContainText(WHY);
  await desk.context().close();
});
