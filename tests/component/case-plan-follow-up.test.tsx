/**
 * The plan tab's sites and referent: the referent is chosen among the staff who write plans at one
 * of the plan's sites (never the nurse nor reception), and the "followed, ask X" pointer can be
 * hidden at the person's request — saved through `casePlans.setReferent`, the pointer then gone
 * for the rest of the team.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';

describe('the plan’s sites and referent', () => {
  it('offers only staff who write plans as referent, and hides the pointer when the person asks', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'social_legal', given: true },
      centre.tokens.worker,
    );
    await centre.must('casePlans.open', { personId: person.id }, centre.tokens.doctor);
    const pointer = async () =>
      (await centre.must('persons.dossier', { id: person.id }, centre.tokens.nurse)).careReferent;
    expect((await pointer())?.referentName).toBe(TEAM.doctor.displayName);

    const { user } = await renderApp(TEAM.doctor, `/persons/${person.id}/case-plan`);
    const followUp = await screen.findByRole('region', { name: 'Sites et référent·e du plan' });
    await user.click(
      within(followUp).getByRole('button', { name: 'Changer les sites ou le ou la référent·e' }),
    );
    expect(within(followUp).getByRole('textbox', { name: /^Sites qui suivent le plan/ })).toBeTruthy();
    const referent = within(followUp).getByRole('textbox', { name: /^Référent·e/ });
    await user.click(referent);
    await waitFor(() =>
      expect(screen.getByRole('option', { name: TEAM.doctor.displayName, hidden: true })).toBeTruthy(),
    );
    expect(screen.queryByRole('option', { name: TEAM.nurse.displayName, hidden: true })).toBeNull();
    expect(screen.queryByRole('option', { name: TEAM.worker.displayName, hidden: true })).toBeNull();
    await user.keyboard('{Escape}');

    const save = within(followUp).getByRole('button', { name: 'Enregistrer le ou la référent·e' });
    expect(save).toHaveProperty('disabled', true);
    await user.click(
      within(followUp).getByRole('checkbox', {
        name: /^Les autres soignant·es peuvent voir qui est la référente/,
      }),
    );
    await user.click(save);
    await waitFor(async () => expect(await pointer()).toBeNull());
    const stored = await centre.must('casePlans.forPerson', { personId: person.id }, centre.tokens.doctor);
    expect(stored.items[0]).toMatchObject({ showReferent: false, referentId: centre.userIds.doctor });
  });
});
