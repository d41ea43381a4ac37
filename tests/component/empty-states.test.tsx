/**
 * Empty states: a list with nothing to show says so in words, and offers the next step where
 * there is one — never a blank table.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { filedPerson } from './helpers/scenes';
import { renderApp } from './helpers/render';

describe('empty states', () => {
  it('a person search with no result says so and offers a new file with the typed name', async () => {
    const centre = await startCentre();
    await centre.must('persons.create', { siteId: centre.siteId, nameUsed: 'Amélie' }, centre.tokens.worker);
    const { user } = await renderApp(TEAM.worker, '/persons');
    const box = await screen.findByRole('searchbox', { name: /^Nom, n° de dossier ou téléphone/ });
    // Before typing: a hint, not an empty table.
    await screen.findByText('Tapez un nom, un numéro de dossier ou un téléphone.');

    await user.type(box, 'Zoé Lambert');
    await screen.findByText('Aucune personne ne correspond à « Zoé Lambert ».');
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows.filter((r) => within(r).queryByRole('link'))).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Nouvelle personne « Zoé Lambert »' }));
    await screen.findByRole('heading', { name: 'Nouvelle personne', level: 1 });
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: /^Nom utilisé/ }).value).toBe('Zoé Lambert');
  });

  it('an agenda day with no appointment says so', async () => {
    await startCentre();
    await renderApp(TEAM.worker, '/agenda');
    await screen.findByRole('heading', { name: 'Agenda', level: 1 });
    await screen.findByText('Aucun rendez-vous sur cette période.');
  });

  it('a dossier without referrals says so in its tab', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Rayan', { careTeam: true });
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}`);
    await screen.findByRole('heading', { name: 'Rayan', level: 1 });
    await user.click(screen.getByRole('tab', { name: /^Orientations/ }));
    await screen.findByText('Aucune orientation.');
  });
});
