/**
 * The Social tab: a social worker records a voucher typed as "150,50" euros; the core's refusal of
 * a value without a currency lands next to the currency field and nothing is written; with the
 * currency the voucher is saved in minor units, the description exactly as typed, and listed.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addMember, startCentre, type Member } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';

const SOCIAL: Member = {
  username: 'sara.social',
  displayName: 'Sara Alaoui',
  password: 'assistante-sociale-2024',
  roles: ['social_worker'],
};

describe('the social support form', () => {
  it('refuses a value without currency next to its field, then saves the value in minor units', async () => {
    const centre = await startCentre();
    await addMember(centre, SOCIAL);
    const token = await centre.signIn(SOCIAL);
    const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'social_legal', given: true },
      token,
    );
    const stored = async () =>
      (await centre.must('socialSupport.forPerson', { personId: person.id }, token)).items;

    const { user } = await renderApp(SOCIAL, `/persons/${person.id}/social`);
    await user.click(await screen.findByRole('button', { name: 'Nouvelle prestation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Prestation sociale' });
    const currency = within(dialog).getByRole('textbox', { name: /^Devise/ });
    await user.clear(currency);
    await user.type(within(dialog).getByRole('textbox', { name: /^Valeur/ }), '150,50');
    await user.type(within(dialog).getByRole('textbox', { name: /^Ce qui a été donné/ }), '  Bon  d’achat');
    const save = within(dialog).getByRole('button', { name: 'Enregistrer' });
    await user.click(save);
    await expectFieldError(currency, 'Indiquez la devise du montant (code ISO, par exemple XOF ou EUR).');
    expect(await stored()).toEqual([]);

    await user.type(currency, 'EUR');
    await user.click(save);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Prestation sociale' })).toBeNull());
    expect(await stored()).toMatchObject([
      { kind: 'voucher', valueMinor: 15050, currency: 'EUR', description: '  Bon  d’achat' },
    ]);
    expect(await screen.findByRole('region', { name: 'Bon' })).toBeTruthy();
  });
});
