/**
 * The strength of a new password shows while it is typed, and a guessable one is refused next to
 * the field with the reason, before anything changes.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre } from './helpers/centre';
import { descriptionOf } from './helpers/fields';
import { renderApp } from './helpers/render';

describe('choosing a password', () => {
  it('shows the strength while typing and refuses a guessable password next to the field', async () => {
    const centre = await startCentre();
    const { temporaryPassword } = await centre.must(
      'users.create',
      {
        username: 'jo.social',
        displayName: 'Jo Lefèvre',
        roles: ['social_worker'],
        siteIds: [centre.siteId],
      },
      centre.tokens.coordinator,
    );
    const member = {
      username: 'jo.social',
      displayName: 'Jo Lefèvre',
      password: temporaryPassword,
      roles: ['social_worker'],
    };
    const { user } = await renderApp(member);
    await screen.findByRole('heading', { name: 'Choisissez un nouveau mot de passe' });
    const current = screen.getByLabelText('Mot de passe actuel');
    const next = screen.getByLabelText('Nouveau mot de passe');
    const strength = () => screen.queryByTestId('password-strength')?.textContent ?? '';

    await user.type(next, 'password12');
    // The dictionaries load when the form opens: the first estimate may take a moment.
    await waitFor(() => expect(strength()).toContain('trop facile à deviner'), { timeout: 20_000 });
    await user.clear(next);
    await user.type(next, 'Tortue-Piano-Lundi-47');
    await waitFor(() => expect(strength()).toMatch(/Solidité : (bonne|très bonne)$/));

    await user.clear(next);
    await user.type(next, 'motdepasse123');
    await user.type(current, temporaryPassword);
    await user.type(screen.getByLabelText('Confirmer le nouveau mot de passe'), 'motdepasse123');
    await user.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    // Next to the field: its description (where Mantine puts the error) holds the reason.
    await waitFor(() =>
      expect(descriptionOf(screen.getByLabelText('Nouveau mot de passe'))).toContain(
        'Mot de passe trop facile à deviner.',
      ),
    );
    expect(screen.getByLabelText('Nouveau mot de passe').getAttribute('data-invalid')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Choisissez un nouveau mot de passe' })).toBeTruthy();
  });
});
