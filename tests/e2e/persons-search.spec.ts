/**
 * Finding people: accents, capitals and fragments do not matter ("amelie", "AMÉLIE", "melie" all
 * find Amélie), from the Personnes screen and from Ctrl+K. A match on the legal name is said, but
 * the legal name itself is never shown in the results.
 */
import { expect, test } from './fixtures';
import { DossierPage } from './pages/DossierPage';
import { PersonSearch } from './pages/PersonSearch';
import { atReception, createPerson, signIn } from './pathway-setup';

test('Amélie is found from "amelie", "AMÉLIE" and "melie"; a legal-name match never shows the legal name', async ({
  page,
  request,
}) => {
  const { centre, worker } = await atReception(request);
  await createPerson(request, centre, worker, {
    nameUsed: 'Amélie',
    legalName: 'Jean Rochefort',
    pronouns: 'elle',
    birthYear: 1996,
  });
  await createPerson(request, centre, worker, { nameUsed: 'Louis Perrin' });

  await signIn(page, worker);
  // "/" opens the search too, when not typing in a field.
  await page.keyboard.press('/');
  const quick = new PersonSearch(page);
  await expect(quick.input()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(quick.dialog()).toBeHidden();

  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Personnes' })
    .click();
  await expect(page.getByRole('heading', { name: 'Personnes', level: 1 })).toBeVisible();
  const box = page.getByRole('searchbox', { name: 'Nom, n° de dossier ou téléphone' });
  const rows = page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('link') });
  for (const query of ['amelie', 'AMÉLIE', 'melie']) {
    await box.fill(query);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Amélie');
    await expect(rows.first()).toContainText('(elle)');
    await expect(rows.first()).toContainText(/MTP-\d{4}-\d{5}/);
    await expect(rows.first()).toContainText('1996');
  }

  // The legal name matches, and the result says so without showing it.
  await box.fill('rochefort');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Amélie');
  await expect(rows.first()).toContainText('correspond au nom d’état civil');
  await expect(page.getByText(/Rochefort/)).toHaveCount(0);
  await page.screenshot({ path: '/tmp/parcours-persons.png', fullPage: true });

  // The same from Ctrl+K, anywhere in the shell.
  const search = new PersonSearch(page);
  for (const query of ['amelie', 'AMÉLIE', 'melie']) {
    await search.search(query);
    await expect(search.results()).toHaveCount(1);
    await expect(search.result('Amélie')).toContainText('né·e en 1996');
    await page.keyboard.press('Escape');
    await expect(search.dialog()).toBeHidden();
  }
  await search.search('rochefort');
  await expect(search.result('Amélie')).toContainText('correspond au nom d’état civil');
  // Only the typed text (lower case) may appear; never the legal name as recorded.
  await expect(search.dialog().getByText(/Rochefort/)).toHaveCount(0);
  await page.screenshot({ path: '/tmp/parcours-search.png' });
  await page.keyboard.press('Enter');
  await new DossierPage(page).expectPerson('Amélie');

  // The same screens in English.
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Consents' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const english = page.getByRole('dialog', { name: 'Find a person' });
  await english.getByRole('combobox', { name: 'Name, file number or phone' }).fill('amelie');
  await expect(english.getByRole('option').first()).toContainText('born in 1996');
  await page.screenshot({ path: '/tmp/parcours-search-en.png' });
});
