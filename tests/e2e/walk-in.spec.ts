/**
 * A new walk-in on the board in three actions after typing the name (issue 9, item 12): the
 * search finds nobody, "Créer et enregistrer l’arrivée" is chosen, the form opens with the name as
 * typed and Enter creates the file and records the arrival; the person waits for the interview on
 * the board. The consent left for later is said in the notice.
 */
import { expect, test } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { PersonFormPage } from './pages/PersonFormPage';
import { PersonSearch } from './pages/PersonSearch';
import { atReception, signIn } from './pathway-setup';

test('a new walk-in is on the board in three actions: type the name, choose "Créer et enregistrer l’arrivée", Enter', async ({
  page,
  request,
}) => {
  const { worker } = await atReception(request);
  await signIn(page, worker);
  const board = new BoardPage(page);
  await board.goto();

  const search = new PersonSearch(page);
  // Typing the name.
  await search.search('Awa Diallo');
  await expect(search.results()).toHaveCount(0);
  // 1. Choose the action (arrow down to it, Enter).
  await expect(search.createAndCheckIn()).toContainText('Créer et enregistrer l’arrivée de « Awa Diallo »');
  await page.keyboard.press('ArrowDown');
  await expect(search.createAndCheckIn()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  // 2. The form, with the name as typed and the arrival as its main action.
  const form = new PersonFormPage(page);
  await form.expectCreate();
  await expect(form.nameUsed()).toHaveValue('Awa Diallo');
  await expect(form.nameUsed()).toBeFocused();
  await expect(page.getByRole('button', { name: 'Créer et enregistrer l’arrivée' })).toBeVisible();
  // The sharing questions are asked, "Plus tard" until the person answers.
  await expect(page.getByRole('group', { name: 'Partage des informations' })).toContainText(
    'Réponse recommandée',
  );
  // 3. Enter: the file is created and the arrival recorded.
  await page.keyboard.press('Enter');

  await expect(board.heading()).toBeVisible();
  await board.expectStep('Awa Diallo', 'En attente d’entretien');
  await expect(
    page.getByText(/Dossier MTP-\d{4}-\d{5} créé, arrivée de Awa Diallo enregistrée/),
  ).toBeVisible();
});
