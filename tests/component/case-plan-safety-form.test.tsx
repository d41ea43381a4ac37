/**
 * The safety plan's editor: trusted people, safe places and code words are rows added and removed
 * at the keyboard (a new row's first input takes the focus) and stored exactly as typed; a blank
 * name or place is refused next to its field before anything is sent, never dropped; a closed
 * plan is read-only.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { startCentre, TEAM, type TestCentre } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';

const SAVED = 'Plan de sécurité enregistré (revue notée).';

async function planFor(centre: TestCentre) {
  const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
  await centre.must(
    'persons.recordConsent',
    { personId: person.id, scope: 'social_legal', given: true },
    centre.tokens.worker,
  );
  const plan = await centre.must('casePlans.open', { personId: person.id }, centre.tokens.doctor);
  const stored = async () =>
    (await centre.must('casePlans.forPerson', { personId: person.id }, centre.tokens.doctor)).items[0]
      ?.safetyPlan;
  return { personId: person.id, plan, stored };
}

async function safetySection() {
  return screen.findByRole('region', { name: 'Plan de sécurité' });
}

describe('the safety plan editor', () => {
  it('adds a trusted person, a safe place and a code word at the keyboard and stores them as typed', async () => {
    const centre = await startCentre();
    const { personId, stored } = await planFor(centre);
    const { user } = await renderApp(TEAM.doctor, `/persons/${personId}/case-plan`);
    const section = await safetySection();

    await user.click(within(section).getByRole('button', { name: 'Ajouter une personne de confiance' }));
    const contact = within(section).getByRole('group', { name: 'Personne de confiance 1' });
    const name = within(contact).getByRole('textbox', { name: 'Nom' });
    await waitFor(() => expect(document.activeElement).toBe(name));
    await user.keyboard(' Amina  B.');
    await user.type(within(contact).getByRole('textbox', { name: 'Comment la joindre' }), '06 12 34 56 78');

    await user.click(within(section).getByRole('button', { name: 'Ajouter un lieu sûr' }));
    const place = within(section).getByRole('textbox', { name: 'Lieu sûr 1' });
    await waitFor(() => expect(document.activeElement).toBe(place));
    await user.keyboard('Foyer Marguerite ');

    await user.click(within(section).getByRole('button', { name: 'Ajouter un mot de code' }));
    const codeWord = within(section).getByRole('group', { name: 'Mot de code 1' });
    const word = within(codeWord).getByRole('textbox', { name: 'Mot' });
    await waitFor(() => expect(document.activeElement).toBe(word));
    await user.keyboard('thé');
    await user.type(
      within(codeWord).getByRole('textbox', { name: 'Ce qu’il veut dire' }),
      'appeler l’association',
    );

    await user.click(within(section).getByRole('button', { name: 'Enregistrer le plan de sécurité' }));
    await screen.findByText(SAVED);
    expect(await stored()).toMatchObject({
      safeContacts: [{ name: ' Amina  B.', howToReach: '06 12 34 56 78', note: '' }],
      safePlaces: ['Foyer Marguerite '],
      codeWords: [{ word: 'thé', meaning: 'appeler l’association' }],
    });
  });

  it('refuses a blank place and a nameless trusted person next to their fields, storing nothing; removes rows', async () => {
    const centre = await startCentre();
    const { personId, plan, stored } = await planFor(centre);
    const seeded: ChannelInput<'casePlans.saveSafetyPlan'> = {
      personId,
      planId: plan.id,
      risks: '',
      safeContacts: [{ name: 'Amina', howToReach: 'voisine', note: '' }],
      safePlaces: ['Foyer', 'Chez Lucie'],
      codeWords: [],
      ifAggressorReturns: '',
      version: plan.safetyPlan!.version,
    };
    await centre.must('casePlans.saveSafetyPlan', seeded, centre.tokens.doctor);
    const before = await stored();
    const { user } = await renderApp(TEAM.doctor, `/persons/${personId}/case-plan`);
    const section = await safetySection();
    expect(within(section).getByRole<HTMLInputElement>('textbox', { name: 'Lieu sûr 2' }).value).toBe(
      'Chez Lucie',
    );

    await user.click(within(section).getByRole('button', { name: 'Ajouter un lieu sûr' }));
    await user.click(within(section).getByRole('button', { name: 'Ajouter une personne de confiance' }));
    const second = within(section).getByRole('group', { name: 'Personne de confiance 2' });
    await user.type(within(second).getByRole('textbox', { name: 'Comment la joindre' }), '06 00 00 00 00');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer le plan de sécurité' }));
    await expectFieldError(
      within(section).getByRole('textbox', { name: 'Lieu sûr 3' }),
      'Ce texte est vide.',
    );
    await expectFieldError(within(second).getByRole('textbox', { name: 'Nom' }), 'Ce texte est vide.');
    expect(screen.queryByText(SAVED)).toBeNull();
    expect(await stored()).toEqual(before);

    // Removing a row hands the focus to its list's "Ajouter" button.
    await user.click(within(section).getByRole('button', { name: 'Retirer le lieu sûr 3' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(section).getByRole('button', { name: 'Ajouter un lieu sûr' }),
      ),
    );
    await user.click(within(section).getByRole('button', { name: 'Retirer la personne de confiance 2' }));
    await user.click(within(section).getByRole('button', { name: 'Retirer le lieu sûr 1' }));
    expect(within(section).getByRole<HTMLInputElement>('textbox', { name: 'Lieu sûr 1' }).value).toBe(
      'Chez Lucie',
    );
    expect(within(section).queryByRole('textbox', { name: 'Lieu sûr 2' })).toBeNull();
    await user.click(within(section).getByRole('button', { name: 'Enregistrer le plan de sécurité' }));
    await screen.findByText(SAVED);
    expect(await stored()).toMatchObject({
      safeContacts: [{ name: 'Amina', howToReach: 'voisine', note: '' }],
      safePlaces: ['Chez Lucie'],
    });
  });

  it('is read-only once the plan is closed', async () => {
    const centre = await startCentre();
    const { personId, plan } = await planFor(centre);
    const saved = await centre.must(
      'casePlans.saveSafetyPlan',
      {
        personId,
        planId: plan.id,
        risks: '',
        safeContacts: [],
        safePlaces: ['Foyer'],
        codeWords: [],
        ifAggressorReturns: '',
        version: plan.safetyPlan!.version,
      },
      centre.tokens.doctor,
    );
    await centre.must(
      'casePlans.setStatus',
      { personId, planId: plan.id, status: 'closed', closureReason: 'declined', version: saved.version },
      centre.tokens.doctor,
    );
    await renderApp(TEAM.doctor, `/persons/${personId}/case-plan`);
    const section = await safetySection();
    expect(within(section).getByRole('textbox', { name: 'Lieu sûr 1' }).hasAttribute('readonly')).toBe(true);
    expect(within(section).queryByRole('button', { name: /^Ajouter/ })).toBeNull();
    expect(within(section).queryByRole('button', { name: /^Retirer/ })).toBeNull();
    expect(within(section).getByText('Aucune personne de confiance notée.')).toBeTruthy();
  });
});
