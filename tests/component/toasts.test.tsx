/**
 * Messages (toasts) sit at the top centre under the header, three at most, never at the bottom
 * right over the forms' actions; none is shown over the lock screen or outlives the lock.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { renderApp } from './helpers/render';

describe('toasts', () => {
  it('show at the top centre, three at most, and go away with the lock', async () => {
    await startCentre();
    const { user } = await renderApp(TEAM.worker, '/persons');
    await screen.findByRole('heading', { name: 'Personnes', level: 1 });

    act(() => {
      for (const n of [1, 2, 3, 4]) notifications.show({ message: `Message ${n}`, autoClose: false });
    });
    const first = await screen.findByText('Message 1');
    const container = first.closest('[data-position]');
    expect(container?.getAttribute('data-position')).toBe('top-center');
    expect(container?.classList.contains('parcours-notifications')).toBe(true);
    // The fourth waits for a place.
    expect(screen.queryByText('Message 4')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Verrouiller' }));
    await screen.findByRole('heading', { name: 'Session verrouillée', level: 1 });
    await waitFor(() => expect(screen.queryByText(/^Message \d$/)).toBeNull());

    await user.type(screen.getByLabelText(/^Mot de passe/), TEAM.worker.password);
    await user.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    await screen.findByRole('heading', { name: 'Personnes', level: 1 });
    expect(screen.queryByText(/^Message \d$/)).toBeNull();
  });
});
