/**
 * The dossier beyond reception: an edit that races another desk gets "changed in the meantime"
 * and a reload instead of a silent overwrite; the coordination merges two files of the same
 * person, and the merged file points to the one that was kept.
 */
import { expect, test } from './fixtures';
import { DossierPage, frText } from './pages/DossierPage';
import { PersonSearch } from './pages/PersonSearch';
import { api, atReception, createPerson, signIn } from './pathway-setup';

test('an edit made meanwhile elsewhere is never overwritten silently: conflict, reload, save', async ({
  page,
  request,
}) => {
  const { centre, worker } = await atReception(request);
  const person = await createPerson(request, centre, worker, {
    nameUsed: 'Inès Caron',
    pronouns: 'elle',
    birthYear: 1988,
    contact: {
      phone: '06 12 34 56 78',
      channels: ['sms'],
      wording: 'Rappel de votre rendez-vous',
      neverContact: false,
    },
  });

  await signIn(page, worker);
  const search = new PersonSearch(page);
  await search.search('ines');
  await page.keyboard.press('Enter');
  const dossier = new DossierPage(page);
  await dossier.expectPerson('Inès Caron');
  await expect(page.getByText('SMS', { exact: true }).first()).toBeVisible();
  await expect(
    page.getByText('Ses mots pour les messages : « Rappel de votre rendez-vous »').first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Modifier' }).click();
  await expect(page.getByRole('heading', { name: 'Modifier le dossier de Inès Caron' })).toBeVisible();

  // Meanwhile, another desk marks the person as never to be contacted.
  const current = await api<{ version: number }>(request, 'persons.get', { id: person.id }, worker.token);
  await api(
    request,
    'persons.update',
    {
      id: person.id,
      version: current.version,
      siteId: centre.siteId,
      nameUsed: 'Inès Caron',
      pronouns: 'elle',
      birthYear: 1988,
      contact: { phone: '06 12 34 56 78', channels: [], neverContact: true },
    },
    worker.token,
  );

  await page.getByRole('textbox', { name: 'Pronoms' }).fill('elle/iel');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Modifié entre-temps' });
  await expect(conflict).toContainText(frText("Quelqu'un d'autre a modifié ces informations"));
  await conflict.getByRole('button', { name: 'Recharger' }).click();
  await expect(conflict).toBeHidden();
  // The reload brought the other desk's change: "never contact" is on.
  await expect(page.getByRole('switch', { name: 'Ne jamais contacter' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Pronoms' }).fill('elle/iel');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await dossier.expectPerson('Inès Caron');
  await expect(page.getByText('(elle/iel)')).toBeVisible();
  await expect(page.getByText('Ne jamais contacter').first()).toBeVisible();

  // A field error is shown next to its field, in French.
  await page.getByRole('button', { name: 'Modifier' }).click();
  await page.getByRole('switch', { name: 'Ne jamais contacter' }).uncheck();
  await page.getByRole('textbox', { name: 'Téléphone' }).fill('appelez-moi');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('textbox', { name: 'Téléphone' })).toHaveAccessibleDescription(
    /Numéro de téléphone non valide/,
  );
  await page.screenshot({ path: '/tmp/parcours-person-edit.png', fullPage: true });
  await page.getByRole('button', { name: 'Annuler' }).click();

  await dossier.openTab('Chronologie');
  await expect(page.getByText('Dossier créé')).toBeVisible();
  await page.screenshot({ path: '/tmp/parcours-timeline.png', fullPage: true });
});

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
