/**
 * One check-in dialog (issue 9, "smaller" list): the board, the global search, the persons list
 * and the dossier all open the same dialog — same title, the priority as radio buttons, the step
 * (and the site, except on a board, whose site it is) as drop-down lists — so reception learns one
 * gesture. Two dialogs (radio buttons in one, drop-down lists in the other) was the defect.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { renderApp, type Rendered } from './helpers/render';

const TITLE = 'Enregistrer une arrivée';

/** What the dialog asks, as a user of a screen reader would list it. */
function controlsOf(dialog: HTMLElement) {
  return {
    priorities: within(dialog)
      .getAllByRole('radio')
      .map((radio) => radio.getAttribute('value')),
    lists: within(dialog)
      .getAllByRole<HTMLInputElement>('textbox')
      .map((box) => box.getAttribute('aria-label') ?? box.labels?.[0]?.textContent ?? '')
      .map((label) => label.replace(/\s*\*$/, '').trim())
      .filter((label) => label !== ''),
  };
}

async function dialogFrom(rendered: Rendered, open: () => Promise<void>) {
  await open();
  const dialog = await screen.findByRole('dialog', { name: TITLE });
  const controls = controlsOf(dialog);
  await rendered.user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
  rendered.unmount();
  return controls;
}

describe('the check-in dialog', () => {
  it('is one dialog wherever reception opens it: board, search, persons list, dossier', async () => {
    const centre = await startCentre();
    const person = await centre.must(
      'persons.create',
      { siteId: centre.siteId, nameUsed: 'Awa Diallo' },
      centre.tokens.worker,
    );

    const board = await renderApp(TEAM.worker, '/board');
    const fromBoard = await dialogFrom(board, async () => {
      await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
      await board.user.click(screen.getByRole('button', { name: TITLE }));
    });

    const search = await renderApp(TEAM.worker, '/board');
    const fromSearch = await dialogFrom(search, async () => {
      await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
      await search.user.keyboard('{Control>}k{/Control}');
      const box = await screen.findByRole('combobox', { name: 'Nom, n° de dossier ou téléphone' });
      await search.user.type(box, 'Awa');
      await screen.findByRole('option', { name: /Awa Diallo/ });
      await search.user.keyboard('{Alt>}{Enter}{/Alt}');
    });

    const list = await renderApp(TEAM.worker, '/persons');
    const fromList = await dialogFrom(list, async () => {
      await list.user.type(await screen.findByRole('searchbox'), 'Awa');
      await list.user.click(
        await screen.findByRole('button', { name: 'Enregistrer l’arrivée de Awa Diallo' }),
      );
    });

    const dossier = await renderApp(TEAM.worker, `/persons/${person.id}`);
    const fromDossier = await dialogFrom(dossier, async () => {
      await screen.findByRole('heading', { name: 'Awa Diallo', level: 1 });
      await dossier.user.click(await screen.findByRole('button', { name: 'Enregistrer l’arrivée' }));
    });

    // The priority is always radio buttons, in the same order.
    expect(fromBoard.priorities).toEqual(['normal', 'urgent', 'pep_72h', 'positive_to_treat']);
    for (const other of [fromSearch, fromList, fromDossier])
      expect(other.priorities).toEqual(fromBoard.priorities);
    // The board asks who arrives (its site is the board's); elsewhere the person is known and the
    // site is asked, as a drop-down list beside the step.
    expect(fromBoard.lists).toEqual(['Personne', 'Attend']);
    for (const other of [fromSearch, fromList, fromDossier]) expect(other.lists).toEqual(['Site', 'Attend']);
  });
});
