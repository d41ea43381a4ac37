/**
 * The foundation, end to end in a real browser against `parcours serve`: set-up, sign-in,
 * centre settings, team administration, forced password change, idle lock and unlock, the
 * calm login refusal, the audit log and its integrity check, and the English interface.
 * Only the first test drives the set-up wizard (on an empty folder); the others start from the
 * seeded centre, which is the same centre with its team. The team form's field refusals are
 * tested at the component layer (tests/component/team-form.test.tsx).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AuditPage } from './pages/AuditPage';
import { CentrePage } from './pages/CentrePage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { field } from './pages/fields';
import { LockPage } from './pages/LockPage';
import { LoginPage } from './pages/LoginPage';
import { type CentreDetails, SetupWizardPage } from './pages/SetupWizardPage';
import { ShellPage } from './pages/ShellPage';
import { type NewMember, StaffPage } from './pages/StaffPage';
import { CENTRE_NAME, COORDINATOR, SITES } from './seed';

const CENTRE: CentreDetails = {
  centreName: CENTRE_NAME,
  site: { ...SITES[0], address: '12 rue du Lez\n34000 Montpellier', phone: '04 67 00 11 22' },
  admin: {
    username: COORDINATOR.username,
    displayName: COORDINATOR.displayName,
    password: COORDINATOR.password,
  },
};

const NURSE = {
  username: 'sam.nurse',
  displayName: 'Sam Dupont',
  role: 'Infirmier·e',
  site: 'MTP · Montpellier centre',
};
const NURSE_PASSWORD = 'infirmerie-du-lez-7';

/** Someone the seeded team does not have yet (its nurse is already called Sam Dupont). */
const NEW_MEMBER: NewMember = {
  username: 'lea.infirmiere',
  displayName: 'Léa Fontaine',
  role: 'Infirmier·e',
  site: 'MTP · Montpellier centre',
};

/** The coordinator of the seeded centre signs in and lands on the home screen. */
async function signInCoordinator(page: Page): Promise<void> {
  await page.goto('/');
  await new LoginPage(page).login(CENTRE.admin.username, CENTRE.admin.password);
  await new ShellPage(page).expectHome(CENTRE.admin.displayName);
}

