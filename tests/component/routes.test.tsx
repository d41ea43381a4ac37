/**
 * The router: the navigation is drawn from the routes the signed-in user may open, a screen the
 * user may not open goes to the user's landing screen before it loads and says why, an unknown
 * address (or dossier tab) says so with a way home, and a dossier tab lives in the address.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addMember, COORDINATOR, startCentre, TEAM, type Member } from './helpers/centre';
import { renderApp } from './helpers/render';

function navigationLinks(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('routes and navigation', () => {
  it('lists, in order, the screens each role may open', async () => {
    await startCentre();
    await renderApp(TEAM.worker);
    // Reception lands on the board: its "home" is the screen of its work.
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    expect(navigationLinks()).toEqual([
      'Tableau d’accueil',
      'À faire',
      'Personnes',
      'Agenda',
      'Listes d’attente',
      'Ateliers collectifs',
      'Annuaire',
    ]);
  });

  it('the coordination lands on the day’s overview, with the board and the agenda as counts and the management screens', async () => {
    await startCentre();
    await renderApp(COORDINATOR);
    await screen.findByRole('heading', { name: 'Vue du jour', level: 1 });
    expect(navigationLinks()).toEqual([
      'Vue du jour',
      'Tableau d’accueil',
      'Personnes',
      'Agenda',
      'Ateliers collectifs',
      // The team's case-plan work as counts, no person.
      'Actions de l’équipe',
      'Annuaire',
      'Équipe',
      "Journal d'audit",
      'Accès d’urgence',
      'Centre',
      'Catalogues cliniques',
    ]);
  });

  it('each carer lands on the screen of their work: the specialist on their queue, the psychologist on the board, the lawyer on the board read-only', async () => {
    const centre = await startCentre();
    const member = (username: string, role: string): Member => ({
      username,
      displayName: username,
      password: `parcours-${role}-au-lez-2024`,
      roles: [role],
    });
    const landing = async (who: Member) => {
      await addMember(centre, who);
      const rendered = await renderApp(who);
      await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
      expect(window.location.hash).toBe('#/board');
      expect(screen.queryByRole('heading', { name: /^Bonjour/ })).toBeNull();
      return rendered;
    };

    // The specialist calls people in from their own queue: the board opens on it.
    const specialist = await landing(member('ines.specialiste', 'specialist'));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Ma file' }).checked).toBe(true);
    specialist.unmount();

    // The psychologist has no queue of their own: the whole board, where they can act.
    const psychologist = await landing(member('lou.psy', 'psychologist'));
    expect(screen.queryByRole('radio', { name: 'Ma file' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Enregistrer une arrivée' })).toBeTruthy();
    psychologist.unmount();

    // The lawyer reads the pathway only: the board, saying it is read-only, with nothing to act on.
    await landing(member('maya.juriste', 'legal'));
    expect(screen.queryByRole('button', { name: 'Enregistrer une arrivée' })).toBeNull();
    expect(screen.getByText('Lecture seule : votre rôle consulte le tableau sans le modifier.')).toBeTruthy();
  });

  it('a screen the role may not open goes to the landing screen instead of loading, and says why', async () => {
    await startCentre();
    await renderApp(TEAM.worker, '/users');
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    expect(window.location.hash).toBe('#/board');
    expect(screen.queryByRole('heading', { name: 'Équipe' })).toBeNull();
    await screen.findByText(
      'Cet écran n’est pas ouvert à votre rôle : vous êtes revenu·e à votre page d’accueil.',
    );
  });

  it('an unknown address says so inside the shell, with a way home', async () => {
    await startCentre();
    const { user } = await renderApp(TEAM.worker, '/nowhere');
    await screen.findByRole('heading', { name: 'Page introuvable', level: 1 });
    expect(screen.getByRole('navigation', { name: 'Navigation principale' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Retour à l’accueil' }));
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    expect(window.location.hash).toBe('#/board');
  });

  it('a dossier tab is part of the address; a tab that does not exist is an unknown address', async () => {
    const centre = await startCentre();
    const person = await centre.must(
      'persons.create',
      { siteId: centre.siteId, nameUsed: 'Inès Roux' },
      centre.tokens.worker,
    );
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}/consents`);
    await screen.findByRole('heading', { name: 'Inès Roux', level: 1 });
    expect(screen.getByRole('tab', { name: /^Consentements/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('link', { name: 'Personnes' }).getAttribute('aria-current')).toBe('page');

    await user.click(screen.getByRole('tab', { name: /^Identité/ }));
    await expect.poll(() => window.location.hash).toBe(`#/persons/${person.id}/identity`);

    window.location.hash = `#/persons/${person.id}/nope`;
    await screen.findByRole('heading', { name: 'Page introuvable', level: 1 });
  });
});
