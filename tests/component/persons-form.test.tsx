/**
 * The person form's rules, on the real form against an in-process core: only the name used is
 * required, errors sit next to their field in words, a birth date after the first visit is
 * refused by the core next to the birth date, and likely duplicates are suggested while typing.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addMember, addSete, startCentre, TEAM, type Member } from './helpers/centre';
import { expectFieldError, textbox } from './helpers/fields';
import { renderApp } from './helpers/render';

describe('the person form', () => {
  it('requires the name used and nothing else: an empty name is refused next to it, a name alone creates the file', async () => {
    await startCentre();
    const { user } = await renderApp(TEAM.worker, '/persons/new');
    await screen.findByRole('heading', { name: 'Nouvelle personne', level: 1 });

    await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));
    await expectFieldError(textbox(/^Nom utilisé/), 'Ce champ est obligatoire.');
    // Refused: the form stays, with no other field marked.
    expect(screen.getByRole('heading', { name: 'Nouvelle personne', level: 1 })).toBeTruthy();
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(1);

    await user.type(textbox(/^Nom utilisé/), 'Maëlle');
    expect(textbox(/^Nom utilisé/).getAttribute('aria-invalid')).not.toBe('true');
    await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));
    // Saved: the dossier opens on the new file.
    await screen.findByRole('heading', { name: 'Maëlle', level: 1 });
  });

  it('a malformed phone number is refused next to the phone field, in words, and nothing is saved', async () => {
    const centre = await startCentre();
    const person = await centre.must(
      'persons.create',
      {
        siteId: centre.siteId,
        nameUsed: 'Inès Caron',
        contact: { phone: '06 12 34 56 78', channels: ['sms'] },
      },
      centre.tokens.worker,
    );
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}/edit`);
    await screen.findByRole('heading', { name: 'Modifier le dossier de Inès Caron' });

    const phone = textbox('Téléphone');
    await user.clear(phone);
    await user.type(phone, 'appelez-moi');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await expectFieldError(
      textbox('Téléphone'),
      'Numéro de téléphone non valide (chiffres, espaces, points, tirets, + au début).',
    );
    const stored = await centre.must('persons.get', { id: person.id }, centre.tokens.worker);
    expect(stored.contact.phone).toBe('06 12 34 56 78');
    expect(stored.version).toBe(person.version);
  });

  it('a birth date after the first visit is refused by the core, next to the birth date', async () => {
    const centre = await startCentre();
    // First seen in January 2025: a birth date in June 2025 cannot be right.
    const person = await centre.at('2025-01-10T09:00:00Z', async () => {
      const token = await centre.signIn(TEAM.worker);
      const created = await centre.must(
        'persons.create',
        { siteId: centre.siteId, nameUsed: 'Noa Girard' },
        token,
      );
      await centre.must('visits.checkIn', { personId: created.id, siteId: centre.siteId }, token);
      return created;
    });
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}/edit`);
    await screen.findByRole('heading', { name: 'Modifier le dossier de Noa Girard' });

    await user.click(screen.getByText('Date complète'));
    await user.type(await screen.findByLabelText('Date de naissance'), '01/06/2025');
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await expectFieldError(
      screen.getByLabelText('Date de naissance'),
      'La date de naissance est postérieure au premier passage.',
    );
    const stored = await centre.must('persons.get', { id: person.id }, centre.tokens.worker);
    expect(stored.birthDate).toBeNull();

    // The day before the first visit is accepted.
    await user.clear(screen.getByLabelText('Date de naissance'));
    await user.type(screen.getByLabelText('Date de naissance'), '09/01/2025');
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByRole('heading', { name: 'Noa Girard', level: 1 });
    await waitFor(async () =>
      expect((await centre.must('persons.get', { id: person.id }, centre.tokens.worker)).birthDate).toBe(
        '2025-01-09',
      ),
    );
  });

  it('suggests a near-identical file with the same birth year as a possible duplicate while typing', async () => {
    const centre = await startCentre();
    const known = await centre.must(
      'persons.create',
      { siteId: centre.siteId, nameUsed: 'Sasha Morel', birthYear: 1992 },
      centre.tokens.worker,
    );
    await centre.must(
      'persons.create',
      { siteId: centre.siteId, nameUsed: 'Dominique Roux', birthYear: 1970 },
      centre.tokens.worker,
    );
    const { user } = await renderApp(TEAM.worker, '/persons/new');
    await screen.findByRole('heading', { name: 'Nouvelle personne', level: 1 });
    await user.type(textbox(/^Nom utilisé/), 'Sacha Morel');
    await user.type(screen.getByRole('textbox', { name: 'Année de naissance' }), '1992');

    const panel = await screen.findByRole('region', { name: 'Doublons possibles' }, { timeout: 10_000 });
    const suggestion = await within(panel).findByRole('button', {
      name: `Ouvrir le dossier ${known.fileNumber} de Sasha Morel`,
    });
    expect(panel.textContent).toContain('nom proche');
    expect(panel.textContent).toContain('même année de naissance');
    expect(panel.textContent).not.toContain('Dominique Roux');

    // Opening the suggestion goes to the existing file instead of creating a second one.
    await user.click(suggestion);
    await screen.findByRole('heading', { name: 'Sasha Morel', level: 1 });
  });
});

describe('the site of a new file (issue 9, item 7)', () => {
  // The workstation's site lives in this browser's storage: each case starts from a fresh one.
  beforeEach(() => window.localStorage.clear());
  const ELI: Member = { ...TEAM.worker, username: 'eli.accueil', displayName: 'Eli Roche' };

  /** Creates a file from the form as it opens, and returns the file number it was given. */
  async function createFromTheForm(name: string, expectedSite: string): Promise<string> {
    const { user } = await renderApp(ELI, '/persons/new');
    await screen.findByRole('heading', { name: 'Nouvelle personne', level: 1 });
    // The site is already the one the visit is at: nothing to switch before saving.
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Site de suivi' }).value).toBe(
        expectedSite,
      ),
    );
    await user.type(textbox(/^Nom utilisé/), name);
    await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));
    await screen.findByRole('heading', { name, level: 1 });
    return (await screen.findByText(/^[A-Z]{3}-\d{4}-\d{5}$/)).textContent ?? '';
  }

  it('takes the site this workstation stands in, not the first site of the user’s list', async () => {
    const centre = await startCentre();
    const sete = await addSete(centre);
    // MTP comes first in Eli's sites; this workstation is at Sète (remembered from an earlier day).
    await addMember(centre, ELI, [centre.siteId, sete]);
    window.localStorage.setItem('parcours.workstation.site', sete);
    expect(await createFromTheForm('Awa Diallo', 'SET · Sète')).toMatch(/^SET-/);
  });

  it('on a workstation that remembers no site, takes the user’s usual site', async () => {
    const centre = await startCentre();
    const sete = await addSete(centre);
    await addMember(centre, ELI, [centre.siteId, sete], sete);
    expect(await createFromTheForm('Awa Diallo', 'SET · Sète')).toMatch(/^SET-/);
  });
});
