/**
 * The board through a busy evening (issue 9, items 5–8, 14, 15): a compact layout with one line
 * per person, the number waiting per column always shown, "my queue" per role, priorities on top
 * of the whole board with their time left (masked for a reader who may not read the interview),
 * the site of the workstation, single-key shortcuts from a focused switch, focus back on the
 * person after a check-in, each role's landing screen, coordination's counts-only board and agenda.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../renderer/api/client';
import { endSession, startSession } from '../../renderer/app/session';
import {
  addMember,
  addSete,
  COORDINATOR,
  startCentre,
  TEAM,
  type Member,
  type TestCentre,
} from './helpers/centre';
import { pick } from './helpers/fields';
import { arrivedPerson } from './helpers/scenes';
import { renderApp } from './helpers/render';

const HOUR = 3600_000;

const PSYCHOLOGIST: Member = {
  username: 'lou.psy',
  displayName: 'Lou Garnier',
  password: 'psychologue-du-lez-2024',
  roles: ['psychologist'],
};

function arrive(
  centre: TestCentre,
  nameUsed: string,
  extra: { step?: 'waiting_interview' | 'waiting_doctor' | 'waiting_nurse'; consent?: boolean } = {},
) {
  return arrivedPerson(centre, nameUsed, { careTeam: extra.consent, step: extra.step });
}

/** A PEP priority raised by the interview: an exposure `hoursAgo` hours before now. */
async function withPep(centre: TestCentre, nameUsed: string, hoursAgo: number) {
  const { person, visit } = await arrive(centre, nameUsed, { step: 'waiting_doctor', consent: true });
  await centre.must(
    'interviews.save',
    {
      personId: person.id,
      visitId: visit.id,
      heldAt: new Date().toISOString(),
      lastRiskAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
      exposures: ['anal_receptive'],
      needs: ['screening'],
    },
    centre.tokens.worker,
  );
  return person;
}

function rowsOnBoard(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-board-card]')];
}

function nameOf(row: HTMLElement): string {
  return within(row).getByRole('heading').textContent ?? '';
}

beforeEach(() => window.localStorage.clear());

describe('the compact board', () => {
  it('shows one line per person with step, waiting time, priority and who is with them, and the count waiting per column; the choice stays on this workstation', async () => {
    const centre = await startCentre();
    await arrive(centre, 'Awa Diallo');
    await arrive(centre, 'Malo Blanc');
    const { visit } = await arrive(centre, 'Inès Roux', { step: 'waiting_nurse' });
    await centre.must(
      'visits.move',
      { visitId: visit.id, version: visit.version, step: 'with_nurse' },
      centre.tokens.nurse,
    );
    const { user } = await renderApp(TEAM.worker, '/board');
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    await user.click(await screen.findByRole('radio', { name: 'Liste compacte' }));

    await waitFor(() => expect(document.querySelectorAll('[data-board-row]')).toHaveLength(3));
    const ines = rowsOnBoard().find((r) => nameOf(r) === 'Inès Roux')!;
    expect(ines.textContent).toContain('Avec l’infirmier·e');
    expect(ines.textContent).toContain('depuis 0 min');
    expect(ines.textContent).toContain('avec Sam Dupont');
    expect(rowsOnBoard().map(nameOf)).toEqual(['Awa Diallo', 'Malo Blanc', 'Inès Roux']);

    const counts = screen.getByRole('group', { name: 'Personnes en attente par colonne' });
    expect(within(counts).getByTestId('waiting-interview').textContent).toBe('2 en attente');
    expect(within(counts).getByTestId('waiting-nurse').textContent).toBe('0 en attente');
    expect(window.localStorage.getItem('parcours.workstation.boardLayout')).toBe('compact');
    // Nothing about a person in the workstation's storage.
    expect(JSON.stringify({ ...window.localStorage })).not.toMatch(/Awa|Malo|Inès/);
  });
});

