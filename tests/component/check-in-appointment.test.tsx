/**
 * Appointments and arrivals are linked (issue 9, item 4), in the check-in dialog: a person booked
 * today is offered today's appointment, preselected, and the arrival marks it arrived; their past
 * appointments never honoured become absent and the pathway tab counts them. "Sans rendez-vous"
 * stays a walk-in.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM, type TestCentre } from './helpers/centre';
import { renderApp } from './helpers/render';
import { addDays, siteDate, siteInstant } from './helpers/site-time';

async function bookedToday(centre: TestCentre, nameUsed: string) {
  const person = await centre.must(
    'persons.create',
    { siteId: centre.siteId, nameUsed },
    centre.tokens.worker,
  );
  const today = siteDate(new Date());
  const book = (date: string, from: string, to: string) =>
    centre.must(
      'appointments.book',
      {
        personId: person.id,
        siteId: centre.siteId,
        professionalId: centre.userIds.nurse,
        type: 'screening',
        startsAt: siteInstant(date, from),
        endsAt: siteInstant(date, to),
      },
      centre.tokens.worker,
    );
  const yesterday = await book(addDays(today, -1), '10:00', '10:30');
  const todays = await book(today, '23:00', '23:30');
  const statuses = async () =>
    Object.fromEntries(
      (await centre.must('appointments.forPerson', { personId: person.id }, centre.tokens.worker)).items.map(
        (a) => [a.id, a.status],
      ),
    );
  return { person, yesterday, todays, statuses };
}

describe('checking in a person booked today', () => {
  it('offers today’s appointment preselected, marks it arrived, and counts the missed one', async () => {
    const centre = await startCentre();
    const { person, yesterday, todays, statuses } = await bookedToday(centre, 'Inès Roux');
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}`);

    await user.click(await screen.findByRole('button', { name: 'Enregistrer l’arrivée' }));
    const dialog = await screen.findByRole('dialog');
    const choice = await within(dialog).findByRole('textbox', { name: /Rendez-vous du jour/ });
    await waitFor(() => expect((choice as HTMLInputElement).value).toBe('23:00 · Dépistage · Sam Dupont'));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer l’arrivée' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(await statuses()).toEqual({ [yesterday.id]: 'no_show', [todays.id]: 'arrived' });
    const [visit] = (await centre.must('visits.forPerson', { personId: person.id }, centre.tokens.worker))
      .items;
    expect(visit).toMatchObject({ origin: 'appointment', appointmentId: todays.id });

    await user.click(await screen.findByRole('tab', { name: 'Parcours' }));
    expect((await screen.findByTestId('no-show-count')).textContent).toBe(
      '1 rendez-vous manqué (absent·e à la fin de la journée)',
    );
  });

  it('"Sans rendez-vous" records a walk-in and leaves the appointment booked', async () => {
    const centre = await startCentre();
    const { person, todays, statuses } = await bookedToday(centre, 'Malo Blanc');
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}`);

    await user.click(await screen.findByRole('button', { name: 'Enregistrer l’arrivée' }));
    const dialog = await screen.findByRole('dialog');
    const choice = await within(dialog).findByRole('textbox', { name: /Rendez-vous du jour/ });
    await waitFor(() => expect((choice as HTMLInputElement).value).toContain('23:00'));
    // With the keyboard, as at the desk (Mantine's dropdown stays hidden from a pointer in happy-dom).
    choice.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect((choice as HTMLInputElement).value).toBe('Sans rendez-vous'));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer l’arrivée' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect((await statuses())[todays.id]).toBe('booked');
    const [visit] = (await centre.must('visits.forPerson', { personId: person.id }, centre.tokens.worker))
      .items;
    expect(visit).toMatchObject({ origin: 'walk_in', appointmentId: null });
  });
});
