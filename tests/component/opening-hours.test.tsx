/**
 * The site dialog's opening hours: an interval that closes before it opens is refused next to it,
 * in words, and nothing is saved; corrected, the hours are saved.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COORDINATOR, startCentre } from './helpers/centre';
import { renderApp } from './helpers/render';

describe('the opening hours of a site', () => {
  it('refuses a closing time before the opening next to the interval, then saves the corrected hours', async () => {
    const centre = await startCentre();
    const hours = async () =>
      (await centre.must('centre.get', {}, centre.tokens.coordinator)).sites[0]?.openingHours;
    expect(await hours()).toBeNull();
    const { user } = await renderApp(COORDINATOR, '/centre');
    await user.click(await screen.findByRole('button', { name: 'Modifier MTP' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('switch', { name: 'Toujours ouvert (aucun créneau fermé)' }));
    const opens = await within(dialog).findByLabelText('Ouverture Lundi 1');
    expect((opens as HTMLInputElement).value).toBe('09:00');

    fireEvent.change(within(dialog).getByLabelText('Fermeture Lundi 1'), { target: { value: '08:00' } });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    // Next to the interval: its fields marked invalid, the reason in the day's row.
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Fermeture Lundi 1').getAttribute('aria-invalid')).toBe('true'),
    );
    const monday = within(dialog).getByRole('group', { name: 'Lundi' });
    expect(within(monday).getByRole('alert').textContent).toBe('La fermeture doit suivre l’ouverture.');
    expect(await hours()).toBeNull();

    fireEvent.change(within(dialog).getByLabelText('Fermeture Lundi 1'), { target: { value: '13:00' } });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await hours())?.['1']?.[0]).toEqual(['09:00', '13:00']);
  });
});
