/**
 * The Tests tab's forms: a screening ticks tests from the catalogue (CT/NG once per anatomical
 * site); a result is typed by its test's ResultType, every part refused next to its own field
 * before anything is sent and kept as typed (a titre without its value, a number that is not one,
 * an eGFR out of the centre's range, a viral load missing); a reactive rapid test orders its
 * confirmation; a result is then given to the person.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { toLocalInput } from '../../renderer/app/form-values';
import { startCentre, TEAM, type TestCentre } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';

type User = Awaited<ReturnType<typeof renderApp>>['user'];

async function samplesTaken(
  centre: TestCentre,
  personId: string,
  add: ChannelInput<'screenings.saveSamples'>['add'],
) {
  return (
    await centre.must(
      'screenings.saveSamples',
      { personId, siteId: centre.siteId, takenAt: new Date(Date.now() - 10 * 60_000).toISOString(), add },
      centre.tokens.nurse,
    )
  ).samples;
}

async function openResult(user: User, sample: string) {
  await user.click(await screen.findByRole('button', { name: `Saisir le résultat — ${sample}` }));
  const dialog = await screen.findByRole('dialog', { name: `Résultat : ${sample}` });
  return {
    dialog,
    save: () => user.click(within(dialog).getByRole('button', { name: 'Enregistrer le résultat' })),
  };
}

const stored = async (centre: TestCentre, personId: string) =>
  (await centre.must('screenings.forPerson', { personId }, centre.tokens.nurse)).items;

describe('the screening forms', () => {
  it('a screening ticks tests from the catalogue, CT/NG once per site, and refuses an empty one', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Noa Petit', { careTeam: true });
    const { user } = await renderApp(TEAM.nurse, `/persons/${person.id}/tests`);
    await screen.findByText('Aucun dépistage enregistré.');
    const start = screen.getByRole('button', { name: 'Nouveau dépistage' });
    await waitFor(() => expect(start).toHaveProperty('disabled', false));
    await user.click(start);
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau dépistage' });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer les prélèvements' }));
    await within(dialog).findByText('Cochez au moins un examen.');
    expect(await stored(centre, person.id)).toEqual([]);

    await user.click(within(dialog).getByRole('checkbox', { name: 'TROD VIH' }));
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'PCR chlamydia / gonocoque (délocalisée) — Gorge' }),
    );
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'PCR chlamydia / gonocoque (délocalisée) — Anus' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer les prélèvements' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nouveau dépistage' })).toBeNull());
    expect((await stored(centre, person.id)).map((s) => [s.testCode, s.anatomicalSite, s.status])).toEqual([
      ['hiv_trod', null, 'taken'],
      ['ct_ng_pcr_poc', 'throat', 'taken'],
      ['ct_ng_pcr_poc', 'anus', 'taken'],
    ]);
    await screen.findByRole('button', { name: 'Saisir le résultat — TROD VIH' });
  });

  it('refuses each part of a result next to its field, kept as typed, before sending', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Lou Martin', { careTeam: true });
    await samplesTaken(centre, person.id, [
      { testCode: 'creatinine_lab' },
      { testCode: 'syphilis_serology_lab' },
      { testCode: 'hcv_vl_poc' },
    ]);
    const { user } = await renderApp(TEAM.nurse, `/persons/${person.id}/tests`);

    // Creatinine and eGFR: a number that is not one, an eGFR out of the centre's range (1–200).
    let form = await openResult(user, 'Créatinine et DFG (laboratoire)');
    const creatinine = within(form.dialog).getByRole('textbox', { name: /^Créatinine/ });
    const egfr = within(form.dialog).getByRole('textbox', { name: /^DFG/ });
    await user.type(creatinine, '8O');
    await user.type(egfr, '450');
    await form.save();
    await expectFieldError(creatinine, 'Cette valeur ne correspond pas à ce que cet examen rend');
    await expectFieldError(egfr, 'Cette valeur ne correspond pas à ce que cet examen rend');
    expect([(creatinine as HTMLInputElement).value, (egfr as HTMLInputElement).value]).toEqual(['8O', '450']);
    expect((await stored(centre, person.id)).every((s) => s.result === null)).toBe(true);
    await user.clear(creatinine);
    await user.type(creatinine, '80,5');
    await user.clear(egfr);
    await user.type(egfr, '95');
    await form.save();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // Syphilis: a positive serology carries its titre, written 1:n.
    form = await openResult(user, 'Sérologie syphilis (laboratoire)');
    await user.click(within(form.dialog).getByRole('radio', { name: 'Positif' }));
    const titre = await within(form.dialog).findByRole('textbox', { name: /^Titre/ });
    await form.save();
    await expectFieldError(titre, 'Ce champ est obligatoire.');
    await user.type(titre, '16');
    await form.save();
    await expectFieldError(titre, 'Cette valeur ne correspond pas à ce que cet examen rend');
    expect((titre as HTMLInputElement).value).toBe('16');
    await user.clear(titre);
    await user.type(titre, '1:16');
    await within(form.dialog).findByText('Lecture : Positif · Révèle : Syphilis');
    await form.save();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // HCV viral load: detected needs its number of copies, a whole number.
    form = await openResult(user, 'Charge virale VHC (délocalisée)');
    await user.click(within(form.dialog).getByRole('radio', { name: 'Détecté' }));
    const load = await within(form.dialog).findByRole('textbox', { name: /^Charge virale/ });
    await user.type(load, '12,5');
    await form.save();
    await expectFieldError(load, 'Cette valeur ne correspond pas à ce que cet examen rend');
    await user.clear(load);
    await user.type(load, '150 000');
    await form.save();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const results = (await stored(centre, person.id)).map((s) => [
      s.testCode,
      s.result?.value,
      s.result?.interpretation,
    ]);
    expect(results).toEqual([
      ['hcv_vl_poc', { type: 'detection', detection: 'detected', viralLoad: 150000 }, 'positive'],
      ['syphilis_serology_lab', { type: 'titre', positivity: 'positive', titre: '1:16' }, 'positive'],
      ['creatinine_lab', { type: 'creatinine_egfr', creatinine: 80.5, egfr: 95 }, 'negative'],
    ]);
  });

  it('a result time typed in the sample’s own minute is saved as typed, not replaced by the sample’s time; a minute before is refused next to it', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Ana Lopes', { careTeam: true });
    // Taken at hh:mm:40 (the core keeps seconds); the nurse types hh:mm.
    const minute = Math.floor((Date.now() - 10 * 60_000) / 60_000) * 60_000;
    const takenAt = new Date(minute + 40_000).toISOString();
    await centre.must(
      'screenings.saveSamples',
      { personId: person.id, siteId: centre.siteId, takenAt, add: [{ testCode: 'hiv_trod' }] },
      centre.tokens.nurse,
    );
    const { user } = await renderApp(TEAM.nurse, `/persons/${person.id}/tests`);
    const form = await openResult(user, 'TROD VIH');
    await user.click(within(form.dialog).getByRole('radio', { name: 'Non réactif' }));
    const at = within(form.dialog).getByLabelText(/^Date et heure du résultat/);
    fireEvent.change(at, { target: { value: toLocalInput(new Date(minute - 60_000)) } });
    await form.save();
    await expectFieldError(at, 'Le résultat ne peut pas précéder le prélèvement.');
    expect((await stored(centre, person.id))[0].result).toBeNull();
    fireEvent.change(at, { target: { value: toLocalInput(new Date(minute)) } });
    await form.save();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [trod] = await stored(centre, person.id);
    expect(trod.result?.resultedAt).toBe(new Date(minute).toISOString());
  });

  it('a reactive rapid test orders its confirmation; the result is then given to the person', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Max Roux', { careTeam: true });
    await samplesTaken(centre, person.id, [{ testCode: 'hiv_trod' }]);
    const { user } = await renderApp(TEAM.nurse, `/persons/${person.id}/tests`);
    const form = await openResult(user, 'TROD VIH');
    await form.save();
    // The choice left empty is named next to it.
    const choice = within(form.dialog).getByRole('radiogroup', { name: /^Résultat du TROD/ });
    await waitFor(() => expect(choice.parentElement?.textContent).toContain('Ce champ est obligatoire.'));
    await user.click(within(form.dialog).getByRole('radio', { name: 'Réactif' }));
    await form.save();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const due = await screen.findByTestId('screenings-due');
    await waitFor(() => expect(due.textContent).toContain('1 résultat à rendre à la personne.'));
    expect(due.textContent).toContain('1 confirmation en attente (TROD réactif).');
    const confirmation = await screen.findByRole('group', { name: 'Sérologie VIH (laboratoire)' });
    expect(confirmation.textContent).toContain('Prescrit');
    expect(confirmation.textContent).toContain('confirmation d’un TROD réactif');

    await user.click(screen.getByRole('button', { name: 'Résultat rendu — TROD VIH' }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Résultat rendu — TROD VIH' })).toBeNull(),
    );
    const [trod] = await stored(centre, person.id);
    expect(trod.result).toMatchObject({ toGive: false, givenBy: centre.userIds.nurse });
  });
});

/** A person with a result to give, and one whose sample still waits for its result. */
async function resultsToGive(centre: TestCentre) {
  const quiet = await filedPerson(centre, 'Eli Blanc', { careTeam: true });
  await samplesTaken(centre, quiet.id, [{ testCode: 'hiv_trod' }]);
  const person = await filedPerson(centre, 'Jo Vidal', { careTeam: true });
  const [trod] = await samplesTaken(centre, person.id, [{ testCode: 'hiv_trod' }]);
  await centre.must(
    'screenings.saveResult',
    {
      personId: person.id,
      sampleId: trod.id,
      value: { type: 'reactivity', reactivity: 'non_reactive' },
      resultedAt: new Date().toISOString(),
    },
    centre.tokens.nurse,
  );
  return { quiet, person };
}

