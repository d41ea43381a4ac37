/**
 * The clinical catalogues editor (Settings → Catalogues cliniques): every rule refused next to its
 * field and nothing saved; a valid edit saved as a new version with its reason; a code once saved
 * may be retired but offers no removal; a save over someone else's version is refused with a
 * reload.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COORDINATOR, startCentre, type TestCentre } from './helpers/centre';
import { expectFieldError, pick } from './helpers/fields';
import { renderApp } from './helpers/render';

async function current(centre: TestCentre) {
  const { catalogues } = await centre.must('catalogues.current', {}, centre.tokens.coordinator);
  return Object.fromEntries(catalogues.map((c) => [c.catalogue, c]));
}

async function openTab(name: string) {
  const { user } = await renderApp(COORDINATOR, '/centre/catalogues');
  await user.click(await screen.findByRole('tab', { name }));
  const panel = await screen.findByRole('tabpanel', { name });
  return { user, panel };
}

describe('the clinical catalogues editor', () => {
  it('refuses an eGFR threshold outside the range and a missing reason next to the field, then saves a version', async () => {
    const centre = await startCentre();
    const { user, panel } = await openTab('DFG');
    const alert = within(panel).getByRole('textbox', { name: /^Alerte en dessous de/ });
    await user.clear(alert);
    await user.type(alert, '250');
    await user.click(within(panel).getByRole('button', { name: 'Enregistrer une nouvelle version' }));
    await expectFieldError(alert, 'Le seuil d’alerte doit être compris entre le minimum et le maximum.');
    await expectFieldError(
      within(panel).getByRole('textbox', { name: /^Motif de la modification/ }),
      'Au moins 3',
    );
    expect((await current(centre)).egfr).toMatchObject({ version: 0 });

    await user.clear(alert);
    await user.type(alert, '50');
    await user.type(
      within(panel).getByRole('textbox', { name: /^Motif de la modification/ }),
      'Avis néphrologue',
    );
    await user.click(within(panel).getByRole('button', { name: 'Enregistrer une nouvelle version' }));
    await waitFor(async () =>
      expect((await current(centre)).egfr).toMatchObject({
        version: 1,
        content: { alertBelow: 50, min: 1, max: 200 },
      }),
    );
    expect(await screen.findByText(/^Version 1 ·/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Historique' }));
    const drawer = await screen.findByRole('dialog', { name: 'Historique : DFG' });
    const row = await within(drawer).findByRole('row', { name: /Avis néphrologue/ });
    expect(row.textContent).toContain(COORDINATOR.displayName);
  });

  it('refuses a badly typed specialty code next to it; adds, retires and saves; a saved one has no removal', async () => {
    const centre = await startCentre();
    const { user, panel } = await openTab('Spécialités');
    const code = within(panel).getByRole('textbox', { name: /^Code/ });
    await user.type(code, 'Procto!');
    await user.type(within(panel).getByRole('textbox', { name: /^Libellé/ }), 'Proctologie');
    await user.click(within(panel).getByRole('button', { name: 'Ajouter une spécialité' }));
    await expectFieldError(code, 'Lettres minuscules sans accent');
    await user.clear(code);
    await user.type(code, 'sexology');
    await user.click(within(panel).getByRole('button', { name: 'Ajouter une spécialité' }));
    await expectFieldError(code, 'Ce code figure déjà dans le catalogue.');
    await user.clear(code);
    await user.type(code, 'proctology');
    await user.click(within(panel).getByRole('button', { name: 'Ajouter une spécialité' }));
    expect(await within(panel).findByRole('cell', { name: 'Proctologie' })).toBeTruthy();

    // A shipped specialty is retired, never removed: its row offers no removal.
    const sexology = within(panel).getByRole('row', { name: /Sexologie/ });
    expect(within(sexology).queryByRole('button', { name: /Enlever/ })).toBeNull();
    await user.click(within(sexology).getByRole('button', { name: 'Retirer · Sexologie' }));
    expect(within(sexology).getByText('Retiré')).toBeTruthy();

    await user.type(
      within(panel).getByRole('textbox', { name: /^Motif de la modification/ }),
      'Ouverture de la proctologie',
    );
    await user.click(within(panel).getByRole('button', { name: 'Enregistrer une nouvelle version' }));
    await waitFor(async () => expect((await current(centre)).specialties).toMatchObject({ version: 1 }));
    const saved = (await current(centre)).specialties.content as Array<{ code: string; active: boolean }>;
    expect(saved.find((s) => s.code === 'sexology')).toMatchObject({ active: false });
    expect(saved.find((s) => s.code === 'proctology')).toMatchObject({ active: true, label: 'Proctologie' });
  });

  it('refuses a save over a version someone else saved, and reloads it', async () => {
    const centre = await startCentre();
    const { user, panel } = await openTab('PrEP');
    // Someone else saves while the editor is open.
    await centre.must(
      'catalogues.save',
      {
        catalogue: 'prep',
        version: 0,
        content: { firstAfterMonths: 1, everyMonths: 3, lostAfterMonths: 4, dueSoonDays: 7 },
        reason: 'Autre poste',
      },
      centre.tokens.coordinator,
    );
    const every = within(panel).getByRole('textbox', { name: /^Puis tous les/ });
    await user.clear(every);
    await user.type(every, '2');
    await user.type(within(panel).getByRole('textbox', { name: /^Motif de la modification/ }), 'Protocole');
    await user.click(within(panel).getByRole('button', { name: 'Enregistrer une nouvelle version' }));
    expect(await screen.findByText('Catalogue modifié entre-temps')).toBeTruthy();
    expect((await current(centre)).prep).toMatchObject({ version: 1, content: { everyMonths: 3 } });
    await user.click(screen.getByRole('button', { name: 'Recharger' }));
    const reloaded = await screen.findByRole('tabpanel', { name: 'PrEP' });
    await waitFor(() =>
      expect(within(reloaded).getByRole<HTMLInputElement>('textbox', { name: /^Perdu de vue/ }).value).toBe(
        '4',
      ),
    );
  });
});

describe('the clinical catalogues editor, lists and schedules', () => {
  it('refuses a vaccine dose before the previous one under that dose, and saves a shorter schedule', async () => {
    const centre = await startCentre();
    const { user, panel } = await openTab('Vaccins');
    const months = within(panel).getByRole('textbox', {
      name: 'Papillomavirus (HPV) · Dose 3 · Mois après la 1re dose',
    });
    await user.clear(months);
    await user.type(months, '1');
    await user.type(within(panel).getByRole('textbox', { name: /^Motif de la modification/ }), 'Essai');
    await user.click(within(panel).getByRole('button', { name: 'Enregistrer une nouvelle version' }));
    expect(await within(panel).findByText('Chaque dose doit venir après la précédente.')).toBeTruthy();
    expect((await current(centre)).vaccines).toMatchObject({ version: 0 });

    await user.clear(months);
    await user.type(months, '5');
    await user.click(within(panel).getByRole('button', { name: 'Enregistrer une nouvelle version' }));
    await waitFor(async () =>
      expect((await current(centre)).vaccines).toMatchObject({
        version: 1,
        content: { hpv: { doses: [{ months: 0 }, { months: 2 }, { months: 5 }] } },
      }),
    );
  });

  it('sets a booster for a vaccine, refused next to the field beyond 240 months; left empty, no booster', async () => {
    const centre = await startCentre();
    const { user, panel } = await openTab('Vaccins');
    const booster = within(panel).getByRole('textbox', {
      name: 'Papillomavirus (HPV) · Rappel (mois après la dernière dose)',
    });
    await user.type(booster, '300');
    await user.type(within(panel).getByRole('textbox', { name: /^Motif de la modification/ }), 'Rappels');
    await user.click(within(panel).getByRole('button', { name: 'Enregistrer une nouvelle version' }));
    await expectFieldError(booster, '240');
    expect((await current(centre)).vaccines).toMatchObject({ version: 0 });

    await user.clear(booster);
    await user.type(booster, '120');
    await user.click(within(panel).getByRole('button', { name: 'Enregistrer une nouvelle version' }));
    await waitFor(async () =>
      expect((await current(centre)).vaccines).toMatchObject({
        version: 1,
        content: { hpv: { boosterAfterMonths: 120 } },
      }),
    );
    const saved = (await current(centre)).vaccines.content as Record<string, object>;
    expect(saved.hepatitis_a).not.toHaveProperty('boosterAfterMonths');
  });

  it('refuses a badly written diagnosis code next to it, adds one with its label, and retires a test', async () => {
    const centre = await startCentre();
    const { user, panel } = await openTab('Diagnostics');
    const code = within(panel).getByRole('textbox', { name: /^Code/ });
    await user.type(code, 'a63');
    await user.type(within(panel).getByRole('textbox', { name: /^Libellé/ }), 'Chancre mou');
    await user.click(within(panel).getByRole('button', { name: 'Ajouter un diagnostic' }));
    await expectFieldError(code, 'Un code CIM-10');
    // A space around a code is refused next to it, never trimmed away.
    await user.clear(code);
    await user.type(code, 'A57 ');
    await user.click(within(panel).getByRole('button', { name: 'Ajouter un diagnostic' }));
    await expectFieldError(code, 'Un code CIM-10');
    expect(code).toHaveProperty('value', 'A57 ');
    expect(within(panel).queryByRole('cell', { name: 'Chancre mou' })).toBeNull();
    await user.clear(code);
    await user.type(code, 'A57');
    await user.click(within(panel).getByRole('button', { name: 'Ajouter un diagnostic' }));
    expect(await within(panel).findByRole('cell', { name: 'Chancre mou' })).toBeTruthy();
    await user.type(
      within(panel).getByRole('textbox', { name: /^Motif de la modification/ }),
      'Ajout du chancre mou',
    );
    await user.click(within(panel).getByRole('button', { name: 'Enregistrer une nouvelle version' }));
    await waitFor(async () => expect((await current(centre)).diagnoses).toMatchObject({ version: 1 }));
    const diagnoses = (await current(centre)).diagnoses.content as Array<{ code: string; label?: string }>;
    expect(diagnoses.find((d) => d.code === 'A57')).toEqual({ code: 'A57', label: 'Chancre mou' });

    await user.click(screen.getByRole('tab', { name: 'Examens' }));
    const tests = await screen.findByRole('tabpanel', { name: 'Examens' });
    await user.click(within(tests).getByRole('button', { name: 'Retirer · Test de grossesse' }));
    await user.type(
      within(tests).getByRole('textbox', { name: /^Motif de la modification/ }),
      'Plus proposé',
    );
    await user.click(within(tests).getByRole('button', { name: 'Enregistrer une nouvelle version' }));
    await waitFor(async () =>
      expect((await current(centre)).tests).toMatchObject({
        version: 1,
        content: { pregnancy_test: { active: false }, hiv_trod: { code: 'hiv_trod' } },
      }),
    );
  });
});

describe('the professional number on the team form', () => {
  it('is refused next to the field unless letters and digits, then kept on the account', async () => {
    const centre = await startCentre();
    const numberOf = async (username: string) =>
      (await centre.must('users.list', {}, centre.tokens.coordinator)).items.find(
        (u) => u.username === username,
      )?.professionalNumber;
    const { user } = await renderApp(COORDINATOR, '/users');
    await user.click(await screen.findByRole('button', { name: 'Nouveau membre' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Nom d'utilisateur/ }), 'dr.ada');
    await user.type(within(dialog).getByRole('textbox', { name: /^Nom affiché/ }), 'Ada Lovelace');
    await pick(user, within(dialog).getByRole('textbox', { name: /^Rôles/ }), 'Médec', /^Médecin$/);
    const number = within(dialog).getByRole('textbox', { name: /^N° RPPS \/ ADELI/ });
    await user.type(number, '10-003');
    await user.click(within(dialog).getByRole('button', { name: 'Créer le compte' }));
    await expectFieldError(number, 'Lettres et chiffres uniquement');
    expect(await numberOf('dr.ada')).toBeUndefined();

    await user.clear(number);
    await user.type(number, '10003456789');
    await user.click(within(dialog).getByRole('button', { name: 'Créer le compte' }));
    await waitFor(async () => expect(await numberOf('dr.ada')).toBe('10003456789'));
  });
});
