/**
 * The dossier beyond reception: the coordination merges two files of the same person, and the
 * merged file points to the one that was kept. The person form's rules (an edit racing another
 * desk gets "changed in the meantime" and a reload; field errors next to their field) are tested
 * at the component layer (tests/component/person-conflict.test.tsx, persons-form.test.tsx).
 */
import { expect, test } from './fixtures';
import { DossierPage, frText } from './pages/DossierPage';
import { PersonSearch } from './pages/PersonSearch';
import { api, atReception, createPerson, signIn } from './pathway-setup';

test('the coordination merges two files of the same person; the merged file points to the kept one', async ({
  page,
  request,
}) => {
  const { centre, worker } = await atReception(request);
  const first = await createPerson(request, centre, worker, { nameUsed: 'Karim Haddad', birthYear: 1990 });
  const second = await createPerson(request, centre, worker, { nameUsed: 'Karim Hadad', birthYear: 1990 });
  await api(request, 'visits.checkIn', { personId: second.id, siteId: centre.siteId }, worker.token);

  await signIn(page, { ...centre.coordinator });
  const search = new PersonSearch(page);
  await search.search('Karim Hadad');
  await search.result('Karim Hadad').click();
  const dossier = new DossierPage(page);
  await dossier.expectPerson('Karim Hadad');
  // The coordination reads identities, not the pathway: said, not hidden.
  await dossier.openTab('Parcours');
  await expect(page.getByText(frText('Hors de votre rôle'))).toBeVisible();

  await page.getByRole('button', { name: 'Plus' }).click();
  await page.getByRole('menuitem', { name: 'Fusionner avec un autre dossier…' }).click();
  const merge = page.getByRole('dialog', { name: 'Fusionner deux dossiers' });
  await merge.getByRole('textbox', { name: 'Nom, n° de dossier ou téléphone' }).fill('haddad');
  await merge.getByRole('button', { name: 'Comparer' }).click();
  // Side by side; the older file is proposed to be kept.
  await expect(merge.getByRole('radio', { name: `Conserver ${first.fileNumber}` })).toBeChecked();
  await expect(merge.getByRole('table')).toContainText('Karim Haddad');
  await expect(merge.getByRole('table')).toContainText('Karim Hadad');
  await page.screenshot({ path: '/tmp/parcours-merge.png' });
  await merge.getByRole('button', { name: 'Fusionner' }).click();
  await expect(merge).toBeHidden();
  await dossier.expectPerson('Karim Haddad');
  await expect(page.getByText(`Dossiers fusionnés dans ${first.fileNumber}.`)).toBeVisible();

  // The merged file is out of the search; opened by its address, it points to the kept file.
  await search.search('karim');
  await expect(search.results()).toHaveCount(1);
  await expect(search.result('Karim Haddad')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.evaluate((id) => {
    window.location.hash = `/persons/${id}`;
  }, second.id);
  await expect(page.getByText('Dossier fusionné')).toBeVisible();
  await page.getByRole('link', { name: 'Ouvrir le dossier conservé' }).click();
  await dossier.expectPerson('Karim Haddad');
});
