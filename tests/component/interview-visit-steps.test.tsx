/**
 * Visit states do not drift (issue 9, item 3), on the screens: "Commencer l'entretien" is the one
 * action that starts the interview; "Annuler" on the form puts the person back in the interview
 * queue; saving proposes the next step from the needs ticked, sent with Enter or left with Escape.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM, type TestCentre } from './helpers/centre';
import { renderApp } from './helpers/render';
import { arrivedPerson, filedPerson } from './helpers/scenes';

async function arrived(centre: TestCentre, nameUsed: string) {
  const { person, visit } = await arrivedPerson(centre, nameUsed, { careTeam: true });
  const current = async () =>
    (await centre.must('visits.forPerson', { personId: person.id }, centre.tokens.worker)).items[0];
  return { person, visit, current };
}

describe('the interview and the visit steps', () => {
  it('starting is one action, cancelling puts the person back in the queue with their waiting time', async () => {
    const centre = await startCentre();
    const { person, visit, current } = await arrived(centre, 'Sacha Morel');
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}`);

    await user.click(await screen.findByRole('button', { name: 'Commencer l’entretien' }));
    await screen.findByRole('heading', { name: 'Entretien en santé sexuelle', level: 1 });
    expect(await current()).toMatchObject({ step: 'in_interview', withUserId: centre.userIds.worker });

    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(async () =>
      expect(await current()).toMatchObject({
        step: 'waiting_interview',
        withUserId: null,
        stepSince: visit.stepSince,
        requeued: 0,
      }),
    );
  });

  it('the dossier offers one interview action while the visit waits for it: "start", never "new" beside it', async () => {
    const centre = await startCentre();
    const { person } = await arrived(centre, 'Eden Roux');
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}`);
    await screen.findByRole('button', { name: 'Commencer l’entretien' });
    expect(screen.queryByRole('button', { name: 'Nouvel entretien' })).toBeNull();
    // Nor in the interviews tab.
    await user.click(screen.getByRole('tab', { name: /Entretiens/ }));
    await screen.findByText('Aucun entretien.');
    expect(screen.queryByRole('button', { name: 'Nouvel entretien' })).toBeNull();
  });

  it('without a visit at an interview step, "new interview" is offered (a listening-line call, a later talk)', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Lior Faure');
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}`);
    await screen.findByRole('button', { name: 'Nouvel entretien' });
    await user.click(screen.getByRole('tab', { name: /Entretiens/ }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Nouvel entretien' })).toHaveLength(2));
  });

  it('…and one once the interview has started ("start" until something is saved), never "new" beside it', async () => {
    const centre = await startCentre();
    const { person, visit } = await arrived(centre, 'Maé Roux');
    await centre.must(
      'visits.move',
      { visitId: visit.id, version: visit.version, step: 'in_interview' },
      centre.tokens.worker,
    );
    await renderApp(TEAM.worker, `/persons/${person.id}`);
    await screen.findByRole('button', { name: /entretien/ });
    const actions = screen.getAllByRole('button').map((b) => b.textContent);
    expect(actions.filter((a) => /entretien/i.test(a ?? ''))).toEqual(['Commencer l’entretien']);
  });

  it('opening the form of a waiting visit changes nothing; saving proposes the step from the needs, Enter sends', async () => {
    const centre = await startCentre();
    const { person, visit, current } = await arrived(centre, 'Lou Girard');
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}/interview?visit=${visit.id}`);
    await screen.findByRole('heading', { name: 'Entretien en santé sexuelle', level: 1 });
    expect(await current()).toMatchObject({ step: 'waiting_interview', version: visit.version });

    await user.click(screen.getByRole('checkbox', { name: 'Vaccination' }));
    await user.click(screen.getByRole('checkbox', { name: 'Dépistage' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’entretien' }));

    const dialog = await screen.findByRole('dialog', { name: 'Étape suivante du passage' });
    expect(dialog.textContent).toContain('Besoins cochés : Vaccination, Dépistage.');
    const send = within(dialog).getByRole('button', { name: 'Envoyer : En attente médecin' });
    await waitFor(() => expect(document.activeElement).toBe(send));
    await user.keyboard('{Enter}');
    await waitFor(async () =>
      expect(await current()).toMatchObject({ step: 'waiting_doctor', nextSteps: ['vaccine', 'screening'] }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('the proposal can be left: Escape keeps the visit where it is', async () => {
    const centre = await startCentre();
    const { person, visit, current } = await arrived(centre, 'Noa Petit');
    const { user } = await renderApp(TEAM.worker, `/persons/${person.id}/interview?visit=${visit.id}`);
    await screen.findByRole('heading', { name: 'Entretien en santé sexuelle', level: 1 });
    await user.click(screen.getByRole('checkbox', { name: 'Vaccination' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’entretien' }));
    const dialog = await screen.findByRole('dialog', { name: 'Étape suivante du passage' });
    within(dialog).getByRole('button', { name: 'Envoyer : En attente infirmier·e' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await current()).toMatchObject({ step: 'waiting_interview', nextSteps: ['vaccine'] });
  });
});