async function selectedTab() {
  await screen.findAllByRole('tab');
  return screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent;
}

describe('the opening tab', () => {
  it('a doctor opening a file with a result to give lands on Dépistages', async () => {
    const centre = await startCentre();
    const { person } = await resultsToGive(centre);
    await renderApp(TEAM.doctor, `/persons/${person.id}`);
    expect(await selectedTab()).toBe('Dépistages');
  });

  it('a doctor opening a file whose positive was told but not yet treated lands on Dépistages', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Noa Girard', { careTeam: true });
    const [trod] = await samplesTaken(centre, person.id, [{ testCode: 'hiv_trod' }]);
    const { sample } = await centre.must(
      'screenings.saveResult',
      {
        personId: person.id,
        sampleId: trod.id,
        value: { type: 'reactivity', reactivity: 'reactive' },
        resultedAt: new Date().toISOString(),
      },
      centre.tokens.nurse,
    );
    const result = sample.result!;
    // Told to the person: nothing is left to give, the positive is still to treat.
    await centre.must(
      'screenings.give',
      {
        personId: person.id,
        resultId: result.id,
        version: result.version,
        givenAt: new Date().toISOString(),
      },
      centre.tokens.nurse,
    );
    await renderApp(TEAM.doctor, `/persons/${person.id}`);
    expect(await selectedTab()).toBe('Dépistages');
  });

  it('a nurse opening a file with nothing to give lands where files open', async () => {
    const centre = await startCentre();
    const { quiet } = await resultsToGive(centre);
    await renderApp(TEAM.nurse, `/persons/${quiet.id}`);
    expect(await selectedTab()).toBe('Identité');
  });

  it('reception opening a file with a result to give lands on identity', async () => {
    const centre = await startCentre();
    const { person } = await resultsToGive(centre);
    await renderApp(TEAM.worker, `/persons/${person.id}`);
    expect(await selectedTab()).toBe('Identité');
  });
});
