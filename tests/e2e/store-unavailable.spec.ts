/**
 * A data folder Parcours cannot open: the page says what happened in plain words, that nothing
 * was changed on disk, and what can be done; it offers neither the set-up wizard nor a login.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';

const NOT_A_DATABASE = 'this file is not a Parcours database\n';

// A folder holding nothing but a file that is not a database (no centre, no keyring).
test.use({ startFrom: 'empty-folder', dataDirFiles: { 'parcours.db': NOT_A_DATABASE } });

test('an unreadable data folder gets an explanation and recovery options, and is left untouched', async ({
  page,
  dataDir,
}) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'Les données de Parcours ne peuvent pas être ouvertes' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByText('Rien n’a été modifié sur le disque')).toBeVisible();
  await expect(
    page.getByText('parcours restore --from FICHIER-DE-SAUVEGARDE --data DOSSIER-DE-DONNEES'),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Trousseau de clés manquant');
  await expect(page.getByText('Utiliser le code de secours')).toBeVisible();

  await expect(page.getByRole('heading', { name: 'Installation de Parcours' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Se connecter' })).toHaveCount(0);

  // Checking again changes nothing either.
  await page.getByRole('button', { name: 'Vérifier à nouveau' }).click();
  await expect(page.getByText('Rien n’a été modifié sur le disque')).toBeVisible();
  expect(await readFile(path.join(dataDir, 'parcours.db'), 'utf8')).toBe(NOT_A_DATABASE);
});
