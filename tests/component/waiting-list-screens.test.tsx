/**
 * The waiting-list screen shows each specialty's list, oldest request first, with the days waited
 * and the count per specialty, and books a line without leaving it; the workshops screen lets the
 * coordination create a workshop, refusing an end before the start next to the field.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COORDINATOR, startCentre, TEAM } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate } from './helpers/site-time';

describe('the waiting-list screens', () => {
  it('lists a specialty oldest first with the days waited, and books a line from the list', async () => {
    const centre = await startCentre();
    const today = siteDate(new Date());
    for (const [nameUsed, daysAgo] of [
      ['Rose Martin', 4],
      ['Ali Haddad', 12],
    ] as const) {
      const person = await filedPerson(centre, nameUsed, { careTeam: true });
      await centre.must(
        'waitingLists.refer',
        {
          personId: person.id,
          siteId: centre.siteId,
          specialty: 'sexology',
          requestedOn: addDays(today, -daysAgo),
          origin: 'interview',
        },
        centre.tokens.worker,
      );
    }

    const { user } = await renderApp(TEAM.worker, '/waiting-lists');
    await screen.findByRole('heading', { name: 'Listes d’attente', level: 1 });
    await screen.findByRole('option', { name: 'Sexologie (2)' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Spécialité' }), 'Sexologie (2)');
    const rows = await screen.findAllByRole('row');
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('row')
          .slice(1)
          .map((r) => [
            within(r).getAllByRole('cell')[0].textContent,
            within(r).getAllByRole('cell')[3].textContent,
          ]),
      ).toEqual([
        ['Ali Haddad', '12 j'],
        ['Rose Martin', '4 j'],
      ]),
    );
    expect(rows.length).toBeGreaterThan(0);

    const first = screen.getAllByRole('row')[1];
    await user.click(within(first).getByRole('button', { name: 'Programmer' }));
    const dialog = await screen.findByRole('dialog');
    const professional = within(dialog).getByRole('combobox', { name: /^Professionnel·le/ });
    await waitFor(() => expect(within(professional).getAllByRole('option').length).toBeGreaterThan(1));
    await user.selectOptions(professional, 'Nadia Benali');
    fireEvent.change(within(dialog).getByLabelText(/^Début/), {
      target: { value: `${addDays(today, 2)}T15:00` },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Fin/), {
      target: { value: `${addDays(today, 2)}T15:30` },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Programmer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Booked: off the waiting list, on the booked one.
    await waitFor(() => expect(screen.queryByText('Ali Haddad')).toBeNull());
    await user.click(screen.getByText('Programmées'));
    expect(await screen.findByText('Ali Haddad')).toBeTruthy();
  });

  it('lets the coordination create a workshop, refusing an end before its start next to the field', async () => {
    const centre = await startCentre();
    const { user } = await renderApp(COORDINATOR, '/workshops');
    await screen.findByRole('heading', { name: 'Ateliers collectifs', level: 1 });
    expect(await screen.findByText('Aucun atelier à venir.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Nouvel atelier' }));
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: /^Spécialité/ }),
      'Hormonothérapie',
    );
    await user.type(within(dialog).getByRole('textbox', { name: /^Intitulé/ }), 'Atelier auto-injection');
    const day = addDays(siteDate(new Date()), 10);
    const end = within(dialog).getByLabelText(/^Fin/);
    fireEvent.change(within(dialog).getByLabelText(/^Début/), { target: { value: `${day}T18:00` } });
    fireEvent.change(end, { target: { value: `${day}T17:00` } });
    const facilitator = within(dialog).getByRole('combobox', { name: /^Animateur·rice/ });
    await waitFor(() => expect(within(facilitator).getAllByRole('option').length).toBeGreaterThan(1));
    await user.selectOptions(facilitator, 'Sam Dupont');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await expectFieldError(end, 'La fin doit être après le début.');
    expect((await centre.must('waitingLists.workshops', {}, centre.tokens.worker)).items).toEqual([]);

    fireEvent.change(end, { target: { value: `${day}T20:00` } });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Atelier auto-injection')).toBeTruthy();
    expect(screen.getByText(/0 \/ 8 places/)).toBeTruthy();
  });
});
