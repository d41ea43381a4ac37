/**
 * The "Autonomie économique" tab: a social worker records a vocational training — an end before
 * the start is refused next to "Fin" before anything is sent — and starts a micro-credit
 * application — an amount of zero is refused next to "Montant"; the purpose is kept exactly as
 * typed; a step dated before the application is refused by the core next to "Date", and a valid
 * step moves the application to "Déposée".
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addMember, startCentre, type Member } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate } from './helpers/site-time';

const SOCIAL: Member = {
  username: 'sara.social',
  displayName: 'Sara Alaoui',
  password: 'assistante-sociale-2024',
  roles: ['social_worker'],
};

const TODAY = siteDate(new Date());

async function scene() {
  const centre = await startCentre();
  await addMember(centre, SOCIAL);
  const token = await centre.signIn(SOCIAL);
  const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
  await centre.must(
    'persons.recordConsent',
    { personId: person.id, scope: 'social_legal', given: true },
    token,
  );
  return { centre, token, person };
}

describe('the economic-autonomy forms', () => {
  it('refuses a training ending before it starts and a zero amount next to their fields; saves both; a step before the application is refused', async () => {
    const { centre, token, person } = await scene();
    const stored = async () =>
      (await centre.must('economicAutonomy.forPerson', { personId: person.id }, token)).items;
    const { user } = await renderApp(SOCIAL, `/persons/${person.id}/economic-autonomy`);

    await user.click(await screen.findByRole('button', { name: 'Nouvelle formation' }));
    const training = await screen.findByRole('dialog', { name: 'Formation professionnelle' });
    const starts = within(training).getByLabelText(/^Début/);
    const ends = within(training).getByLabelText(/^Fin/);
    fireEvent.change(starts, { target: { value: addDays(TODAY, -30) } });
    fireEvent.change(ends, { target: { value: addDays(TODAY, -31) } });
    await user.click(within(training).getByRole('button', { name: 'Enregistrer la formation' }));
    await expectFieldError(ends, 'La fin est antérieure au début.');
    expect(await stored()).toEqual([]);
    fireEvent.change(ends, { target: { value: addDays(TODAY, 60) } });
    await user.click(within(training).getByRole('button', { name: 'Enregistrer la formation' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Formation professionnelle' })).toBeNull(),
    );
    expect(await stored()).toMatchObject([
      { kind: 'training', field: 'cooking_pastry', startsOn: addDays(TODAY, -30), status: 'enrolled' },
    ]);
    expect(await screen.findByRole('region', { name: 'Cuisine et pâtisserie' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Nouvelle demande de micro-crédit' }));
    const credit = await screen.findByRole('dialog', { name: 'Demande de micro-crédit' });
    fireEvent.change(within(credit).getByLabelText(/^Début de la demande/), {
      target: { value: addDays(TODAY, -5) },
    });
    const amount = within(credit).getByRole('textbox', { name: /^Montant/ });
    await user.type(amount, '0');
    await user.type(within(credit).getByRole('textbox', { name: /^Objet/ }), ' Machine à coudre  ');
    await user.click(within(credit).getByRole('button', { name: 'Enregistrer la demande' }));
    await expectFieldError(amount, 'Le montant doit être supérieur à zéro.');
    expect(await stored()).toHaveLength(1);
    await user.clear(amount);
    await user.type(amount, '5000');
    await user.click(within(credit).getByRole('button', { name: 'Enregistrer la demande' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Demande de micro-crédit' })).toBeNull());
    expect((await stored()).find((i) => i.kind === 'micro_credit')).toMatchObject({
      amountMinor: 500000,
      currency: 'MAD',
      purpose: ' Machine à coudre  ',
      status: 'preparing',
    });

    await user.click(await screen.findByRole('button', { name: 'Étape suivante' }));
    const step = await screen.findByRole('dialog', { name: 'Étape de la demande' });
    const on = within(step).getByLabelText(/^Date/);
    fireEvent.change(on, { target: { value: addDays(TODAY, -6) } });
    await user.click(within(step).getByRole('button', { name: 'Enregistrer l’étape' }));
    await expectFieldError(on, 'Cette date est antérieure au début de la demande.');
    fireEvent.change(on, { target: { value: addDays(TODAY, -1) } });
    await user.click(within(step).getByRole('button', { name: 'Enregistrer l’étape' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Étape de la demande' })).toBeNull());
    expect((await stored()).find((i) => i.kind === 'micro_credit')).toMatchObject({
      status: 'submitted',
      steps: [{ status: 'submitted', on: addDays(TODAY, -1) }],
    });
  });
});
