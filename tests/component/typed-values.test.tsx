/**
 * What is typed is kept exactly, or refused next to its field with the reason — never changed
 * silently: birth years outside the possible range, impossible or future birth dates, two-digit
 * years, and a negative number of hours since a risk.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { expectFieldError, textbox } from './helpers/fields';
import { renderApp } from './helpers/render';

describe('typed dates and numbers', () => {
  it('a birth year is kept as typed and refused next to it when impossible; nothing is saved', async () => {
    const centre = await startCentre();
    const { user } = await renderApp(TEAM.worker, '/persons/new');
    await screen.findByRole('heading', { name: 'Nouvelle personne', level: 1 });
    await user.type(textbox(/^Nom utilisé/), 'Awa');
    const cases: Array<[string, string]> = [
      ['2031', 'L’année de naissance ne peut pas être dans le futur.'],
      ['1850', 'Une année à partir de 1900.'],
      ['26', 'Écrivez l’année sur 4 chiffres (par exemple 1990).'],
    ];
    for (const [typed, reason] of cases) {
      const year = textbox('Année de naissance');
      await user.clear(year);
      await user.type(year, typed);
      await user.tab();
      expect((textbox('Année de naissance') as HTMLInputElement).value).toBe(typed);
      await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));
      await expectFieldError(textbox('Année de naissance'), reason);
      expect((textbox('Année de naissance') as HTMLInputElement).value).toBe(typed);
    }
    expect(await centre.must('persons.search', { query: 'Awa' }, centre.tokens.worker)).toEqual([]);
  });

  it('a birth date is kept as typed: impossible, future or two-digit-year dates are refused next to it', async () => {
    const centre = await startCentre();
    const { user } = await renderApp(TEAM.worker, '/persons/new');
    await screen.findByRole('heading', { name: 'Nouvelle personne', level: 1 });
    await user.type(textbox(/^Nom utilisé/), 'Awa');
    await user.click(screen.getByText('Date complète'));
    const cases: Array<[string, string]> = [
      ['01/05/2030', 'La date de naissance ne peut pas être dans le futur.'],
      ['31/02/1990', 'Cette date n’existe pas : écrivez-la JJ/MM/AAAA (par exemple 31/12/1990).'],
      ['15/03/90', 'Écrivez l’année sur 4 chiffres (par exemple 15/03/1990).'],
    ];
    for (const [typed, reason] of cases) {
      const date = textbox('Date de naissance');
      await user.clear(date);
      await user.type(date, typed);
      await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));
      await expectFieldError(textbox('Date de naissance'), reason);
      expect((textbox('Date de naissance') as HTMLInputElement).value).toBe(typed);
    }
    expect(await centre.must('persons.search', { query: 'Awa' }, centre.tokens.worker)).toEqual([]);

    await user.clear(textbox('Date de naissance'));
    await user.type(textbox('Date de naissance'), '15/03/1990');
    await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));
    await screen.findByRole('heading', { name: 'Awa', level: 1 });
    const [found] = await centre.must('persons.search', { query: 'Awa' }, centre.tokens.worker);
    expect((await centre.must('persons.get', { id: found.id }, centre.tokens.worker)).birthDate).toBe(
      '1990-03-15',
    );
  });

  it('"-5" hours since a risk stays -5 and is refused next to the field', async () => {
    const centre = await startCentre();
    const person = await centre.must(
      'persons.create',
      { siteId: centre.siteId, nameUsed: 'Sacha' },
      centre.tokens.worker,
    );
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}/interview`);
    await screen.findByRole('heading', { name: 'Entretien en santé sexuelle', level: 1 });
    const hoursAgo = screen.getByRole('textbox', { name: /^ou il y a … heures/ });
    await user.type(hoursAgo, '-5');
    await waitFor(() => expect((hoursAgo as HTMLInputElement).value).toBe('-5'));
    await expectFieldError(
      hoursAgo,
      'Un nombre d’heures écoulées, 0 ou plus : le risque ne peut pas suivre l’entretien.',
    );
    expect(screen.queryByTestId('pep-alert')).toBeNull();
  });
});
