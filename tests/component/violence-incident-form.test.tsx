/**
 * The violence tab's incident form and protocol checklist: a date in the future and no type ticked
 * are refused next to their fields before anything is sent; ticking a type proposes its GBVIMS type;
 * the saved incident opens its 72-hour protocol, whose five steps are listed "to do" and recorded
 * one by one with who did it.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate, siteInstant } from './helpers/site-time';

/** Days in every zone's past or future, so that the workstation's and the site's date agree. */
const YESTERDAY = addDays(siteDate(new Date()), -1);
const FUTURE = addDays(siteDate(new Date()), 2);

describe('the violence incident form', () => {
  it('refuses a future date and no type next to their fields, proposes the GBVIMS type, then opens the protocol', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'social_legal', given: true },
      centre.tokens.worker,
    );
    const stored = async () =>
      (await centre.must('violence.forPerson', { personId: person.id }, centre.tokens.doctor)).items;
    const { user } = await renderApp(TEAM.doctor, `/persons/${person.id}/violence`);
    await screen.findByText('Aucun incident enregistré.');
    await user.click(screen.getByRole('button', { name: 'Nouvel incident' }));
    const dialog = await screen.findByRole('dialog', { name: 'Incident de violence' });
    // The form waits for the site's zone (the centre's settings) before it shows.
    const date = await within(dialog).findByLabelText(/^Date de l’incident/);
    fireEvent.change(date, { target: { value: FUTURE } });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer l’incident' }));
    await expectFieldError(date, 'Cette date est dans le futur.');
    expect(within(dialog).getByText('Cochez au moins un type de violence.')).toBeTruthy();
    expect(await stored()).toEqual([]);

    fireEvent.change(date, { target: { value: YESTERDAY } });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Viol individuel' }));
    // Proposed from the type ticked (GBVIMS's first type), changeable.
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: /^Type GBVIMS/ })).toHaveProperty('value', 'Viol'),
    );
    await user.click(within(dialog).getByRole('checkbox', { name: 'Client' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer l’incident' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Incident de violence' })).toBeNull());
    const [incident] = await stored();
    expect(incident).toMatchObject({
      occurredOn: YESTERDAY,
      occurredAt: null,
      seedTypes: ['rape_individual'],
      perpetrators: ['client'],
      gbvimsType: 'rape',
      protocolStatus: 'open',
    });

    // The checklist: five steps to do; the doctor records the PEP referral.
    const checklist = await screen.findByRole('table', { name: 'Protocole 72 h' });
    await waitFor(() => expect(within(checklist).getAllByText('À faire')).toHaveLength(5));
    const pep = within(checklist).getByRole('form', { name: /^Orientation TPE/ });
    await user.click(within(pep).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(within(checklist).getAllByText('À faire')).toHaveLength(4));
    expect(checklist.textContent).toContain(`Fait — ${TEAM.doctor.displayName}`);
    expect((await stored())[0]?.steps).toMatchObject([
      { item: 'pep_referral', outcome: 'done', doneBy: centre.userIds.doctor },
    ]);
  });

  const workstationZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = workstationZone;
  });

  it('reads the time typed as the site’s clock, not the workstation’s, and shows it back so', async () => {
    // A workstation set to another zone than the site's (Paris): New York, six hours behind.
    process.env.TZ = 'America/New_York';
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'social_legal', given: true },
      centre.tokens.worker,
    );
    const { user } = await renderApp(TEAM.doctor, `/persons/${person.id}/violence`);
    await user.click(await screen.findByRole('button', { name: 'Nouvel incident' }));
    const dialog = await screen.findByRole('dialog', { name: 'Incident de violence' });
    fireEvent.change(await within(dialog).findByLabelText(/^Date de l’incident/), {
      target: { value: YESTERDAY },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Heure/), { target: { value: '14:30' } });
    expect(within(dialog).getByText(/Heure du site \(Europe\/Paris\)/)).toBeTruthy();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Viol individuel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer l’incident' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Incident de violence' })).toBeNull());
    const [incident] = (
      await centre.must('violence.forPerson', { personId: person.id }, centre.tokens.doctor)
    ).items;
    expect(Date.parse(incident.occurredAt!)).toBe(Date.parse(siteInstant(YESTERDAY, '14:30')));
  });
});