test.describe('on an empty data folder', () => {
  test.use({ startFrom: 'empty-folder' });

  test('set-up, team, forced password change, idle lock and unlock', async ({ page }) => {
    // The fake clock must be in place before the app starts so the idle check can be fast-forwarded.
    await page.clock.install();
    await page.goto('/');
    const recoveryCode = await new SetupWizardPage(page).setUp(CENTRE);
    await new LoginPage(page).login(CENTRE.admin.username, CENTRE.admin.password);
    await new ShellPage(page).expectHome(CENTRE.admin.displayName);
    expect(recoveryCode.length).toBeGreaterThanOrEqual(16);

    const shell = new ShellPage(page);
    await expect(page.getByRole('banner').getByText(CENTRE.centreName)).toBeVisible();

    // Centre settings: auto-lock after one minute of inactivity.
    await shell.open('Centre');
    const centre = new CentrePage(page);
    await centre.expectVisible();
    await centre.setAutoLockMinutes(1);
    // The site's address and phone given at set-up, kept as typed (line break included).
    await centre.expectSiteContact(SITES[0].code, '12 rue du Lez\n34000 Montpellier', '04 67 00 11 22');

    // Équipe: a new nurse, and the temporary password shown once.
    await shell.open('Équipe');
    const staff = new StaffPage(page);
    await staff.expectVisible();
    const temporaryPassword = await staff.createMember(NURSE);
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    await expect(staff.row(NURSE.displayName)).toContainText('Mot de passe provisoire');
    await expect(staff.row(NURSE.displayName)).toContainText('Infirmier·e');

    await shell.logout(CENTRE.admin.displayName);

    // The nurse signs in with the temporary password and must change it before anything else.
    const login = new LoginPage(page);
    await login.login(NURSE.username, temporaryPassword);
    const change = new ChangePasswordPage(page);
    await change.expectVisible();
    await expect(shell.navigation()).toHaveCount(0);

    await change.change(temporaryPassword, 'court');
    await expect(change.newPassword()).toHaveAccessibleDescription(/Au moins 10 caractères\./);

    await change.change(temporaryPassword, NURSE_PASSWORD);
    await shell.expectHome(NURSE.displayName);
    // She lands on the board, on her own queue: who waits for a nurse.
    await expect(page.getByRole('heading', { name: 'Tableau d’accueil', level: 1 })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Ma file' })).toBeChecked();
    // A nurse manages neither the team, the audit log nor the centre; she works on the pathway.
    await expect(shell.navigation().getByRole('link')).toHaveText([
      'Tableau d’accueil',
      'À faire',
      'Personnes',
      'Agenda',
      'Listes d’attente',
      'Ateliers collectifs',
      'Résultats du laboratoire',
      'Annuaire',
    ]);

    // Idle for a little more than the one-minute auto-lock.
    await page.clock.fastForward('01:05');
    const lock = new LockPage(page);
    await lock.expectVisible(NURSE.displayName);
    await expect(
      page.getByText('La session a été verrouillée après une période d’inactivité.'),
    ).toBeVisible();

    await lock.unlock('pas-le-bon-mot-de-passe');
    await expect(lock.error()).toHaveText('Identifiant ou mot de passe incorrect.');
    await lock.expectVisible(NURSE.displayName);

    await lock.unlock(NURSE_PASSWORD);
    await shell.expectHome(NURSE.displayName);
  });
});

test('a refused login says the same thing for an unknown user and a wrong password', async ({ page }) => {
  await signInCoordinator(page);
  await new ShellPage(page).logout(CENTRE.admin.displayName);

  const login = new LoginPage(page);
  await login.login('personne.inconnue', 'un-mot-de-passe-quelconque');
  await expect(login.error()).toBeVisible();
  const unknownUser = await login.error().textContent();

  await login.login(CENTRE.admin.username, 'pas-le-bon-mot-de-passe');
  await expect(login.error()).toBeVisible();
  const wrongPassword = await login.error().textContent();

  expect(unknownUser).toBe('Identifiant ou mot de passe incorrect.');
  expect(wrongPassword).toBe(unknownUser);
  // Nothing was let through.
  await login.expectVisible();
});

test('the coordinator reads the audit log and its integrity check reports it intact', async ({ page }) => {
  await signInCoordinator(page);
  const shell = new ShellPage(page);

  await shell.open('Équipe');
  await new StaffPage(page).createMember(NEW_MEMBER);

  await shell.open("Journal d'audit");
  const audit = new AuditPage(page);
  await audit.expectVisible();
  await expect(audit.entries('Connexion', CENTRE.admin.displayName).first()).toBeVisible();
  await expect(
    audit.entries('Création', CENTRE.admin.displayName).filter({ hasText: NEW_MEMBER.displayName }),
  ).toHaveCount(1);

  await audit.filterByAction('Création');
  await expect(audit.entries('Connexion')).toHaveCount(0);
  await expect(audit.entries('Création').first()).toBeVisible();

  const result = await audit.verify();
  await expect(result).toContainText('Journal intact');
});

test('the interface switches to English, on the login screen and in the application', async ({ page }) => {
  await page.goto('/');
  const login = new LoginPage(page);
  await login.expectVisible();
  await login.switchLanguage('EN');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await field(page, 'Username').fill(CENTRE.admin.username);
  await field(page, 'Password').fill('wrong-password-here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');

  await field(page, 'Password').fill(CENTRE.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // Signed in, the interface follows the account's language: the coordinator's is the centre's.
  await new ShellPage(page).expectHome(CENTRE.admin.displayName);
  await page.getByRole('banner').getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Today’s overview', level: 1 })).toBeVisible();
  // The coordination reads no pathway: it lands on the day's overview and sees the board and the
  // schedule as counts only.
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link')).toHaveText([
    'Today’s overview',
    'Reception board',
    'People',
    'Schedule',
    'Collective workshops',
    'Team actions',
    'Directory',
    'Team',
    'Audit log',
    'Emergency access',
    'Centre',
    'Clinical catalogues',
  ]);
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
});

test('a stale centre edit gets a conflict and a reload instead of overwriting', async ({
  page,
  browser,
  baseURL,
}) => {
  await signInCoordinator(page);
  await new ShellPage(page).open('Centre');
  await new CentrePage(page).expectVisible();

  // Meanwhile, on another workstation, the same coordinator renames the centre.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await otherPage.goto('/');
  await new LoginPage(otherPage).login(CENTRE.admin.username, CENTRE.admin.password);
  await new ShellPage(otherPage).open('Centre');
  await field(otherPage, 'Nom du centre').fill('Centre renommé ailleurs');
  await otherPage.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(otherPage.getByText('Modifications enregistrées.')).toBeVisible();
  await other.close();

  // This page still holds the old version: its save is refused, not silently applied.
  await field(page, 'Nom du centre').fill('Mon nom à moi');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('alert')).toContainText(
    "Quelqu'un d'autre a modifié ces informations entre-temps.",
  );
  await page.getByRole('button', { name: 'Recharger' }).click();
  await expect(field(page, 'Nom du centre')).toHaveValue('Centre renommé ailleurs');
});
