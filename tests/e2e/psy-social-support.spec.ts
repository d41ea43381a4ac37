/**
 * Psychological and social support around one survivor (issue 11, items 5 and 6). The person
 * shares her file with the social and legal team but not her psychological notes. The
 * psychologist records an individual session with a private note and reads it back. The social
 * worker records a food basket worth 12,50 € and a referral to a shelter of the directory; the
 * dossier's history shows both by their kind, never what was given. The doctor opens the same
 * dossier: the "Soutien psychologique" tab gives nothing of the session — no note, no count, not
 * even in the history — until the person gives the `psy` consent, recorded by the doctor; then
 * she reads the note.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DossierPage } from './pages/DossierPage';
import { PersonSearch } from './pages/PersonSearch';
import {
  api,
  atReception,
  COORDINATOR,
  createPerson,
  login,
  recordConsent,
  signIn,
  staff,
  TEAM,
} from './pathway-setup';
import { workstation } from './workstation';

const NAME = 'Awa Diallo';
const NOTE = 'Note-témoin-P5K: cauchemars depuis l’agression, reprend le sommeil.';
const BASKET = 'Panier-témoin-S2: riz, huile, lait infantile';
const SHELTER = 'Foyer Les Oliviers';
const PSYCHOLOGIST = {
  username: 'lea.psy',
  displayName: 'Léa Rousseau',
  password: 'psychologue-du-lez-2024',
} as const;

/** `YYYY-MM-DD` in the site's zone, `days` from now. */
function siteDay(timeZone: string, days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone });
}

async function openDossier(page: Page): Promise<DossierPage> {
  const search = new PersonSearch(page);
  await search.search('Awa');
  await page.keyboard.press('Enter');
  const dossier = new DossierPage(page);
  await dossier.expectPerson(NAME);
  return dossier;
}

