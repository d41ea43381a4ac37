/**
 * The booking dialog of the agenda: the core's refusals land next to the start field — a slot
 * where the site is closed, a professional already booked — and nothing is written; a valid slot
 * is booked.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM, type OpeningHours } from './helpers/centre';
import { expectFieldError, pick } from './helpers/fields';
import { renderApp } from './helpers/render';
import { addDays, nextMonday, siteDate, siteInstant } from './helpers/site-time';

const WEEKDAYS: OpeningHours = Object.fromEntries(
  (['1', '2', '3', '4', '5'] as const).map((d) => [
    d,
    [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
  ]),
);

describe('the appointment dialog', () => {
  it('refuses a closed slot and an overlap next to the start, writes nothing, then books a free slot', async () => {
    const centre = await startCentre({ openingHours: WEEKDAYS });
    const monday = nextMonday(siteDate(new Date()));
    await centre.must(
      'persons.create',
      { siteId: centre.siteId, nameUsed: 'Sacha Leroy' },
      centre.tokens.worker,
    );
    const camille = await centre.must(
      'persons.create',
      { siteId: centre.siteId, nameUsed: 'Camille Dubois' },
      centre.tokens.worker,
    );
    // Alex already sees Camille at 10:00 that Monday.
    await centre.must(
      'appointments.book',
      {
        personId: camille.id,
        siteId: centre.siteId,
        professionalId: centre.userIds.worker,
        type: 'screening',
        startsAt: siteInstant(monday, '10:00'),
        endsAt: siteInstant(monday, '10:30'),
      },
      centre.tokens.worker,
    );
    const written = async () =>
      (
        await centre.must(
          'appointments.list',
          {
            siteId: centre.siteId,
            from: siteInstant(monday, '00:00'),
            to: siteInstant(addDays(monday, 1), '00:00'),
          },
          centre.tokens.worker,
        )
      ).map((a) => a.personName);

    const { user } = await renderApp(TEAM.worker, '/agenda');
    await screen.findByRole('heading', { name: 'Agenda', level: 1 });
    fireEvent.change(await screen.findByLabelText('Aller au'), { target: { value: monday } });
    await user.click(screen.getByRole('button', { name: 'Nouveau rendez-vous' }));
    const dialog = await screen.findByRole('dialog');

    const person = within(dialog).getByRole<HTMLInputElement>('textbox', { name: /^Personne/ });
    await pick(user, person, 'Sacha', /^Sacha Leroy/);
    await waitFor(() => expect(person.value).toMatch(/^Sacha Leroy/));
    // Whoever books is the professional by default.
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: /^Professionnel·le/ }).value).toBe(
      'Alex Moreau',
    );
    const setTimes = (start: string, end: string) => {
      fireEvent.change(within(dialog).getByLabelText(/^Début/), { target: { value: start } });
      fireEvent.change(within(dialog).getByLabelText(/^Fin/), { target: { value: end } });
    };

    // Lunch break: the site is closed.
    setTimes('13:00', '13:30');
    await user.click(within(dialog).getByRole('button', { name: 'Réserver' }));
    await expectFieldError(
      within(dialog).getByLabelText(/^Début/),
      'Le site est fermé sur ce créneau : choisissez un horaire dans les heures d’ouverture.',
    );
    expect(await written()).toEqual(['Camille Dubois']);

    // Open, but Alex is with Camille.
    setTimes('10:15', '10:45');
    await user.click(within(dialog).getByRole('button', { name: 'Réserver' }));
    await expectFieldError(
      within(dialog).getByLabelText(/^Début/),
      'Ce·tte professionnel·le a déjà un rendez-vous sur ce créneau.',
    );
    expect(await written()).toEqual(['Camille Dubois']);

    // A free, open slot is booked.
    setTimes('15:00', '15:30');
    await user.click(within(dialog).getByRole('button', { name: 'Réserver' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await written()).sort()).toEqual(['Camille Dubois', 'Sacha Leroy']);
  });
});
