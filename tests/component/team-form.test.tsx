/**
 * The team form: the core's refusal of a username already taken is shown next to the username,
 * and no account is created.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COORDINATOR, startCentre } from './helpers/centre';
import { expectFieldError, pick } from './helpers/fields';
import { renderApp } from './helpers/render';

describe('the team form', () => {
  it('shows the core refusal next to the field: a username already taken', async () => {
    const centre = await startCentre();
    const usernames = async () =>
      (await centre.must('users.list', {}, centre.tokens.coordinator)).items.map((u) => u.username).sort();
    const before = await usernames();
    expect(before).toContain(COORDINATOR.username);
    const { user } = await renderApp(COORDINATOR, '/users');
    await user.click(await screen.findByRole('button', { name: 'Nouveau membre' }));
    const dialog = await screen.findByRole('dialog');

    await user.type(
      within(dialog).getByRole('textbox', { name: /^Nom d'utilisateur/ }),
      COORDINATOR.username,
    );
    await user.type(within(dialog).getByRole('textbox', { name: /^Nom affiché/ }), 'Léa Fontaine');
    await pick(user, within(dialog).getByRole('textbox', { name: /^Rôles/ }), 'Infirm', /^Infirmier·e$/);
    await waitFor(() => expect(dialog.textContent).toContain('Infirmier·e'));
    // With a single site, the form has chosen it.
    expect(dialog.textContent).toContain('MTP · Montpellier centre');
    await user.click(within(dialog).getByRole('button', { name: 'Créer le compte' }));

    await expectFieldError(
      within(dialog).getByRole('textbox', { name: /^Nom d'utilisateur/ }),
      'Cet identifiant est déjà utilisé.',
    );
    expect(screen.queryByTestId('temporary-password')).toBeNull();
    expect(await usernames()).toEqual(before);
  });
});
