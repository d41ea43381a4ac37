/**
 * The waiting lists' forms in the Referrals tab: referring to a specialty refuses a missing
 * specialty and a request dated in the future next to their fields and writes nothing, then adds
 * the request; booking refuses a full workshop next to the workshop and an appointment without its
 * professional next to that field, then books the appointment.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate, siteInstant } from './helpers/site-time';

describe('the waiting-list forms', () => {
  it('refuses a missing specialty and a future date next to their fields, then puts the person on the list', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Inès Garnier', { careTeam: true });
    const entries = async () =>
      (await centre.must('waitingLists.forPerson', { personId: person.id }, centre.tokens.worker)).items;

    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}/referrals`);
    await user.click(await screen.findByRole('button', { name: 'Orienter vers un spécialiste' }));
    const dialog = await screen.findByRole('dialog');
    const specialty = within(dialog).getByRole('combobox', { name: /^Spécialité/ });
    const date = within(dialog).getByLabelText(/^Date de la demande/);
    // Today at the site is offered.
    expect((date as HTMLInputElement).value).toBe(siteDate(new Date()));

    await user.click(within(dialog).getByRole('button', { name: 'Orienter vers un spécialiste' }));
    await expectFieldError(specialty, 'Ce champ est obligatoire.');

    await user.selectOptions(specialty, 'Sexologie');
    fireEvent.change(date, { target: { value: addDays(siteDate(new Date()), 2) } });
    await user.click(within(dialog).getByRole('button', { name: 'Orienter vers un spécialiste' }));
    await expectFieldError(date, 'Cette date est dans le futur.');
    expect(await entries()).toEqual([]);

    fireEvent.change(date, { target: { value: addDays(siteDate(new Date()), -3) } });
    await user.click(within(dialog).getByRole('button', { name: 'Orienter vers un spécialiste' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const card = await screen.findByLabelText('Sexologie');
    expect(within(card).getByText('En attente')).toBeTruthy();
    expect(within(card).getByText('3 jours d’attente')).toBeTruthy();
    expect((await entries()).map((e) => [e.specialty, e.status])).toEqual([['sexology', 'waiting']]);
  });

  it('refuses a full workshop and an appointment without its professional next to the field, then books', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Yanis Morel', { careTeam: true });
    const other = await filedPerson(centre, 'Lou Perrin', { careTeam: true });
    const today = siteDate(new Date());
    const refer = (personId: string) =>
      centre.must(
        'waitingLists.refer',
        {
          personId,
          siteId: centre.siteId,
          specialty: 'hormone_therapy',
          requestedOn: today,
          origin: 'interview',
        },
        centre.tokens.worker,
      );
    const entry = await refer(person.id);
    const taken = await refer(other.id);
    const workshop = await centre.must(
      'waitingLists.saveWorkshop',
      {
        siteId: centre.siteId,
        specialty: 'hormone_therapy',
        title: 'Atelier auto-injection',
        startsAt: siteInstant(addDays(today, 7), '18:00'),
        endsAt: siteInstant(addDays(today, 7), '20:00'),
        capacity: 1,
        facilitatorId: centre.userIds.nurse,
      },
      centre.tokens.coordinator,
    );
    await centre.must(
      'waitingLists.book',
      { personId: other.id, id: taken.id, version: taken.version, mode: 'workshop', workshopId: workshop.id },
      centre.tokens.worker,
    );

    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}/referrals`);
    await user.click(await screen.findByRole('button', { name: 'Programmer' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByText('Place dans un atelier'));
    const workshopField = await within(dialog).findByRole('combobox', { name: /^Atelier/ });
    await waitFor(() => expect(within(workshopField).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(workshopField, workshop.id);
    await user.click(within(dialog).getByRole('button', { name: 'Programmer' }));
    await expectFieldError(workshopField, 'Cet atelier est complet');
    expect(
      (await centre.must('waitingLists.forPerson', { personId: person.id }, centre.tokens.worker)).items[0]
        .status,
    ).toBe('waiting');

    await user.click(within(dialog).getByText('Rendez-vous dans l’agenda'));
    const professional = within(dialog).getByRole('combobox', { name: /^Professionnel·le/ });
    fireEvent.change(within(dialog).getByLabelText(/^Début/), {
      target: { value: `${addDays(today, 3)}T10:00` },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Fin/), {
      target: { value: `${addDays(today, 3)}T10:30` },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Programmer' }));
    await expectFieldError(professional, 'Ce champ est obligatoire.');

    await waitFor(() => expect(within(professional).getAllByRole('option').length).toBeGreaterThan(1));
    await user.selectOptions(professional, 'Sam Dupont');
    await user.click(within(dialog).getByRole('button', { name: 'Programmer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [booked] = (
      await centre.must('waitingLists.forPerson', { personId: person.id }, centre.tokens.worker)
    ).items;
    expect(booked).toMatchObject({ id: entry.id, status: 'booked' });
    const [appointment] = (
      await centre.must('appointments.forPerson', { personId: person.id }, centre.tokens.worker)
    ).items;
    expect(appointment).toMatchObject({ professionalId: centre.userIds.nurse, type: 'specialist' });
  });

  it('refers from the interview form without leaving it: the request says it came from the interview', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Noé Lambert', { careTeam: true });
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}/interview`);
    await user.click(await screen.findByRole('button', { name: 'Orienter vers un spécialiste' }));
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Spécialité/ }), 'Addictologie');
    await user.click(within(dialog).getByRole('button', { name: 'Orienter vers un spécialiste' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Still on the interview form.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/entretien/i);
    const entries = await centre.must(
      'waitingLists.forPerson',
      { personId: person.id },
      centre.tokens.worker,
    );
    expect(entries.items.map((e) => [e.specialty, e.origin])).toEqual([['addictology', 'interview']]);
  });
});