describe('my queue', () => {
  it('a nurse lands on the board showing who waits for a nurse; the whole board is one click away', async () => {
    const centre = await startCentre();
    await arrive(centre, 'Awa Diallo');
    await arrive(centre, 'Noé Martin', { step: 'waiting_nurse' });
    await arrive(centre, 'Jo Petit', { step: 'waiting_doctor' });
    const { user } = await renderApp(TEAM.nurse);

    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    expect(window.location.hash).toBe('#/board');
    await waitFor(() => expect(rowsOnBoard().map(nameOf)).toEqual(['Noé Martin']));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Ma file' }).checked).toBe(true);

    await user.click(screen.getByRole('radio', { name: 'Tout le tableau' }));
    await waitFor(() =>
      expect(rowsOnBoard().map(nameOf).sort()).toEqual(['Awa Diallo', 'Jo Petit', 'Noé Martin']),
    );
  });

  it('a doctor’s queue is who waits for the doctor', async () => {
    const centre = await startCentre();
    await arrive(centre, 'Awa Diallo');
    await arrive(centre, 'Jo Petit', { step: 'waiting_doctor' });
    await renderApp(TEAM.doctor);
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    await waitFor(() => expect(rowsOnBoard().map(nameOf)).toEqual(['Jo Petit']));
  });

  it('the community worker starts on the whole board', async () => {
    const centre = await startCentre();
    await arrive(centre, 'Awa Diallo');
    await arrive(centre, 'Jo Petit', { step: 'waiting_doctor' });
    await renderApp(TEAM.worker);
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    await waitFor(() => expect(rowsOnBoard().map(nameOf)).toEqual(['Awa Diallo', 'Jo Petit']));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Tout le tableau' }).checked).toBe(true);
  });
});

describe('priorities on top', () => {
  it('a PEP person waiting for the doctor is above everyone waiting for an interview, with the hours left', async () => {
    const centre = await startCentre();
    for (let i = 1; i <= 3; i += 1) await arrive(centre, `Personne ${i}`);
    await withPep(centre, 'Jo Petit', 30);
    const { user } = await renderApp(TEAM.nurse, '/board');
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    await user.click(await screen.findByRole('radio', { name: 'Tout le tableau' }));
    await user.click(screen.getByRole('radio', { name: 'Liste compacte' }));

    await waitFor(() => expect(rowsOnBoard()).toHaveLength(4));
    const [first] = rowsOnBoard();
    expect(nameOf(first)).toBe('Jo Petit');
    expect(within(first).getByTestId('priority').textContent).toMatch(/^TPE < 72 h · reste 4[12] h$/);
    expect(within(first).getByTestId('row-step').textContent).toBe('En attente médecin');
    const band = screen.getByRole('region', { name: 'Priorités' });
    expect(within(band).getAllByRole('article')).toHaveLength(1);
    // The doctor's column still counts Jo as waiting.
    expect(screen.getByTestId('waiting-doctor').textContent).toBe('1 en attente');
  });

  it('a reader who may not read the interview sees "Prioritaire" on top, without reason or time', async () => {
    const centre = await startCentre();
    await arrive(centre, 'Personne 1');
    await withPep(centre, 'Jo Petit', 30);
    await addMember(centre, PSYCHOLOGIST);
    const { user } = await renderApp(PSYCHOLOGIST, '/board');
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    await user.click(await screen.findByRole('radio', { name: 'Liste compacte' }));

    await waitFor(() => expect(rowsOnBoard()).toHaveLength(2));
    const [first] = rowsOnBoard();
    expect(nameOf(first)).toBe('Jo Petit');
    expect(within(first).getByTestId('priority').textContent).toBe('Prioritaire');
    expect(document.body.textContent).not.toMatch(/TPE|reste \d+ h/);
  });
});

