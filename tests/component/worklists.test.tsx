/**
 * "À faire": each role sees the panels of its lists with their counts, a line opens the dossier on
 * the owner's tab, nobody who stopped sharing with the care team is counted or listed, and the
 * navigation's entry carries the sum of the reader's lists.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addCalendar } from '../../shared/domain/schedules';
import { addMember, addSete, startCentre, TEAM, type TestCentre } from './helpers/centre';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate } from './helpers/site-time';

const today = () => siteDate(new Date());

/** Someone on PrEP since `startedOn`, started by the doctor (the first follow-up is a month later). */
async function onPrep(centre: TestCentre, nameUsed: string, startedOn: string) {
  const person = await filedPerson(centre, nameUsed, { careTeam: true });
  await centre.must(
    'prep.start',
    { personId: person.id, siteId: centre.siteId, startedOn, regimen: 'daily' },
    centre.tokens.doctor,
  );
  return person;
}

/** A gonorrhoea PCR taken and resulted two hours ago, by the nurse: one item to treat. */
async function positive(centre: TestCentre, nameUsed: string) {
  const person = await filedPerson(centre, nameUsed, { careTeam: true });
  const at = new Date(Date.now() - 2 * 3600_000).toISOString();
  const { samples } = await centre.must(
    'screenings.saveSamples',
    {
      personId: person.id,
      siteId: centre.siteId,
      takenAt: at,
      add: [{ testCode: 'ct_ng_pcr_poc', anatomicalSite: 'urine' }],
    },
    centre.tokens.nurse,
  );
  await centre.must(
    'screenings.saveResult',
    {
      personId: person.id,
      sampleId: samples[0].id,
      value: { type: 'per_target', targets: { chlamydia: 'not_detected', gonorrhoea: 'detected' } },
      resultedAt: at,
    },
    centre.tokens.nurse,
  );
  return person;
}

/** A PrEP follow-up ten days late. */
const tenDaysLate = () => addCalendar(addDays(today(), -10), { months: -1 });

