/**
 * Typed work is not lost: the lock hides the screen without emptying it (the same user finds their
 * interview as they left it, nobody sees it while locked), switching user warns before the work
 * is discarded and the next user never sees it, leaving a dirty form (the browser's Back included)
 * asks "Quitter sans enregistrer ?", and a reload is warned about only while a form is dirty.
 */
import { onlineManager } from '@tanstack/react-query';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { queryClient } from '../../renderer/api/query-client';
import { appHistory } from '../../renderer/app/history';
import { lockSession } from '../../renderer/app/session';
import { startCentre, TEAM } from './helpers/centre';
import { textbox } from './helpers/fields';
import { filedPerson } from './helpers/scenes';
import { renderApp } from './helpers/render';

const SUMMARY = /^Synthèse pour le médecin/;
const TYPED = 'Souhaite un dépistage VIH et syphilis, préservatifs remis';

/** Hidden from sight: the element or an ancestor is not displayed or not visible. */
function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (node.hasAttribute('hidden') || style.display === 'none' || style.visibility === 'hidden') return true;
  }
  return false;
}

/** Hidden from assistive technology and unreachable: inside an `aria-hidden`, `inert` subtree. */
function isOutOfReach(element: Element): boolean {
  const layer = element.closest('[aria-hidden="true"]');
  return layer !== null && layer.hasAttribute('inert');
}