describe('the keyboard', () => {
  it('N and / work while the site switch has focus; the site chosen is this workstation’s next time', async () => {
    const centre = await startCentre();
    const seteId = await addSete(centre);
    const member: Member = { ...TEAM.worker, username: 'eli.accueil', displayName: 'Eli Roche' };
    await addMember(centre, member, [centre.siteId, seteId]);
    const { user, unmount } = await renderApp(member, '/board');
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });

    const sete = await screen.findByRole('radio', { name: 'SET' });
    await user.click(sete);
    expect(document.activeElement).toBe(sete);
    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer une arrivée' });
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    sete.focus();
    await user.keyboard('/');
    await screen.findByRole('dialog');
    expect(window.localStorage.getItem('parcours.workstation.site')).toBe(seteId);

    // Next sign-in on this workstation: the board opens on Sète.
    unmount();
    await renderApp(member, '/board');
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('radio', { name: 'SET' }).checked).toBe(true),
    );
  });

  it('on a workstation that remembers no site, the board starts on the user’s usual site', async () => {
    const centre = await startCentre();
    const seteId = await addSete(centre);
    // By code, MTP comes first; Eli's usual site is Sète.
    const member: Member = { ...TEAM.worker, username: 'eli.accueil', displayName: 'Eli Roche' };
    await addMember(centre, member, [centre.siteId, seteId], seteId);
    await renderApp(member, '/board');
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('radio', { name: 'SET' }).checked).toBe(true),
    );
  });

  it('after a check-in from the board the focus is on the person’s row', async () => {
    const centre = await startCentre();
    await centre.must(
      'persons.create',
      { siteId: centre.siteId, nameUsed: 'Awa Diallo' },
      centre.tokens.worker,
    );
    await arrive(centre, 'Malo Blanc');
    const { user } = await renderApp(TEAM.worker, '/board');
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    await user.click(await screen.findByRole('radio', { name: 'Liste compacte' }));
    await waitFor(() => expect(rowsOnBoard()).toHaveLength(1));

    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer une arrivée' });
    await pick(user, within(dialog).getByRole('textbox', { name: /^Personne/ }), 'Awa', /^Awa Diallo/);
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer l’arrivée' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await waitFor(() => {
      const focused = document.activeElement as HTMLElement;
      expect(focused.hasAttribute('data-board-row')).toBe(true);
      expect(nameOf(focused)).toBe('Awa Diallo');
    });
  });
});

describe('landing screens and coordination', () => {
  it('the coordinator lands on the day’s overview, and opens the board and the agenda as counts, read only', async () => {
    const centre = await startCentre();
    await arrive(centre, 'Awa Diallo');
    await withPep(centre, 'Jo Petit', 30);
    const { user } = await renderApp(COORDINATOR);
    await screen.findByRole('heading', { name: 'Vue du jour', level: 1 });
    expect(window.location.hash).toBe('#/overview');
    await waitFor(() =>
      expect(screen.getByTestId('break-glass-count').textContent).toMatch(
        /^0 accès d’urgence pas encore revus?$/,
      ),
    );

    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    await user.click(within(nav).getByRole('link', { name: 'Tableau d’accueil' }));
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    const row = await screen.findByRole('row', { name: /^Entretien/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', 'depuis 0 min', '0']);
    expect(screen.getByTestId('priorities-count').textContent).toBe('1 prioritaire');
    // Counts only: no name, no reason, no action.
    expect(document.body.textContent).not.toMatch(/Awa|Jo Petit|TPE/);
    expect(screen.queryByRole('button', { name: 'Enregistrer une arrivée' })).toBeNull();

    await user.click(within(nav).getByRole('link', { name: 'Agenda' }));
    await screen.findByRole('heading', { name: 'Agenda', level: 1 });
    await screen.findByRole('heading', { name: 'Rendez-vous du jour' });
    expect(screen.queryByRole('button', { name: 'Nouveau rendez-vous' })).toBeNull();
  });

  it('the next user on the window lands on their own screen, never the previous user’s', async () => {
    await startCentre();
    await renderApp(COORDINATOR, '/users');
    await screen.findByRole('heading', { name: 'Équipe', level: 1 });
    act(() => endSession());
    const login = await call('auth.login', { username: TEAM.nurse.username, password: TEAM.nurse.password });
    if (!login.ok) throw new Error('the nurse could not sign in');
    act(() => startSession(login.value));
    await screen.findByRole('heading', { name: 'Tableau d’accueil', level: 1 });
    expect(window.location.hash).toBe('#/board');
    expect(screen.queryByRole('heading', { name: 'Équipe' })).toBeNull();
  });

  it('an unknown address such as #/reports says so instead of going home', async () => {
    await startCentre();
    await renderApp(COORDINATOR, '/reports');
    await screen.findByRole('heading', { name: 'Page introuvable', level: 1 });
    expect(window.location.hash).toBe('#/reports');
  });
});
