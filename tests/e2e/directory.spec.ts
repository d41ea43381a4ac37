/**
 * The directory: create an entry, confirm it is still true, and refer a person who has not agreed
 * to an external referral: the written-reason field appears, a short reason is refused in French,
 * a real one is saved with the referral.
 */
import { expect, test } from './fixtures';
import { DirectoryPage } from './pages/DirectoryPage';
import { api, createPerson, recordConsent, seededCentre, signIn, staff, TEAM } from './pathway-setup';

const ENTRY = 'CeGIDD de l’hôpital Saint-Éloi';

test('create an entry, mark it verified, refer without external consent with a written reason', async ({
  page,
  request,
}) => {
  const centre = seededCentre();
  const social = await staff(request, TEAM.social);
  const sacha = await createPerson(request, centre, social, { nameUsed: 'Sacha Leroy' });
  // Sharing with the care team, but no consent to a referral outside the centre.
  await recordConsent(request, social, sacha.id, 'care_team');

  await signIn(page, social);
  const directory = new DirectoryPage(page);
  await directory.goto();
  await directory.create({
    name: ENTRY,
    category: 'CeGIDD',
    city: 'Montpellier',
    languages: ['français', 'anglais'],
    friendliness: ['LGBTQI+', 'Trans'],
    notes: 'Accueil sans rendez-vous le mardi matin. Équipe formée à l’accueil des personnes trans.',
  });
  const entry = directory.entry(ENTRY);
  await expect(entry).toContainText('CeGIDD');
  await expect(entry).toContainText('Montpellier');
  await expect(entry).toContainText('Langues : français, anglais');
  await expect(entry).toContainText('LGBTQI+');
  await expect(entry).toContainText(/vérifié le \d{2}\/\d{2}\/\d{4}/);

  await directory.markVerified(ENTRY);
  await expect(page.getByText(`Fiche « ${ENTRY} » marquée à jour.`)).toBeVisible();

  // Search and category filter.
  await directory.search('éloi');
  await expect(entry).toBeVisible();
  await directory.search('introuvable');
  await expect(entry).toHaveCount(0);
  await directory.search('');
  await expect(entry).toBeVisible();
  await page.screenshot({ path: '/tmp/parcours-directory.png', fullPage: true });

  // Referral without the external_referral consent: the core asks for a written reason.
  await directory.startReferral(ENTRY, 'Sacha', 'Sacha Leroy', 'Dépistage hépatite C et accompagnement.');
  await expect(directory.overrideReason()).toHaveCount(0);
  await directory.submitReferral();
  await expect(directory.overrideReason()).toBeVisible();
  await expect(directory.dialog()).toContainText('La personne n’a pas donné son accord');
  await directory.overrideReason().fill('urgent');
  await directory.submitReferral();
  await expect(directory.overrideReason()).toHaveAccessibleDescription(/Au moins 10 caractères\./);
  await page.screenshot({ path: '/tmp/parcours-referral.png', fullPage: true });
  await directory
    .overrideReason()
    .fill('Suspicion d’hépatite C, rendez-vous impossible à différer ; accord oral en attente.');
  await directory.submitReferral();
  await expect(directory.dialog()).toBeHidden();
  await expect(page.getByText('Orientation enregistrée.')).toBeVisible();

  const referrals = await api<{ items: { entryName: string; overrideReason: string | null }[] }>(
    request,
    'directory.referralsForPerson',
    { personId: sacha.id },
    social.token,
  );
  expect(referrals.items).toEqual([
    expect.objectContaining({
      entryName: ENTRY,
      overrideReason: 'Suspicion d’hépatite C, rendez-vous impossible à différer ; accord oral en attente.',
    }),
  ]);
});
