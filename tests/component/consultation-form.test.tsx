/**
 * The consultation screen: started from the board card of a person waiting for the doctor; the
 * form's rules (each refusal next to its field, what was typed kept); the prescription pre-filled
 * from the treatments catalogue; the tests ticked become samples to take; "Terminer la
 * consultation" sends the visit to the step chosen.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from '../../renderer/app/form-values';
import { appHistory } from '../../renderer/app/history';
import { startCentre, TEAM, type Member, type TestCentre } from './helpers/centre';
import { expectFieldError, pick } from './helpers/fields';
import { renderApp } from './helpers/render';
import { arrivedPerson } from './helpers/scenes';

async function waitingForDoctor(centre: TestCentre, nameUsed: string) {
  const { person, visit } = await arrivedPerson(centre, nameUsed, { careTeam: true, step: 'waiting_doctor' });
  const current = async () =>
    (await centre.must('visits.forPerson', { personId: person.id }, centre.tokens.doctor)).items[0];
  return { person, visit, current };
}

describe('the consultation screen', () => {
  it('"Commencer la consultation" on the board card moves the visit to the doctor and opens the form', async () => {
    const centre = await startCentre();
    const { person, current } = await waitingForDoctor(centre, 'Sacha Morel');
    const { user } = await renderApp(TEAM.doctor, '/board');
    const card = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(`[data-board-card][data-step="waiting_doctor"]`);
      if (!found) throw new Error('no card yet');
      return found;
    });
    await user.click(within(card).getByRole('button', { name: 'Commencer la consultation' }));
    await screen.findByRole('heading', { name: 'Consultation médicale', level: 1 });
    expect(window.location.hash).toContain(`#/persons/${person.id}/consultation`);
    expect(await current()).toMatchObject({ step: 'with_doctor', withUserId: centre.userIds.doctor });
    // What is due comes first, beside the form.
    expect(screen.getByRole('region', { name: 'À faire' })).toBeTruthy();
  });

  it('refuses each bad field next to it, keeps what was typed, and writes nothing', async () => {
    const centre = await startCentre();
    const { person, visit } = await waitingForDoctor(centre, 'Eden Roux');
    const { user } = await renderApp(TEAM.doctor, `/persons/${person.id}/consultation?visitId=${visit.id}`);
    await screen.findByRole('heading', { name: 'Consultation médicale', level: 1 });

    // A drug pre-filled from the treatments catalogue, every word editable.
    await user.click(screen.getByRole('button', { name: 'Pré-remplir : ceftriaxone' }));
    const line = screen.getByTestId('prescription-line');
    expect(within(line).getByRole('textbox', { name: /Médicament/ })).toHaveProperty('value', 'ceftriaxone');
    expect(within(line).getByRole('textbox', { name: /Dose/ })).toHaveProperty('value', '1 g');
    expect(within(line).getByRole('textbox', { name: /Fréquence/ })).toHaveProperty('value', 'En une prise');
    expect(within(line).getByRole('textbox', { name: /Durée/ })).toHaveProperty('value', '1 jour');

    // An empty drug name and renewals out of range: each refused next to its field.
    await user.clear(within(line).getByRole('textbox', { name: /Médicament/ }));
    const renewals = screen.getByRole('textbox', { name: /Renouvellements/ });
    await user.clear(renewals);
    await user.type(renewals, '-1');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await expectFieldError(
      within(line).getByRole('textbox', { name: /Médicament/ }),
      'Ce champ est obligatoire',
    );
    await expectFieldError(renewals, '0');
    expect(renewals).toHaveProperty('value', '-1');

    // A date in the future: refused by the core, next to the field.
    await user.clear(within(line).getByRole('textbox', { name: /Médicament/ }));
    await user.type(within(line).getByRole('textbox', { name: /Médicament/ }), 'ceftriaxone');
    await user.clear(renewals);
    await user.type(renewals, '0');
    const heldAt = screen.getByLabelText(/Date et heure/);
    await user.clear(heldAt);
    await user.type(heldAt, '2099-01-01T10:00');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await expectFieldError(heldAt, 'Cette date est dans le futur.');
    expect(heldAt).toHaveProperty('value', '2099-01-01T10:00');

    const saved = await centre.must('consultations.forPerson', { personId: person.id }, centre.tokens.doctor);
    expect(saved.items).toEqual([]);
  });

  it('renewals emptied are asked for, not read as 0; the prescription is saved word for word; the time stays as typed', async () => {
    const centre = await startCentre();
    const { person, visit } = await waitingForDoctor(centre, 'Noé Girard');
    const { user } = await renderApp(TEAM.doctor, `/persons/${person.id}/consultation?visitId=${visit.id}`);
    await screen.findByRole('heading', { name: 'Consultation médicale', level: 1 });
    const typedAt = toLocalInput(new Date(Date.now() - 2 * 3600_000));
    const heldAt = screen.getByLabelText(/Date et heure/);
    fireEvent.change(heldAt, { target: { value: typedAt } });

    await user.click(screen.getByRole('button', { name: 'Pré-remplir : doxycycline' }));
    const line = screen.getByTestId('prescription-line');
    const dose = within(line).getByRole('textbox', { name: /Dose/ });
    await user.clear(dose);
    await user.type(dose, '100 mg ');
    const renewals = screen.getByRole('textbox', { name: /Renouvellements/ });
    await user.clear(renewals);
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await expectFieldError(renewals, 'Ce champ est obligatoire');
    expect(renewals).toHaveProperty('value', '');
    expect(
      (await centre.must('consultations.forPerson', { personId: person.id }, centre.tokens.doctor)).items,
    ).toEqual([]);

    await user.type(renewals, '2');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Consultation enregistrée.');
    const [saved] = (
      await centre.must('consultations.forPerson', { personId: person.id }, centre.tokens.doctor)
    ).items;
    expect(saved.prescription).toMatchObject({
      renewals: 2,
      lines: [{ drug: 'doxycycline', dose: '100 mg ' }],
    });
    // The workstation's time as typed, converted only when sent.
    expect(saved.heldAt).toBe(fromLocalInput(typedAt)?.toISOString());
    expect(heldAt).toHaveProperty('value', typedAt);
  });

  it('reopened after a save made on another workstation, starts from that save, not from the copy it had', async () => {
    const centre = await startCentre();
    const { person, visit } = await waitingForDoctor(centre, 'Lou Marchand');
    const page = `/persons/${person.id}/consultation?visitId=${visit.id}`;
    const { user } = await renderApp(TEAM.doctor, page);
    await screen.findByRole('heading', { name: 'Consultation médicale', level: 1 });
    await user.type(screen.getByRole('textbox', { name: /^Motif/ }), 'Dépistage');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Consultation enregistrée.');

    // Leave the page; the same doctor completes the consultation on another workstation.
    act(() => appHistory.push(`/persons/${person.id}`));
    const [saved] = (
      await centre.must('consultations.forPerson', { personId: person.id }, centre.tokens.doctor)
    ).items;
    await centre.must(
      'consultations.save',
      {
        id: saved.id,
        version: saved.version,
        personId: person.id,
        visitId: visit.id,
        heldAt: saved.heldAt,
        reason: 'Dépistage et PrEP',
      },
      centre.tokens.doctor,
    );

    act(() => appHistory.push(page));
    await screen.findByRole('heading', { name: 'Consultation médicale', level: 1 });
    const reason = await screen.findByRole('textbox', { name: /^Motif/ });
    expect(reason).toHaveProperty('value', 'Dépistage et PrEP');
    await user.type(screen.getByRole('textbox', { name: /^Conclusion/ }), 'Revoir dans un mois');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Consultation enregistrée.');
    const [after] = (
      await centre.must('consultations.forPerson', { personId: person.id }, centre.tokens.doctor)
    ).items;
    expect(after).toMatchObject({ reason: 'Dépistage et PrEP', conclusion: 'Revoir dans un mois' });
  });

  it('saves diagnoses, tests ordered per site and the prescription; ending sends the visit to the nurse', async () => {
    const centre = await startCentre();
    const { person, visit, current } = await waitingForDoctor(centre, 'Lior Faure');
    const { user } = await renderApp(TEAM.doctor, `/persons/${person.id}/consultation?visitId=${visit.id}`);
    await screen.findByRole('heading', { name: 'Consultation médicale', level: 1 });

    await user.type(screen.getByRole('textbox', { name: 'Motif' }), 'Écoulement');
    await pick(
      user,
      screen.getByRole('textbox', { name: /Diagnostics/ }),
      'A54',
      /A54 — Infection gonococcique/,
    );
    const ctng = screen.getByRole('group', { name: 'PCR chlamydia / gonocoque (délocalisée)' });
    await user.click(within(ctng).getByRole('checkbox', { name: /Gorge/ }));
    await user.click(within(ctng).getByRole('checkbox', { name: /Anus/ }));
    await user.click(screen.getByRole('checkbox', { name: 'TROD VIH' }));
    await user.click(screen.getByRole('button', { name: 'Pré-remplir : doxycycline' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await screen.findByText('3 prélèvements à réaliser transmis à l’infirmerie.');
    // Ordered: the boxes are cleared, so a second save orders nothing again.
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'TROD VIH' })).toHaveProperty('checked', false),
    );
    const [saved] = (
      await centre.must('consultations.forPerson', { personId: person.id }, centre.tokens.doctor)
    ).items;
    expect(saved).toMatchObject({
      reason: 'Écoulement',
      diagnoses: ['A54'],
      visitId: visit.id,
      prescription: { lines: [{ drug: 'doxycycline', dose: '100 mg', route: 'oral' }] },
    });

    await user.click(screen.getByRole('button', { name: 'Terminer la consultation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Terminer la consultation' });
    await user.click(within(dialog).getByRole('radio', { name: 'Infirmier·e' }));
    await user.click(within(dialog).getByRole('button', { name: 'Terminer la consultation' }));
    await waitFor(async () =>
      expect(await current()).toMatchObject({ step: 'waiting_nurse', withUserId: null }),
    );
    await screen.findByText('Consultation terminée : Infirmier·e.');
  });

  it('shows today’s interview and what is due only from what the doctor may read', async () => {
    const centre = await startCentre();
    const shared = await waitingForDoctor(centre, 'Noa Petit');
    await centre.must(
      'interviews.save',
      {
        personId: shared.person.id,
        visitId: shared.visit.id,
        heldAt: new Date().toISOString(),
        needs: ['screening'],
        summary: 'Demande de dépistage complet',
      },
      centre.tokens.worker,
    );
    await renderApp(TEAM.doctor, `/persons/${shared.person.id}/consultation?visitId=${shared.visit.id}`);
    const interview = await screen.findByRole('region', { name: 'Entretien du jour' });
    await within(interview).findByText('Demande de dépistage complet');
    expect(
      within(screen.getByRole('region', { name: 'À faire' })).getByText(/Besoins repérés : Dépistage/),
    ).toBeTruthy();
  });

  it('without the care-team consent, the interview summary is not shown beside the form', async () => {
    const centre = await startCentre();
    const { person, visit } = await arrivedPerson(centre, 'Ari Blanc', { step: 'waiting_doctor' });
    await centre.must(
      'interviews.save',
      { personId: person.id, visitId: visit.id, heldAt: new Date().toISOString(), summary: 'Non partagé' },
      centre.tokens.worker,
    );
    await renderApp(TEAM.doctor, `/persons/${person.id}/consultation?visitId=${visit.id}`);
    await screen.findByRole('heading', { name: 'Consultation médicale', level: 1 });
    await screen.findByRole('region', { name: 'À faire' });
    expect(screen.queryByRole('region', { name: 'Entretien du jour' })).toBeNull();
    expect(screen.queryByText('Non partagé')).toBeNull();
  });

  it('a specialist starts from their queue and writes the specialty’s notes', async () => {
    const centre = await startCentre();
    const specialist: Member = {
      username: 'claire.gyneco',
      displayName: 'Claire Girard',
      password: 'gynecologie-du-lez-24',
      roles: ['specialist'],
    };
    const created = await centre.must(
      'users.create',
      {
        username: specialist.username,
        displayName: specialist.displayName,
        roles: ['specialist'],
        siteIds: [centre.siteId],
      },
      centre.tokens.coordinator,
    );
    const first = await centre.must(
      'auth.login',
      { username: specialist.username, password: created.temporaryPassword },
      // A public channel: no session yet.
      '',
    );
    await centre.must(
      'auth.changePassword',
      { currentPassword: created.temporaryPassword, newPassword: specialist.password },
      first.token,
    );
    const { person } = await arrivedPerson(centre, 'Maé Lenoir', { careTeam: true });
    const [waiting] = (await centre.must('visits.forPerson', { personId: person.id }, centre.tokens.worker))
      .items;
    await centre.must(
      'visits.move',
      { visitId: waiting.id, version: waiting.version, step: 'waiting_specialist' },
      centre.tokens.worker,
    );

    const { user } = await renderApp(specialist, '/board');
    const card = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-board-card][data-step="waiting_specialist"]');
      if (!found) throw new Error('no card yet');
      return found;
    });
    await user.click(within(card).getByRole('button', { name: 'Commencer la consultation' }));
    await screen.findByRole('heading', { name: 'Consultation spécialisée', level: 1 });
    await pick(user, screen.getByRole('textbox', { name: /Spécialité/ }), 'Gyn', /Gynécologie/);
    await user.type(screen.getByRole('textbox', { name: 'Conclusion' }), 'Frottis à prévoir');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la consultation' }));
    await screen.findByText('Consultation spécialisée enregistrée.');
    const notes = await centre.must(
      'consultations.specialistForPerson',
      { personId: person.id },
      centre.tokens.doctor,
    );
    expect(notes.items).toMatchObject([
      { kind: 'gynaecology', conclusion: 'Frottis à prévoir', visitId: waiting.id },
    ]);
  });
});
