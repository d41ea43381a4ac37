/**
 * A stale save: the person's file was changed at another desk while this one edited it. The save
 * is refused with "changed in the meantime" and a reload; the reload brings the other desk's
 * change, and the save then goes through. Nothing is overwritten silently.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { renderApp } from './helpers/render';

/** Either apostrophe: the catalogues use the typographic one in places. */
const APOSTROPHE = /['’]/.source;

describe('a stale save', () => {
  it('shows the conflict with its reload action, reloads the other desk’s change, then saves', async () => {
    const centre = await startCentre();
    const person = await centre.must(
      'persons.create',
      {
        siteId: centre.siteId,
        nameUsed: 'Inès Caron',
        pronouns: 'elle',
        birthYear: 1988,
        contact: {
          phone: '06 12 34 56 78',
          channels: ['sms'],
          wording: 'Rappel de votre rendez-vous',
          neverContact: false,
        },
      },
      centre.tokens.worker,
    );
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}`);
    await screen.findByRole('heading', { name: 'Inès Caron', level: 1 });
    expect(screen.getAllByText('SMS', { exact: true }).length).toBeGreaterThan(0);
    expect(
      screen.getAllByText('Ses mots pour les messages : « Rappel de votre rendez-vous »').length,
    ).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Modifier' }));
    await screen.findByRole('heading', { name: 'Modifier le dossier de Inès Caron' });

    // Meanwhile, another desk marks the person as never to be contacted.
    await centre.must(
      'persons.update',
      {
        id: person.id,
        version: person.version,
        siteId: centre.siteId,
        nameUsed: 'Inès Caron',
        pronouns: 'elle',
        birthYear: 1988,
        contact: { phone: '06 12 34 56 78', channels: [], neverContact: true },
      },
      centre.tokens.worker,
    );

    const pronouns = () => screen.getByRole('textbox', { name: 'Pronoms' });
    await user.clear(pronouns());
    await user.type(pronouns(), 'elle/iel');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const conflict = await screen.findByRole('alert', { name: 'Modifié entre-temps' });
    expect(conflict.textContent).toMatch(
      new RegExp(`Quelqu${APOSTROPHE}un d${APOSTROPHE}autre a modifié ces informations`),
    );
    // Refused: the other desk's version is still the stored one.
    const stored = await centre.must('persons.get', { id: person.id }, centre.tokens.worker);
    expect(stored.pronouns).toBe('elle');
    expect(stored.contact.neverContact).toBe(true);

    await user.click(within(conflict).getByRole('button', { name: 'Recharger' }));
    await waitFor(() => expect(screen.queryByText('Modifié entre-temps')).toBeNull());
    // The reload brought the other desk's change: "never contact" is on.
    expect(screen.getByRole<HTMLInputElement>('switch', { name: /^Ne jamais contacter/ }).checked).toBe(true);
    await user.clear(pronouns());
    await user.type(pronouns(), 'elle/iel');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await screen.findByRole('heading', { name: 'Inès Caron', level: 1 });
    await screen.findByText('(elle/iel)');
    expect(screen.getAllByText('Ne jamais contacter').length).toBeGreaterThan(0);
    const saved = await centre.must('persons.get', { id: person.id }, centre.tokens.worker);
    expect(saved).toMatchObject({ pronouns: 'elle/iel', contact: { neverContact: true } });
    expect(saved.version).toBe(person.version + 2);

    // The timeline starts with the file's creation.
    await user.click(screen.getByRole('tab', { name: /^Chronologie/ }));
    await screen.findByText('Dossier créé');
  });
});
