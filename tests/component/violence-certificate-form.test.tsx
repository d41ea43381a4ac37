/**
 * The certificate of injuries in the Violences tab: the doctor adds lesion rows with the keyboard
 * (the new row's region takes the focus) and removes them; a lesion without region or kind, an ITT
 * out of 0–365 and an examination before the incident are refused next to their fields with
 * nothing sent; a valid draft is listed "Brouillon" with its texts exactly as typed, and "Émettre"
 * signs it (the protocol's certificate step recorded with it).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate } from './helpers/site-time';

const TODAY = siteDate(new Date());
const YESTERDAY = addDays(TODAY, -1);

describe('the certificate of injuries form', () => {
  it('adds and removes lesion rows by keyboard, refuses incomplete rows and an ITT out of range, then saves and issues', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
    await centre.must(
      'persons.recordConsent',
      { personId: person.id, scope: 'social_legal', given: true },
      centre.tokens.worker,
    );
    // The doctor's professional number: needed to sign.
    const doctor = (await centre.must('users.list', { query: 'nadia' }, centre.tokens.coordinator)).items[0];
    await centre.must(
      'users.update',
      {
        id: doctor.id,
        version: doctor.version,
        displayName: doctor.displayName,
        roles: doctor.roles,
        siteIds: doctor.siteIds,
        professionalNumber: '10003456789',
      },
      centre.tokens.coordinator,
    );
    await centre.must(
      'violence.saveIncident',
      {
        personId: person.id,
        occurredOn: YESTERDAY,
        placeKind: 'home',
        seedTypes: ['physical_assault'],
        gbvimsType: 'physical_assault',
      },
      centre.tokens.doctor,
    );
    const stored = async () =>
      (await centre.must('violence.forPerson', { personId: person.id }, centre.tokens.doctor)).items[0];

    const { user } = await renderApp(TEAM.doctor, `/persons/${person.id}/violence`);
    await screen.findByText('Aucun certificat de lésions.');
    await user.click(screen.getByRole('button', { name: 'Nouveau certificat' }));
    const dialog = await screen.findByRole('dialog', { name: 'Certificat médical initial de lésions' });

    // Two rows added from the keyboard: each new row's region takes the focus.
    const add = within(dialog).getByRole('button', { name: 'Ajouter une lésion' });
    add.focus();
    await user.keyboard('{Enter}');
    const first = await within(dialog).findByRole('group', { name: 'Lésion 1' });
    await waitFor(() => expect(document.activeElement).toBe(within(first).getByLabelText(/^Région/)));
    await user.keyboard('Pommette gauche');
    add.focus();
    await user.keyboard('{Enter}');
    const second = await within(dialog).findByRole('group', { name: 'Lésion 2' });
    await waitFor(() => expect(document.activeElement).toBe(within(second).getByLabelText(/^Région/)));

    // Row 1 has no kind, row 2 nothing; the ITT is out of range; the date is before the incident.
    const itt = within(dialog).getByLabelText(/^ITT \(jours\)/);
    await user.type(itt, '400');
    const examinedOn = within(dialog).getByLabelText(/^Date de l’examen/);
    fireEvent.change(examinedOn, { target: { value: addDays(YESTERDAY, -1) } });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le brouillon' }));
    await expectFieldError(
      within(first).getByLabelText(/^Nature/),
      'Indiquez la région et la nature de chaque lésion.',
    );
    await expectFieldError(
      within(second).getByLabelText(/^Région/),
      'Indiquez la région et la nature de chaque lésion.',
    );
    await expectFieldError(itt, 'L’ITT est un nombre entier de jours, de 0 à 365.');
    await expectFieldError(examinedOn, 'L’examen ne peut pas précéder l’incident.');
    expect((await stored()).certificates).toEqual([]);

    // The empty row removed by its own button; the rest corrected.
    await user.click(within(dialog).getByRole('button', { name: 'Retirer la lésion 2' }));
    await waitFor(() => expect(within(dialog).queryByRole('group', { name: 'Lésion 2' })).toBeNull());
    await user.type(within(first).getByLabelText(/^Nature/), 'Ecchymose');
    await user.type(within(first).getByLabelText(/^Dimensions/), '3,5');
    await user.clear(itt);
    await user.type(itt, '2');
    fireEvent.change(examinedOn, { target: { value: TODAY } });
    fireEvent.change(within(dialog).getByLabelText(/^Heure de l’examen/), { target: { value: '00:00' } });
    await user.type(within(dialog).getByLabelText(/^Dires de la personne examinée/), '  Il m’a frappée.  ');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le brouillon' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Certificat médical initial de lésions' })).toBeNull(),
    );

    const [meta] = (await stored()).certificates;
    expect(meta).toMatchObject({ doctorId: centre.userIds.doctor, issuedAt: null });
    const saved = await centre.must(
      'violence.certificate',
      { personId: person.id, certificateId: meta.id },
      centre.tokens.doctor,
    );
    expect(saved).toMatchObject({
      statements: '  Il m’a frappée.  ',
      lesions: [{ region: 'Pommette gauche', kind: 'Ecchymose', sizeCm: 3.5, description: '' }],
      ittDays: 2,
    });

    const list = await screen.findByRole('list', { name: 'Certificats de lésions' });
    expect(within(list).getByText('Brouillon')).toBeTruthy();
    await user.click(within(list).getByRole('button', { name: 'Émettre' }));
    await waitFor(() => expect(within(list).getByText(/^Émis le/)).toBeTruthy());
    expect(within(list).getByRole('button', { name: 'PDF' })).toBeTruthy();
    expect((await stored()).steps).toMatchObject([
      { item: 'injury_certificate', outcome: 'done', linkedType: 'injury_certificate', linkedId: meta.id },
    ]);
  });
});