function panel(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('À faire', () => {
  it('shows the nurse her lists with their counts, leaves out whoever withdrew consent, and opens the PrEP tab', async () => {
    const centre = await startCentre();
    const ana = await onPrep(centre, 'Ana Lopes', tenDaysLate());
    const bea = await onPrep(centre, 'Béa Roux', tenDaysLate());
    // Béa no longer shares with the care team: neither her line nor her count reaches the nurse.
    await centre.must(
      'persons.recordConsent',
      { personId: bea.id, scope: 'care_team', given: false },
      centre.tokens.worker,
    );
    const chloe = await filedPerson(centre, 'Chloé Bernard', { careTeam: true });
    await centre.must(
      'vaccinations.giveDose',
      {
        personId: chloe.id,
        vaccineCode: 'hepatitis_b',
        givenOn: addCalendar(addDays(today(), 2), { months: -1 }),
        lot: 'HB-2291',
      },
      centre.tokens.nurse,
    );

    const noa = await positive(centre, 'Noa Petit');

    const { user } = await renderApp(TEAM.nurse, '/work');
    await screen.findByRole('heading', { name: 'À faire', level: 1 });
    for (const name of [
      'Résultats à rendre',
      'Positifs à traiter',
      'Confirmations en attente',
      'PrEP : suivi cette semaine',
      'PrEP : suivi en retard',
      'PrEP : perdues de vue',
      'Vaccins : doses à faire cette semaine',
      'Vaccins : doses en retard',
    ])
      expect(panel(name)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Listes d’attente' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Partenaires à prévenir' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Orientations hospitalières non honorées' })).toBeNull();

    const toTreat = panel('Positifs à traiter');
    expect(await within(toTreat).findByLabelText('1 personne')).toBeTruthy();
    expect(await within(toTreat).findByText(/^Gonocoque, positif le/)).toBeTruthy();
    expect(within(toTreat).getByRole('link', { name: 'Noa Petit' }).getAttribute('href')).toBe(
      `/#/persons/${noa.id}/tests`,
    );

    const overdue = panel('PrEP : suivi en retard');
    expect(await within(overdue).findByLabelText('1 personne')).toBeTruthy();
    expect(await within(overdue).findByRole('link', { name: 'Ana Lopes' })).toBeTruthy();
    expect(within(overdue).queryByText('Béa Roux')).toBeNull();
    expect(
      await within(panel('Vaccins : doses à faire cette semaine')).findByLabelText('1 personne'),
    ).toBeTruthy();
    expect(within(panel('PrEP : suivi cette semaine')).getByLabelText('0 personne')).toBeTruthy();

    const toGive = panel('Résultats à rendre');
    expect(await within(toGive).findByLabelText('1 personne')).toBeTruthy();
    expect(
      await within(toGive).findByText(/^PCR chlamydia \/ gonocoque \(délocalisée\) : positif, le/),
    ).toBeTruthy();

    // The navigation's entry: Noa's result to give and to treat, PrEP overdue (Ana), the vaccine
    // dose due (Chloé); not Béa.
    const nav = screen.getByRole('navigation');
    const entry = within(nav).getByRole('link', { name: /À faire/ });
    await waitFor(() => expect(within(entry).getByText('4 choses à faire')).toBeTruthy());

    await user.click(within(overdue).getByRole('link', { name: 'Ana Lopes' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/persons/${ana.id}/prep`));
  });

  it('shows the community worker the waiting lists and no PrEP, and opens the Referrals tab', async () => {
    const centre = await startCentre();
    await onPrep(centre, 'Ana Lopes', tenDaysLate());
    const rose = await filedPerson(centre, 'Rose Martin', { careTeam: true });
    await centre.must(
      'waitingLists.refer',
      {
        personId: rose.id,
        siteId: centre.siteId,
        specialty: 'sexology',
        requestedOn: addDays(today(), -6),
        origin: 'interview',
      },
      centre.tokens.worker,
    );

    const noa = await positive(centre, 'Noa Petit');
    const [item] = (await centre.must('treatments.forPerson', { personId: noa.id }, centre.tokens.nurse))
      .items;
    await centre.must(
      'treatments.savePartners',
      {
        personId: noa.id,
        toTreatId: item.id,
        partners: [{ pseudonym: 'Jo du mardi', notifier: 'centre', status: 'to_notify' }],
      },
      centre.tokens.nurse,
    );

    const { user } = await renderApp(TEAM.worker, '/work');
    await screen.findByRole('heading', { name: 'À faire', level: 1 });
    const partners = panel('Partenaires à prévenir');
    expect(await within(partners).findByLabelText('1 personne')).toBeTruthy();
    expect(await within(partners).findByText(/^Partenaire « Jo du mardi » \(Gonocoque\)/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Positifs à traiter' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Résultats à rendre' })).toBeNull();
    const lists = panel('Listes d’attente');
    expect(await within(lists).findByLabelText('1 personne')).toBeTruthy();
    expect(await within(lists).findByText('Sexologie (1)')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /PrEP/ })).toBeNull();
    expect(screen.queryByRole('region', { name: /Vaccins/ })).toBeNull();
    expect(screen.queryByText('Ana Lopes')).toBeNull();
    const entry = within(screen.getByRole('navigation')).getByRole('link', { name: /À faire/ });
    await waitFor(() => expect(within(entry).getByText('2 choses à faire')).toBeTruthy());

    await user.click(await within(lists).findByRole('link', { name: 'Rose Martin' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/persons/${rose.id}/referrals`));
  });

  it('shows the doctor the open 72-hour protocols first, then her case-plan actions, then positives, results, confirmations, referrals not attended and PrEP overdue or lost, not the week’s PrEP nor vaccines', async () => {
    await startCentre();
    await renderApp(TEAM.doctor, '/work');
    await screen.findByRole('heading', { name: 'À faire', level: 1 });
    await waitFor(() =>
      expect(screen.getAllByRole('region').map((r) => within(r).getByRole('heading').textContent)).toEqual([
        'Protocoles 72 h en cours',
        'Mes actions (7 jours)',
        'Résultats à rendre',
        'Positifs à traiter',
        'Confirmations en attente',
        'Orientations hospitalières non honorées',
        'PrEP : suivi en retard',
        'PrEP : perdues de vue',
      ]),
    );
  });

  it('filters a list by site: all of the reader’s sites by default, or one of them', async () => {
    const centre = await startCentre();
    const seteId = await addSete(centre);
    const nurse = {
      username: 'ines.inf',
      displayName: 'Inès Garcia',
      password: 'infirmerie-deux-sites-5',
      roles: ['nurse'],
    };
    await addMember(centre, nurse, [centre.siteId, seteId]);
    const token = await centre.signIn(nurse);
    for (const [nameUsed, siteId] of [
      ['Ana Lopes', centre.siteId],
      ['Sami Haddad', seteId],
    ] as const) {
      const person = await centre.must('persons.create', { siteId, nameUsed }, token);
      await centre.must(
        'persons.recordConsent',
        { personId: person.id, scope: 'care_team', given: true },
        token,
      );
      await centre.must(
        'prep.start',
        { personId: person.id, siteId, startedOn: tenDaysLate(), regimen: 'daily' },
        token,
      );
    }

    const { user } = await renderApp(nurse, '/work');
    const overdue = await screen.findByRole('region', { name: 'PrEP : suivi en retard' });
    expect(await within(overdue).findByLabelText('2 personnes')).toBeTruthy();
    expect(await within(overdue).findByRole('link', { name: 'Sami Haddad' })).toBeTruthy();
    await user.selectOptions(
      within(overdue).getByRole('combobox', { name: 'Sites de la liste « PrEP : suivi en retard »' }),
      'SET · Sète',
    );
    expect(await within(overdue).findByLabelText('1 personne')).toBeTruthy();
    await waitFor(() => expect(within(overdue).queryByText('Ana Lopes')).toBeNull());
    expect(within(overdue).getByRole('link', { name: 'Sami Haddad' })).toBeTruthy();
  });

  it('pages a long list 50 lines at a time with Suivants and Précédents', async () => {
    const centre = await startCentre();
    // 51 persons overdue, one day apart: the oldest due first.
    for (let i = 0; i < 51; i++) {
      const person = await filedPerson(centre, `Personne ${String(i + 1).padStart(2, '0')}`, {
        careTeam: true,
      });
      await centre.must(
        'prep.start',
        {
          personId: person.id,
          siteId: centre.siteId,
          startedOn: addCalendar(addDays(today(), -70 + i), { months: -1 }),
          regimen: 'daily',
        },
        centre.tokens.doctor,
      );
    }
    const { user } = await renderApp(TEAM.nurse, '/work');
    const overdue = await screen.findByRole('region', { name: 'PrEP : suivi en retard' });
    expect(await within(overdue).findByLabelText('51 personnes')).toBeTruthy();
    await within(overdue).findByRole('link', { name: 'Personne 01' });
    expect(within(overdue).getAllByRole('link')).toHaveLength(50);
    expect(within(overdue).getByRole('button', { name: 'Précédents' })).toHaveProperty('disabled', true);
    await user.click(within(overdue).getByRole('button', { name: 'Suivants' }));
    await within(overdue).findByRole('link', { name: 'Personne 51' });
    expect(within(overdue).getAllByRole('link')).toHaveLength(1);
    expect(within(overdue).getByRole('button', { name: 'Suivants' })).toHaveProperty('disabled', true);
    await user.click(within(overdue).getByRole('button', { name: 'Précédents' }));
    expect(await within(overdue).findByRole('link', { name: 'Personne 01' })).toBeTruthy();
  });

  it('shows a specialist only the waiting lists, and no badge when nothing waits', async () => {
    const centre = await startCentre();
    await onPrep(centre, 'Ana Lopes', tenDaysLate());
    await addMember(centre, {
      username: 'lea.sexo',
      displayName: 'Léa Garnier',
      password: 'specialiste-du-lez-9',
      roles: ['specialist'],
    });
    await renderApp(
      {
        username: 'lea.sexo',
        displayName: 'Léa Garnier',
        password: 'specialiste-du-lez-9',
        roles: ['specialist'],
      },
      '/work',
    );
    await screen.findByRole('heading', { name: 'À faire', level: 1 });
    const lists = panel('Listes d’attente');
    expect(await within(lists).findByLabelText('0 personne')).toBeTruthy();
    expect(screen.getAllByRole('region')).toHaveLength(1);
    expect(screen.queryByTestId('worklist-total')).toBeNull();
  });
});
