/**
 * The coordination meeting form (`/meetings`): a meeting without participants is refused next to
 * the participants field, and one without a person discussed under "Personnes discutées", before
 * anything is sent; with a participant and a person found by name, ticking her plan's open action
 * "done" and saving writes the meeting and marks the action done in one go, and the list shows it.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addMember, addSete, COORDINATOR, startCentre, TEAM, type Member } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate } from './helpers/site-time';

describe('the coordination meeting form', () => {
  it('refuses a meeting without participants or persons next to their fields, then saves one that marks an action done', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'social_legal', given: true },
      centre.tokens.worker,
    );
    const plan = await centre.must('casePlans.open', { personId: person.id }, centre.tokens.doctor);
    await centre.must(
      'casePlans.saveAction',
      {
        personId: person.id,
        planId: plan.id,
        axis: 'medical',
        title: 'Sérologies à 6 semaines',
        ownerId: centre.userIds.doctor,
        dueOn: addDays(siteDate(new Date()), 3),
      },
      centre.tokens.doctor,
    );
    const meetings = async () => (await centre.must('meetings.list', {}, centre.tokens.doctor)).rows;

    const { user } = await renderApp(TEAM.doctor, '/meetings');
    await screen.findByRole('heading', { name: 'Réunions de coordination', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Nouvelle réunion' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle réunion de coordination' });
    // Notes of spaces only are refused next to them, not quietly dropped.
    const notes = within(dialog).getByRole('textbox', { name: 'Notes générales' });
    await user.type(notes, '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la réunion' }));
    const participants = within(dialog).getByRole('textbox', { name: /^Participant·es de l’équipe/ });
    await expectFieldError(participants, 'Indiquez au moins un participant de l’équipe.');
    await expectFieldError(notes, 'Ce texte est vide.');
    await user.type(notes, 'Ordre du jour : sérologies ');
    expect(within(dialog).getByRole('alert').textContent).toContain(
      'Ajoutez au moins une personne discutée.',
    );
    expect(await meetings()).toEqual([]);

    // Participants: the staff who follow plans (the doctor), never the nurse or reception.
    participants.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() =>
      expect(screen.getByRole('option', { name: TEAM.doctor.displayName, hidden: true })).toBeTruthy(),
    );
    expect(screen.queryByRole('option', { name: TEAM.nurse.displayName, hidden: true })).toBeNull();
    await user.click(screen.getByRole('option', { name: TEAM.doctor.displayName, hidden: true }));

    await user.type(within(dialog).getByRole('textbox', { name: /^Chercher une personne/ }), 'Salma');
    await user.click(within(dialog).getByRole('button', { name: 'Chercher' }));
    await user.click(await within(dialog).findByRole('button', { name: /^Ajouter Salma Idrissi/ }));
    const card = await within(dialog).findByRole('region', { name: /^Salma Idrissi/ });
    await user.type(within(card).getByRole('textbox', { name: 'Décisions' }), 'Sérologies faites.');
    await user.click(await within(card).findByRole('checkbox', { name: /^Faite : Sérologies à 6 semaines/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la réunion' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Nouvelle réunion de coordination' })).toBeNull(),
    );

    expect(await meetings()).toMatchObject([{ casesCount: 1, participantNames: [TEAM.doctor.displayName] }]);
    const [line] = await meetings();
    // The notes as typed, spaces included.
    expect(
      (await centre.must('meetings.get', { meetingId: line.id }, centre.tokens.doctor)).meeting?.generalNotes,
    ).toBe('   Ordre du jour : sérologies ');
    const stored = await centre.must('casePlans.forPerson', { personId: person.id }, centre.tokens.doctor);
    expect(stored.items[0]?.actions).toMatchObject([{ title: 'Sérologies à 6 semaines', status: 'done' }]);
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
  });
});

describe('the team view', () => {
  it('lists the open actions of the reader’s sites under their owner', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Nadia Benali', { careTeam: true });
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'social_legal', given: true },
      centre.tokens.worker,
    );
    const plan = await centre.must('casePlans.open', { personId: person.id }, centre.tokens.doctor);
    await centre.must(
      'casePlans.saveAction',
      {
        personId: person.id,
        planId: plan.id,
        axis: 'social',
        title: 'Hébergement d’urgence',
        ownerId: centre.userIds.doctor,
        dueOn: addDays(siteDate(new Date()), 2),
      },
      centre.tokens.doctor,
    );
    await renderApp(TEAM.doctor, '/case-plans/team');
    const owner = await screen.findByRole('region', { name: TEAM.doctor.displayName });
    await waitFor(() => expect(owner.textContent).toContain('Nadia Benali'));
    expect(owner.textContent).toContain('Hébergement d’urgence');
  });
});

describe('the plan tab’s “Réunions” panel', () => {
  it('shows the meetings where the person was discussed, with the decisions taken for her', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Amal Tazi', { careTeam: true });
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'social_legal', given: true },
      centre.tokens.worker,
    );
    await centre.must('casePlans.open', { personId: person.id }, centre.tokens.doctor);
    await centre.must(
      'meetings.save',
      {
        siteId: centre.siteId,
        heldOn: siteDate(new Date()),
        participantIds: [centre.userIds.doctor],
        cases: [{ personId: person.id, decisions: 'Orienter vers un foyer.' }],
      },
      centre.tokens.doctor,
    );
    await renderApp(TEAM.doctor, `/persons/${person.id}/case-plan`);
    const panel = await screen.findByRole('region', { name: 'Réunions' });
    await waitFor(() => expect(panel.textContent).toContain('Orienter vers un foyer.'));
    expect(panel.textContent).toContain(TEAM.doctor.displayName);
  });
});

describe('the coordinator’s team view', () => {
  it('shows counts per site and per owner, and no person', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Yasmina Alaoui', { careTeam: true });
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'social_legal', given: true },
      centre.tokens.worker,
    );
    const plan = await centre.must('casePlans.open', { personId: person.id }, centre.tokens.doctor);
    await centre.must(
      'casePlans.saveAction',
      {
        personId: person.id,
        planId: plan.id,
        axis: 'medical',
        title: 'Sérologies à 6 semaines',
        ownerId: centre.userIds.doctor,
        dueOn: addDays(siteDate(new Date()), 2),
      },
      centre.tokens.doctor,
    );
    await renderApp(COORDINATOR, '/case-plans/team');
    const bySite = await screen.findByRole('table', { name: 'Par site' });
    // MTP: one action due within 7 days, none overdue, one active plan.
    await waitFor(() => expect(within(bySite).getAllByRole('row')[1]?.textContent).toBe('MTP100100'));
    const byOwner = screen.getByRole('table', { name: 'Par porteur·se' });
    expect(within(byOwner).getAllByRole('row')[1]?.textContent).toBe(`${TEAM.doctor.displayName}10`);
    expect(document.body.textContent).not.toContain('Yasmina');
    expect(document.body.textContent).not.toContain('Sérologies');
  });
});

describe('the site filter of the meetings', () => {
  it('lists all the reader’s sites by default, one site when chosen', async () => {
    const centre = await startCentre();
    const sete = await addSete(centre);
    const both: Member = {
      username: 'samira.social',
      displayName: 'Samira Haddad',
      password: 'social-du-lez-2024',
      roles: ['social_worker'],
    };
    const samiraId = await addMember(centre, both, [centre.siteId, sete]);
    const token = await centre.signIn(both);
    const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'social_legal', given: true },
      token,
    );
    const plan = await centre.must('casePlans.open', { personId: person.id }, token);
    // Followed at both sites: discussed at a meeting in each.
    await centre.must(
      'casePlans.setSites',
      { personId: person.id, planId: plan.id, siteIds: [centre.siteId, sete], version: plan.version },
      token,
    );
    for (const [siteId, decisions] of [
      [centre.siteId, 'Décidé à Montpellier'],
      [sete, 'Décidé à Sète'],
    ] as const)
      await centre.must(
        'meetings.save',
        {
          siteId,
          heldOn: siteDate(new Date()),
          participantIds: [samiraId],
          cases: [{ personId: person.id, decisions }],
        },
        token,
      );

    const { user } = await renderApp(both, '/meetings');
    await screen.findByRole('heading', { name: 'Réunions de coordination', level: 1 });
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Sites de la liste « Réunions de coordination »' }),
      'SET · Sète',
    );
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(screen.getAllByRole('row')[1]?.textContent).toContain('SET');
  });
});