function beforeUnloadPrevented(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('typed work', () => {
  it('a lock hides the interview being typed, and the same user unlocking finds it as they left it', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Sacha Morel', { careTeam: true });
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}/interview`);
    await screen.findByRole('heading', { name: 'Entretien en santé sexuelle', level: 1 });
    await user.type(textbox(SUMMARY), TYPED);
    await user.type(textbox(/^Notes/), 'Revient jeudi');

    await user.click(screen.getByRole('button', { name: 'Verrouiller' }));
    await screen.findByRole('heading', { name: 'Session verrouillée', level: 1 });

    // Locked: nothing of the form is in the accessibility tree, visible, or reachable.
    expect(screen.queryByRole('textbox', { name: SUMMARY })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Entretien en santé sexuelle' })).toBeNull();
    expect(screen.queryByText(/Sacha Morel/)).toSatisfy(
      (element: HTMLElement | null) => element === null || (isHidden(element) && isOutOfReach(element)),
    );
    const kept = screen.getByDisplayValue(TYPED);
    expect(isHidden(kept)).toBe(true);
    expect(isOutOfReach(kept)).toBe(true);
    // Nothing is fetched while locked (the core would refuse it and the kept screen turn to an error).
    expect(onlineManager.isOnline()).toBe(false);
    // The lock screen says the work waits for its author.
    expect(
      screen.getByText(
        'Un formulaire non enregistré est conservé tel quel : déverrouillez pour le retrouver.',
      ),
    ).toBeTruthy();

    await user.type(screen.getByLabelText(/^Mot de passe/), TEAM.worker.password);
    await user.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Session verrouillée' })).toBeNull());

    // Unlocked by the same user: the form as they left it, nothing saved meanwhile.
    expect(onlineManager.isOnline()).toBe(true);
    expect(textbox(SUMMARY)).toHaveProperty('value', TYPED);
    expect(textbox(/^Notes/)).toHaveProperty('value', 'Revient jeudi');
    expect(isHidden(textbox(SUMMARY))).toBe(false);
    const saved = await centre.must('interviews.forPerson', { personId: person.id }, centre.tokens.worker);
    expect(saved.items).toEqual([]);
  });

  it('an open dialog is hidden with the screen by the idle lock, and still open with its text after unlocking', async () => {
    await startCentre();
    const { user } = await renderApp(TEAM.worker, '/agenda');
    await screen.findByRole('heading', { name: 'Agenda', level: 1 });
    await user.click(await screen.findByRole('button', { name: 'Nouveau rendez-vous' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Notes/ }), 'Apporter la carte vitale');

    // The idle lock fires while the dialog is open (what useIdleLock calls after the delay).
    await act(() => lockSession(true));
    await screen.findByRole('heading', { name: 'Session verrouillée', level: 1 });
    expect(screen.getByText('La session a été verrouillée après une période d’inactivité.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    const notes = screen.getByDisplayValue('Apporter la carte vitale');
    expect(isHidden(notes)).toBe(true);
    expect(isOutOfReach(notes)).toBe(true);

    await user.type(screen.getByLabelText(/^Mot de passe/), TEAM.worker.password);
    await user.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    const again = await screen.findByRole('dialog');
    expect(within(again).getByRole('textbox', { name: /^Notes/ })).toHaveProperty(
      'value',
      'Apporter la carte vitale',
    );
  });

  it('switching user with a dirty form warns first, and the next user never sees the work', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Sacha Morel', { careTeam: true });
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}/interview`);
    await screen.findByRole('heading', { name: 'Entretien en santé sexuelle', level: 1 });
    await user.type(textbox(SUMMARY), TYPED);
    await user.click(screen.getByRole('button', { name: 'Verrouiller' }));
    await screen.findByRole('heading', { name: 'Session verrouillée', level: 1 });

    // "Switch user" asks; staying keeps the lock screen and the work.
    await user.click(screen.getByRole('button', { name: "Changer d'utilisateur" }));
    let question = await screen.findByRole('dialog', { name: 'Changer d’utilisateur ?' });
    expect(question.textContent).toContain('ce travail non enregistré sera perdu');
    await user.click(within(question).getByRole('button', { name: 'Rester sur la page' }));
    await waitFor(() => expect(screen.queryAllByRole('dialog', { hidden: true })).toHaveLength(0));
    expect(screen.getByRole('heading', { name: 'Session verrouillée', level: 1 })).toBeTruthy();
    expect(screen.getByDisplayValue(TYPED)).toBeTruthy();

    // Confirmed: signed out, the work is discarded.
    await user.click(screen.getByRole('button', { name: "Changer d'utilisateur" }));
    question = await screen.findByRole('dialog', { name: 'Changer d’utilisateur ?' });
    await user.click(
      within(question).getByRole('button', { name: 'Changer d’utilisateur et perdre ce travail' }),
    );
    await screen.findByRole('button', { name: 'Se connecter' });
    expect(screen.queryByDisplayValue(TYPED)).toBeNull();
    // Nothing the first user read is left for the next one: only the store's state is cached.
    await waitFor(() =>
      expect(
        queryClient
          .getQueryCache()
          .getAll()
          .map((query) => query.queryKey[0]),
      ).toEqual(['setup.status']),
    );

    // Another user signs in: the first user's text is nowhere, not even on the same form.
    await user.type(screen.getByLabelText(/^Nom d'utilisateur/), TEAM.nurse.username);
    await user.type(screen.getByLabelText(/^Mot de passe/), TEAM.nurse.password);
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    await screen.findByRole('button', { name: 'Verrouiller' });
    expect(screen.queryByDisplayValue(TYPED)).toBeNull();
    act(() => appHistory.push(`/persons/${person.id}/interview`));
    await screen.findByRole('heading', { name: 'Entretien en santé sexuelle', level: 1 });
    expect(textbox(SUMMARY)).toHaveProperty('value', '');
    expect(screen.queryByDisplayValue(TYPED)).toBeNull();
  });

  it('the browser Back from a dirty person form asks first: "stay" keeps the text, "leave" goes back', async () => {
    await startCentre();
    const { user } = await renderApp(TEAM.worker, '/persons');
    // Settled on the list first (the landing screen's redirect included): two entries to go between.
    await screen.findByRole('heading', { name: 'Personnes', level: 1 });
    act(() => appHistory.push('/persons/new'));
    await screen.findByRole('heading', { name: 'Nouvelle personne', level: 1 });
    await user.type(textbox(/^Nom utilisé/), 'Maëlle');

    act(() => window.history.back());
    let question = await screen.findByRole('dialog', { name: 'Quitter sans enregistrer ?' });
    await user.click(within(question).getByRole('button', { name: 'Rester sur la page' }));
    // Gone from the page, its closing transition included, before the next question.
    await waitFor(() => expect(screen.queryAllByRole('dialog', { hidden: true })).toHaveLength(0));
    expect(screen.getByRole('heading', { name: 'Nouvelle personne', level: 1 })).toBeTruthy();
    expect(textbox(/^Nom utilisé/)).toHaveProperty('value', 'Maëlle');

    act(() => window.history.back());
    question = await screen.findByRole('dialog', { name: 'Quitter sans enregistrer ?' });
    await user.click(within(question).getByRole('button', { name: 'Quitter sans enregistrer' }));
    await screen.findByRole('heading', { name: 'Personnes', level: 1 });
    expect(screen.queryByRole('heading', { name: 'Nouvelle personne' })).toBeNull();
    expect(window.location.hash).toBe('#/persons');
  });

  it('a link away from a dirty form asks too; a clean form leaves without a question', async () => {
    await startCentre();
    const { user } = await renderApp(TEAM.worker, '/persons/new');
    await screen.findByRole('heading', { name: 'Nouvelle personne', level: 1 });
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    await user.type(textbox(/^Nom utilisé/), 'Maëlle');

    await user.click(within(nav).getByRole('link', { name: 'Agenda' }));
    const question = await screen.findByRole('dialog', { name: 'Quitter sans enregistrer ?' });
    await user.click(within(question).getByRole('button', { name: 'Rester sur la page' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(textbox(/^Nom utilisé/)).toHaveProperty('value', 'Maëlle');

    // Back to what it was: nothing to lose, no question.
    await user.clear(textbox(/^Nom utilisé/));
    await user.click(within(nav).getByRole('link', { name: 'Agenda' }));
    await screen.findByRole('heading', { name: 'Agenda', level: 1 });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('an answer to a sharing question alone is unsaved work: leaving asks first', async () => {
    await startCentre();
    const { user } = await renderApp(TEAM.worker, '/persons/new');
    await screen.findByRole('heading', { name: 'Nouvelle personne', level: 1 });
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    const careTeam = screen.getByRole('radiogroup', { name: /^Équipe soignante/ });
    await user.click(within(careTeam).getByRole('radio', { name: 'Oui' }));

    await user.click(within(nav).getByRole('link', { name: 'Agenda' }));
    const question = await screen.findByRole('dialog', { name: 'Quitter sans enregistrer ?' });
    await user.click(within(question).getByRole('button', { name: 'Rester sur la page' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(careTeam).getByRole('radio', { name: 'Oui' })).toHaveProperty('checked', true);
  });

  it('signing out with a dirty form asks first', async () => {
    await startCentre();
    const { user } = await renderApp(TEAM.worker, '/persons/new');
    await screen.findByRole('heading', { name: 'Nouvelle personne', level: 1 });
    await user.type(textbox(/^Nom utilisé/), 'Maëlle');
    await user.click(screen.getByRole('button', { name: `Menu de ${TEAM.worker.displayName}` }));
    // Mantine's menu never ends its opening transition in happy-dom: its items stay "hidden".
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Se déconnecter', hidden: true }));
    const question = await screen.findByRole('dialog', { name: 'Se déconnecter ?' });
    await user.click(within(question).getByRole('button', { name: 'Rester sur la page' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(textbox(/^Nom utilisé/)).toHaveProperty('value', 'Maëlle');
  });

  it('warns before a reload only while a form is dirty', async () => {
    await startCentre();
    const { user } = await renderApp(TEAM.worker, '/persons/new');
    await screen.findByRole('heading', { name: 'Nouvelle personne', level: 1 });
    expect(beforeUnloadPrevented()).toBe(false);

    await user.type(textbox(/^Nom utilisé/), 'Maëlle');
    await waitFor(() => expect(beforeUnloadPrevented()).toBe(true));

    await user.clear(textbox(/^Nom utilisé/));
    await waitFor(() => expect(beforeUnloadPrevented()).toBe(false));
  });
});
