/**
 * The PrEP tab's forms: each rule refused next to its field before anything is sent (a date in
 * the future, an eGFR outside the centre's range, a stop without a reason), the core's refusal
 * (`prep_episode_active`) placed next to the date it names, and a saved start / follow-up shown
 * with its next due date, the low eGFR marked and the dossier's alert in the tab.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addCalendar } from '../../shared/domain/schedules';
import { startCentre, TEAM } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate } from './helpers/site-time';

/** Days in every zone's past or future, so that the workstation's and the site's date agree. */
const YESTERDAY = addDays(siteDate(new Date()), -1);
const FUTURE = addDays(siteDate(new Date()), 2);

function setDate(field: HTMLElement, value: string) {
  fireEvent.change(field, { target: { value } });
}

describe('the PrEP forms', () => {
  it('start: a future date is refused next to the field and nothing is saved; a start shows its next due date', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Noa Petit', { careTeam: true });
    const { user } = await renderApp(TEAM.nurse, `/persons/${person.id}/prep`);
    await screen.findByText('Aucun épisode de PrEP.');
    await user.click(screen.getByRole('button', { name: 'Commencer la PrEP' }));
    const dialog = await screen.findByRole('dialog', { name: 'Début de PrEP' });
    const date = within(dialog).getByLabelText(/^Date de début/);
    setDate(date, FUTURE);
    await user.click(within(dialog).getByRole('button', { name: 'Commencer' }));
    await expectFieldError(date, 'Cette date est dans le futur.');
    expect((await centre.must('prep.forPerson', { personId: person.id }, centre.tokens.nurse)).items).toEqual(
      [],
    );

    setDate(date, YESTERDAY);
    await user.click(within(dialog).getByRole('button', { name: 'Commencer' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Début de PrEP' })).toBeNull());
    const saved = await centre.must('prep.forPerson', { personId: person.id }, centre.tokens.nurse);
    expect(saved.items).toMatchObject([
      { startedOn: YESTERDAY, nextDueOn: addCalendar(YESTERDAY, { months: 1 }), regimen: 'daily' },
    ]);
    const current = await screen.findByRole('region', { name: 'Épisode en cours' });
    expect(current.textContent).toContain('À jour');
    expect(current.textContent).toContain('Prochain suivi');
    // No sample around the start yet: the baseline checklist says what is missing.
    const baseline = within(current).getByRole('list', { name: /^Bilan initial/ });
    expect(baseline.textContent).toContain('Sérologie VIH — manquant');
    expect(baseline.textContent).toContain('PCR chlamydia / gonocoque — manquant');
    // Prescriptions are the doctor's, in the consultation: no way there for the nurse.
    expect(screen.queryByRole('button', { name: 'Ouvrir la consultation' })).toBeNull();
  });

  it('start: the core’s refusal (an episode started meanwhile elsewhere) lands next to the date', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Lou Martin', { careTeam: true });
    const { user } = await renderApp(TEAM.nurse, `/persons/${person.id}/prep`);
    await user.click(await screen.findByRole('button', { name: 'Commencer la PrEP' }));
    const dialog = await screen.findByRole('dialog', { name: 'Début de PrEP' });
    // Another workstation starts PrEP for the same person while the form is open.
    await centre.must(
      'prep.start',
      { personId: person.id, siteId: centre.siteId, startedOn: YESTERDAY, regimen: 'on_demand' },
      centre.tokens.doctor,
    );
    const date = within(dialog).getByLabelText(/^Date de début/);
    setDate(date, YESTERDAY);
    await user.click(within(dialog).getByRole('button', { name: 'Commencer' }));
    await expectFieldError(date, 'Cette personne a déjà un épisode de PrEP en cours');
  });

  it('follow-up: an eGFR outside the centre’s range is refused before sending; a low one is saved and marked', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Max Roux', { careTeam: true });
    const started = addDays(YESTERDAY, -40);
    await centre.must(
      'prep.start',
      { personId: person.id, siteId: centre.siteId, startedOn: started, regimen: 'daily' },
      centre.tokens.nurse,
    );
    const { user } = await renderApp(TEAM.nurse, `/persons/${person.id}/prep`);
    await user.click(await screen.findByRole('button', { name: 'Enregistrer un suivi' }));
    const dialog = await screen.findByRole('dialog', { name: 'Suivi PrEP' });
    const egfr = within(dialog).getByRole('textbox', { name: /^DFG/ });
    expect(egfr.getAttribute('aria-describedby')).toBeTruthy();
    setDate(within(dialog).getByLabelText(/^Date du suivi/), YESTERDAY);
    await user.type(egfr, '250');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le suivi' }));
    await expectFieldError(egfr, 'Ce DFG est hors des valeurs possibles');
    const before = await centre.must('prep.forPerson', { personId: person.id }, centre.tokens.nurse);
    expect(before.items[0].followUps).toEqual([]);

    // A date before the start is refused next to the date.
    const heldOn = within(dialog).getByLabelText(/^Date du suivi/);
    setDate(heldOn, addDays(started, -1));
    await user.clear(egfr);
    await user.type(egfr, '48');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le suivi' }));
    await expectFieldError(heldOn, 'Cette date est antérieure au début de la PrEP.');

    setDate(heldOn, YESTERDAY);
    await user.type(within(dialog).getByRole('textbox', { name: /^Créatinine/ }), '95');
    await user.type(within(dialog).getByRole('textbox', { name: /^Observance/ }), 'Deux oublis ce mois-ci');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le suivi' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Suivi PrEP' })).toBeNull());
    const table = await screen.findByRole('table', { name: 'Suivis' });
    await waitFor(() => expect(table.textContent).toContain('Deux oublis ce mois-ci'));
    expect(table.textContent).toContain('bas');
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toContain(
      'DFG bas au dernier suivi : vérifier la fonction rénale.',
    );
    const after = await centre.must('prep.forPerson', { personId: person.id }, centre.tokens.nurse);
    expect(after.items[0]).toMatchObject({ nextDueOn: addCalendar(YESTERDAY, { months: 3 }) });
    expect(after.items[0].followUps).toMatchObject([{ egfr: 48, creatinine: 95, egfrLow: true }]);
  });

  it('stop: the reason is required, then the episode is stopped and PrEP can be restarted', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Eli Faure', { careTeam: true });
    await centre.must(
      'prep.start',
      { personId: person.id, siteId: centre.siteId, startedOn: addDays(YESTERDAY, -10), regimen: 'daily' },
      centre.tokens.nurse,
    );
    const { user } = await renderApp(TEAM.doctor, `/persons/${person.id}/prep`);
    // The doctor writes PrEP prescriptions and renewals in the consultation, one click away.
    expect(await screen.findByRole('button', { name: 'Ouvrir la consultation' })).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Arrêter la PrEP' }));
    const dialog = await screen.findByRole('dialog', { name: 'Arrêt de PrEP' });
    setDate(within(dialog).getByLabelText(/^Date d’arrêt/), YESTERDAY);
    await user.click(within(dialog).getByRole('button', { name: 'Arrêter' }));
    await expectFieldError(
      within(dialog).getByRole('textbox', { name: /^Motif/ }),
      'Ce champ est obligatoire',
    );
    expect(
      (await centre.must('prep.forPerson', { personId: person.id }, centre.tokens.nurse)).items[0].status,
    ).toBe('active');

    // With the keyboard, as at the desk: the first reason of the list.
    const reason = within(dialog).getByRole('textbox', { name: /^Motif/ });
    reason.focus();
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect((reason as HTMLInputElement).value).toBe('Plus d’exposition'));
    await user.click(within(dialog).getByRole('button', { name: 'Arrêter' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Arrêt de PrEP' })).toBeNull());
    expect(await screen.findByRole('button', { name: 'Reprendre la PrEP' })).toBeTruthy();
    const stopped = await centre.must('prep.forPerson', { personId: person.id }, centre.tokens.nurse);
    expect(stopped.items[0]).toMatchObject({
      status: 'stopped',
      stoppedOn: YESTERDAY,
      stopReason: 'no_longer_exposed',
    });
  });

  it('the dossier opens on the PrEP tab for a nurse when the person is lost to follow-up', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Rémi Blanc', { careTeam: true });
    await centre.must(
      'prep.start',
      { personId: person.id, siteId: centre.siteId, startedOn: addDays(YESTERDAY, -160), regimen: 'daily' },
      centre.tokens.nurse,
    );
    const selectedTab = () =>
      screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent ??
      '';
    await renderApp(TEAM.nurse, `/persons/${person.id}`);
    await waitFor(() => expect(selectedTab()).toBe('PrEP'));
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toContain(
      'Perdue de vue : aucune visite depuis 3 mois après la date prévue.',
    );
  });
});
