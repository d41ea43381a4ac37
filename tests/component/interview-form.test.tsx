/**
 * The interview form's PEP rule: a last risk less than 72 hours before the interview raises the
 * alert while typing, before anything is saved, with the hours passed and the hours left; at 72
 * hours and beyond there is no alert.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { filedPerson } from './helpers/scenes';
import { renderApp } from './helpers/render';

describe('the interview form', () => {
  it('shows the PEP alert under 72 hours only, with the time left, before saving', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Sacha Morel', { careTeam: true });
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}/interview`);
    await screen.findByRole('heading', { name: 'Entretien en santé sexuelle', level: 1 });
    const hoursAgo = screen.getByRole('textbox', { name: /^ou il y a … heures/ });
    const alert = () => screen.queryByTestId('pep-alert');
    expect(alert()).toBeNull();

    await user.type(hoursAgo, '30');
    await waitFor(() =>
      expect(alert()?.textContent).toContain(
        'Exposition il y a 30 h : traitement post-exposition à proposer en urgence, il reste 42 h.',
      ),
    );
    expect(alert()?.getAttribute('role')).toBe('alert');

    // The last hour of the window still counts.
    await user.clear(hoursAgo);
    await user.type(hoursAgo, '71');
    await waitFor(() => expect(alert()?.textContent).toContain('il reste 1 h'));

    // 72 hours and beyond: too late for PEP, no alert.
    await user.clear(hoursAgo);
    await user.type(hoursAgo, '72');
    await waitFor(() => expect(alert()).toBeNull());
    await user.clear(hoursAgo);
    await user.type(hoursAgo, '200');
    await waitFor(() => expect(alert()).toBeNull());

    // No risk given: no alert. Nothing has been saved by typing.
    await user.clear(hoursAgo);
    await waitFor(() => expect(alert()).toBeNull());
    const saved = await centre.must('interviews.forPerson', { personId: person.id }, centre.tokens.worker);
    expect(saved.items).toEqual([]);
  });
});
