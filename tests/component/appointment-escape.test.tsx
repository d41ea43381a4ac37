/**
 * The appointment dialog closes with one Escape when no list is open: the person field has the
 * focus on opening, and an empty search list must not swallow the first Escape. An open list of
 * results closes first, as everywhere.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { renderApp } from './helpers/render';

describe('the appointment dialog', () => {
  it('closes with one Escape', async () => {
    await startCentre();
    const { user } = await renderApp(TEAM.worker, '/agenda');
    await screen.findByRole('heading', { name: 'Agenda', level: 1 });
    await user.click(await screen.findByRole('button', { name: 'Nouveau rendez-vous' }));
    const dialog = await screen.findByRole('dialog');
    // The person field is focused, ready to type.
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('an open list of results closes first, then the dialog', async () => {
    const centre = await startCentre();
    await centre.must(
      'persons.create',
      { siteId: centre.siteId, nameUsed: 'Sacha Leroy' },
      centre.tokens.worker,
    );
    const { user } = await renderApp(TEAM.worker, '/agenda');
    await screen.findByRole('heading', { name: 'Agenda', level: 1 });
    await user.click(await screen.findByRole('button', { name: 'Nouveau rendez-vous' }));
    const dialog = await screen.findByRole('dialog');
    const person = within(dialog).getByRole('textbox', { name: /^Personne/ });
    await user.type(person, 'Sacha');
    await waitFor(() => expect(person.hasAttribute('data-expanded')).toBe(true));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(person.hasAttribute('data-expanded')).toBe(false));
    expect(screen.getByRole('dialog')).toBe(dialog);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
