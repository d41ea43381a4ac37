/**
 * A PrEP prescription linked to its episode: the consultation form offers "Ordonnance de PrEP",
 * ticked when a line names a PrEP drug (the prescriber may untick it), or when the screen was opened
 * from the PrEP tab; saved, the PrEP tab lists it with its renewals.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { renderApp } from './helpers/render';
import { arrivedPerson } from './helpers/scenes';

async function onPrep(nameUsed: string) {
  const centre = await startCentre();
  const { person, visit } = await arrivedPerson(centre, nameUsed, { careTeam: true, step: 'waiting_doctor' });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  const episode = await centre.must(
    'prep.start',
    { personId: person.id, siteId: centre.siteId, startedOn: today, regimen: 'daily' },
    centre.tokens.doctor,
  );
  const prescription = async () =>
    (await centre.must('consultations.forPerson', { personId: person.id }, centre.tokens.doctor)).items[0]
      ?.prescription;
  return { centre, person, visit, episode, prescription };
}

describe('a PrEP prescription in the consultation', () => {
  it('is offered as the episode’s once a line names a PrEP drug, and may be unticked', async () => {
    const { person, visit, episode, prescription } = await onPrep('Sacha Morel');
    const { user } = await renderApp(TEAM.doctor, `/persons/${person.id}/consultation?visitId=${visit.id}`);
    await screen.findByRole('heading', { name: 'Consultation médicale', level: 1 });
    expect(screen.queryByRole('checkbox', { name: /Ordonnance de PrEP/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Ajouter un médicament' }));
    const line = screen.getByTestId('prescription-line');
    // Not a PrEP drug: offered, not ticked.
    await user.type(within(line).getByRole('textbox', { name: /Médicament/ }), 'doxycycline');
    const link = await screen.findByRole('checkbox', { name: /Ordonnance de PrEP/ });
    expect(link).toHaveProperty('checked', false);
    await user.clear(within(line).getByRole('textbox', { name: /Médicament/ }));
    await user.type(within(line).getByRole('textbox', { name: /Médicament/ }), 'Emtricitabine/ténofovir');
    await waitFor(() => expect(link).toHaveProperty('checked', true));
    await user.type(within(line).getByRole('textbox', { name: /Dose/ }), '1 cp');
    await user.type(within(line).getByRole('textbox', { name: /Fréquence/ }), 'par jour');
    await user.type(within(line).getByRole('textbox', { name: /Durée/ }), '3 mois');
    const renewals = screen.getByRole('textbox', { name: /Renouvellements/ });
    await user.clear(renewals);
    await user.type(renewals, '2');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Consultation enregistrée.');
    expect(await prescription()).toMatchObject({ prepEpisodeId: episode.id, renewals: 2 });

    // Unticked by hand, it stays unticked and the link is removed.
    await user.click(link);
    expect(link).toHaveProperty('checked', false);
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () => expect((await prescription())?.prepEpisodeId).toBeNull());
    expect(link).toHaveProperty('checked', false);
  });

  it('opened from the PrEP tab, a new prescription is the episode’s; the tab then lists it with its renewals', async () => {
    const { person, episode, prescription } = await onPrep('Noa Petit');
    const { user } = await renderApp(TEAM.doctor, `/persons/${person.id}/prep`);
    await user.click(await screen.findByRole('button', { name: 'Ouvrir la consultation' }));
    await screen.findByRole('heading', { name: 'Consultation médicale', level: 1 });
    expect(window.location.hash).toContain(`prepEpisodeId=${episode.id}`);
    await user.click(screen.getByRole('button', { name: 'Pré-remplir : doxycycline' }));
    expect(await screen.findByRole('checkbox', { name: /Ordonnance de PrEP/ })).toHaveProperty(
      'checked',
      true,
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Consultation enregistrée.');
    expect(await prescription()).toMatchObject({ prepEpisodeId: episode.id });

    window.location.hash = `#/persons/${person.id}/prep`;
    const table = await screen.findByRole('table', { name: 'Ordonnances et renouvellements' });
    expect(within(table).getByText('doxycycline')).toBeTruthy();
    expect(within(table).getByText('Non renouvelable')).toBeTruthy();
  });

  it('opened again, a saved prescription without the link stays without it: not ticked, nothing to save', async () => {
    const { centre, person, visit } = await onPrep('Lou Martin');
    await centre.must(
      'consultations.save',
      {
        personId: person.id,
        visitId: visit.id,
        heldAt: new Date().toISOString(),
        reason: 'PrEP',
        prescription: {
          lines: [
            {
              drug: 'Emtricitabine/ténofovir',
              dose: '1 cp',
              route: null,
              frequency: 'par jour',
              duration: '3 mois',
            },
          ],
          renewals: 2,
          prepEpisodeId: null,
        },
      },
      centre.tokens.doctor,
    );
    const { user } = await renderApp(TEAM.doctor, `/persons/${person.id}/consultation?visitId=${visit.id}`);
    await screen.findByRole('heading', { name: 'Consultation médicale', level: 1 });
    const link = await screen.findByRole('checkbox', { name: /Ordonnance de PrEP/ });
    expect(screen.getByRole('textbox', { name: /Renouvellements/ })).toHaveProperty('value', '2');
    expect(link).toHaveProperty('checked', false);
    // Ticking it is still the prescriber's choice.
    await user.click(link);
    expect(link).toHaveProperty('checked', true);
  });
});