test('a psychologist’s note stays hers until the psy consent; social supports appear in the history by kind only', async ({
  page,
  browser,
  request,
  parcours,
}) => {
  const { centre, worker } = await atReception(request);
  const social = await staff(request, TEAM.social);
  // The centre's psychologist joins the team, as the coordinator creates any member.
  const coordinator = await staff(request, COORDINATOR);
  const created = await api<{ temporaryPassword: string }>(
    request,
    'users.create',
    {
      username: PSYCHOLOGIST.username,
      displayName: PSYCHOLOGIST.displayName,
      roles: ['psychologist'],
      siteIds: [centre.siteId],
    },
    coordinator.token,
  );
  const first = await login(request, PSYCHOLOGIST.username, created.temporaryPassword);
  await api(
    request,
    'auth.changePassword',
    { currentPassword: created.temporaryPassword, newPassword: PSYCHOLOGIST.password },
    first.token,
  );
  // A shelter in the directory; the person shares with the social team and external partners, not psy.
  await api(
    request,
    'directory.save',
    { name: SHELTER, kind: 'organisation', category: 'shelter', city: 'Montpellier' },
    social.token,
  );
  const person = await createPerson(request, centre, worker, { nameUsed: NAME });
  await recordConsent(request, worker, person.id, 'care_team');
  await recordConsent(request, worker, person.id, 'social_legal');
  await recordConsent(request, worker, person.id, 'external_referral');

  // 1. The psychologist records an individual session, held yesterday, with her private note.
  await signIn(page, PSYCHOLOGIST);
  const dossier = await openDossier(page);
  await dossier.openTab('Soutien psychologique');
  await page.getByRole('button', { name: 'Nouvelle séance' }).click();
  const sessionForm = page.getByRole('dialog', { name: 'Séance de soutien psychologique' });
  await expect(sessionForm.getByRole('radio', { name: 'Séance individuelle' })).toBeChecked();
  await sessionForm.getByLabel(/^Date/).fill(siteDay(centre.timezone, -1));
  await sessionForm.getByLabel(/^Heure/).fill('10:30');
  await sessionForm.getByRole('textbox', { name: 'Durée (minutes)' }).fill('45');
  await sessionForm.getByRole('textbox', { name: 'Note privée' }).fill(NOTE);
  await sessionForm.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(sessionForm).toHaveCount(0);
  const session = page.getByRole('region', { name: 'Séance individuelle' });
  await expect(session).toContainText(`à 10:30 par ${PSYCHOLOGIST.displayName} · 45 min`);
  await expect(session).toContainText(NOTE);

  // 2. The social worker: a food basket worth 12,50 € and a shelter referral from the directory.
  const errors: string[] = [];
  const office = await workstation(browser, parcours.url, errors);
  await signIn(office, TEAM.social);
  const socialView = await openDossier(office);
  await socialView.openTab('Social');
  const supportForm = office.getByRole('dialog', { name: 'Prestation sociale' });
  await office.getByRole('button', { name: 'Nouvelle prestation' }).click();
  await supportForm.getByRole('textbox', { name: 'Type' }).click();
  await office.getByRole('option', { name: 'Panier alimentaire' }).click();
  await supportForm.getByRole('textbox', { name: /^Valeur/ }).fill('12,50');
  await supportForm.getByRole('textbox', { name: 'Devise (code ISO)' }).fill('EUR');
  await supportForm.getByRole('textbox', { name: /^Ce qui a été donné/ }).fill(BASKET);
  await supportForm.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(supportForm).toHaveCount(0);
  await office.getByRole('button', { name: 'Nouvelle prestation' }).click();
  await supportForm.getByRole('textbox', { name: 'Type' }).click();
  await office.getByRole('option', { name: 'Orientation vers un hébergement d’urgence' }).click();
  await supportForm.getByRole('textbox', { name: /^Structure \(annuaire\)/ }).click();
  await office.getByRole('option', { name: SHELTER }).click();
  await supportForm.getByRole('textbox', { name: /^Ce qui a été donné/ }).fill('Trois nuits, place réservée');
  await supportForm.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(supportForm).toHaveCount(0);
  const basket = office.getByRole('region', { name: 'Panier alimentaire' });
  await expect(basket).toContainText(/Panier alimentaire · 12,50\s€/);
  await expect(basket).toContainText(BASKET);
  await expect(
    office.getByRole('region', { name: 'Orientation vers un hébergement d’urgence' }),
  ).toContainText(`Orientée vers : ${SHELTER}`);
  // The history: both by kind, never what was given.
  await socialView.openTab('Chronologie');
  const history = office.getByRole('tabpanel');
  await expect(history).toContainText('Panier alimentaire');
  await expect(history).toContainText('Orientation vers un hébergement d’urgence');
  await expect(history).not.toContainText(/Panier-témoin|Trois nuits|12,50/);
  await office.context().close();

  // 3. The doctor: the tab is concealed, nothing of the session anywhere, not even a count.
  const surgery = await workstation(browser, parcours.url, errors);
  await signIn(surgery, TEAM.doctor);
  const doctorView = await openDossier(surgery);
  await expect(surgery.getByRole('tab', { name: /^Soutien psychologique/ })).toContainText('masqué');
  await doctorView.openTab('Soutien psychologique');
  const psyPanel = surgery.getByRole('tabpanel');
  await expect(psyPanel).toContainText('Masqué : non partagé au-delà du/de la psychologue');
  await expect(psyPanel).not.toContainText(/Séance individuelle|Note privée|\d+ éléments?\)/);
  await expect(surgery.locator('body')).not.toContainText(NOTE);
  await doctorView.openTab('Chronologie');
  await expect(surgery.getByRole('tabpanel')).toBeVisible();
  await expect(surgery.getByRole('tabpanel')).not.toContainText('Séance individuelle');
  await expect(surgery.locator('body')).not.toContainText(NOTE);

  // The person agrees to share her psychological notes; the doctor records it and reads the note.
  await doctorView.setConsent('Notes psychologiques', true);
  await doctorView.openTab('Soutien psychologique');
  const shared = surgery.getByRole('region', { name: 'Séance individuelle' });
  await expect(shared).toContainText(NOTE);
  await expect(shared).toContainText(`par ${PSYCHOLOGIST.displayName}`);
  await expect(surgery.getByRole('button', { name: 'Nouvelle séance' })).toHaveCount(0);
  // The history now shows the session, by its kind only.
  await doctorView.openTab('Chronologie');
  await expect(surgery.getByRole('tabpanel')).toContainText('Séance individuelle');
  await expect(surgery.getByRole('tabpanel')).not.toContainText(NOTE);
  await surgery.context().close();
  expect(errors, 'the social worker’s or the doctor’s workstation logged errors').toEqual([]);
});
