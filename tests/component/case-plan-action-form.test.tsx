/**
 * The case-plan tab: a writer opens the plan; the action form refuses, next to their fields and
 * before anything is sent, an action without a title, without an owner, or due in the past; it
 * offers as owners only the staff who may read plans (never the nurse); a valid action is saved
 * and makes the plan active.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate } from './helpers/site-time';

const YESTERDAY = addDays(siteDate(new Date()), -1);
const NEXT_WEEK = addDays(siteDate(new Date()), 7);

describe('the case-plan action form', () => {
  it('refuses a missing title, owner and a past due date next to their fields, offers only owners who read plans', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'social_legal', given: true },
      centre.tokens.worker,
    );
    const stored = async () =>
      (await centre.must('casePlans.forPerson', { personId: person.id }, centre.tokens.doctor)).items;
    const { user } = await renderApp(TEAM.doctor, `/persons/${person.id}/case-plan`);
    await user.click(await screen.findByRole('button', { name: 'Ouvrir un plan d’accompagnement' }));
    const medical = await screen.findByRole('region', { name: 'Médical' });
    expect(await stored()).toMatchObject([{ status: 'open' }]);

    await user.click(within(medical).getByRole('button', { name: 'Nouvelle action' }));
    const dialog = await screen.findByRole('dialog', { name: 'Action du plan' });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer l’action' }));
    await expectFieldError(within(dialog).getByRole('textbox', { name: /^Action/ }), 'Ce texte est vide.');
    const owner = within(dialog).getByRole<HTMLInputElement>('textbox', { name: /^Porteur·se/ });
    await expectFieldError(owner, 'Indiquez qui porte cette action.');
    const due = within(dialog).getByLabelText(/^Échéance/);
    fireEvent.change(due, { target: { value: YESTERDAY } });
    await user.type(within(dialog).getByRole('textbox', { name: /^Action/ }), 'Sérologies à 6 semaines');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer l’action' }));
    await expectFieldError(due, 'L’échéance est déjà passée.');
    expect((await stored())[0]?.actions).toEqual([]);

    // Owners: staff who read case plans only (the doctor, never the nurse or reception).
    owner.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() =>
      expect(screen.getByRole('option', { name: TEAM.doctor.displayName, hidden: true })).toBeTruthy(),
    );
    expect(screen.queryByRole('option', { name: TEAM.nurse.displayName, hidden: true })).toBeNull();
    expect(screen.queryByRole('option', { name: TEAM.worker.displayName, hidden: true })).toBeNull();
    await user.click(screen.getByRole('option', { name: TEAM.doctor.displayName, hidden: true }));
    fireEvent.change(due, { target: { value: NEXT_WEEK } });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer l’action' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Action du plan' })).toBeNull());
    expect(await stored()).toMatchObject([
      {
        status: 'active',
        actions: [
          {
            title: 'Sérologies à 6 semaines',
            ownerId: centre.userIds.doctor,
            dueOn: NEXT_WEEK,
            axis: 'medical',
          },
        ],
      },
    ]);
  });

  it('lists the owner’s action due this week on “À faire”, under “Mes actions (7 jours)”', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'social_legal', given: true },
      centre.tokens.worker,
    );
    const plan = await centre.must('casePlans.open', { personId: person.id }, centre.tokens.doctor);
    await centre.must(
      'casePlans.saveAction',
      {
        personId: person.id,
        planId: plan.id,
        axis: 'medical',
        title: 'Sérologies à 6 semaines',
        ownerId: centre.userIds.doctor,
        dueOn: addDays(siteDate(new Date()), 3),
      },
      centre.tokens.doctor,
    );
    await renderApp(TEAM.doctor, '/work');
    const panel = await screen.findByRole('region', { name: 'Mes actions (7 jours)' });
    await waitFor(() => expect(panel.textContent).toContain('Salma Idrissi'));
    expect(panel.textContent).toContain('Sérologies à 6 semaines');
  });
});
