/**
 * The site dialog's address and phone: a phone that is not one is refused next to its field, in
 * words, and nothing is saved; corrected, the address (on its lines) and the phone are saved as typed.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COORDINATOR, startCentre } from './helpers/centre';
import { renderApp } from './helpers/render';

describe('the address and phone of a site', () => {
  it('refuses a phone that is not one next to the field, then saves the address and phone as typed', async () => {
    const centre = await startCentre();
    const site = async () => (await centre.must('centre.get', {}, centre.tokens.coordinator)).sites[0];
    const { user } = await renderApp(COORDINATOR, '/centre');
    await user.click(await screen.findByRole('button', { name: 'Modifier MTP' }));
    const dialog = await screen.findByRole('dialog');
    const address = within(dialog).getByLabelText('Adresse du site');
    const phone = within(dialog).getByLabelText('Téléphone du site');
    await user.type(address, '12 rue du Faubourg Figuerolles{Enter}34070 Montpellier');
    await user.type(phone, 'standard');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText(/Un numéro de téléphone : chiffres, espaces/)).toBeTruthy();
    expect(await site()).toMatchObject({ address: null, phone: null });

    await user.clear(phone);
    await user.type(phone, '04 67 00 11 22');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await site()).toMatchObject({
      address: '12 rue du Faubourg Figuerolles\n34070 Montpellier',
      phone: '04 67 00 11 22',
    });
  });
});
