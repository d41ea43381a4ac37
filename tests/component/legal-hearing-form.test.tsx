/**
 * The Juridique tab: a social worker adds a hearing to a civil-registration procedure; the hearing
 * form refuses, next to their fields and before anything is sent, a hearing without a date or a
 * place and a hearing dated before the procedure was opened; a valid hearing is saved (the place
 * exactly as typed) and moves the procedure to "Audiences". The hearing then appears on "À faire"
 * under "Audiences (7 jours)".
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addMember, startCentre, type Member } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, nextMonday, siteDate, siteInstant } from './helpers/site-time';

const SOCIAL: Member = {
  username: 'sara.social',
  displayName: 'Sara Alaoui',
  password: 'assistante-sociale-2024',
  roles: ['social_worker'],
};

const TODAY = siteDate(new Date());

async function scene() {
  const centre = await startCentre();
  await addMember(centre, SOCIAL);
  const token = await centre.signIn(SOCIAL);
  const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
  await centre.must(
    'persons.recordConsent',
    { personId: person.id, scope: 'social_legal', given: true },
    token,
  );
  const procedure = await centre.must(
    'legal.saveProcedure',
    { personId: person.id, type: 'child_civil_registration', openedOn: addDays(TODAY, -10) },
    token,
  );
  return { centre, token, person, procedure };
}

describe('the hearing form', () => {
  it('refuses a missing date and place and a hearing before the opening next to their fields; saves a valid one', async () => {
    const { centre, token, person } = await scene();
    const stored = async () =>
      (await centre.must('legal.forPerson', { personId: person.id }, token)).items[0];
    const { user } = await renderApp(SOCIAL, `/persons/${person.id}/legal`);
    const card = await screen.findByRole('region', { name: 'Inscription de l’enfant à l’état civil' });
    await user.click(within(card).getByRole('button', { name: 'Nouvelle audience' }));
    const dialog = await screen.findByRole('dialog', { name: 'Audience' });
    const save = within(dialog).getByRole('button', { name: 'Enregistrer l’audience' });

    await user.click(save);
    const when = within(dialog).getByLabelText(/^Date/);
    const place = within(dialog).getByRole('textbox', { name: /^Lieu/ });
    await expectFieldError(place, 'Ce texte est vide.');
    await expectFieldError(when, 'Ce champ est obligatoire.');

    fireEvent.change(when, { target: { value: `${addDays(TODAY, -11)}T09:30` } });
    await user.type(place, '  Tribunal, salle 2');
    await user.click(save);
    await expectFieldError(when, 'Cette audience est antérieure à l’ouverture de la procédure.');
    expect((await stored()).hearings).toEqual([]);

    fireEvent.change(when, { target: { value: `${addDays(TODAY, 3)}T09:30` } });
    await user.click(save);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Audience' })).toBeNull());
    expect(await stored()).toMatchObject({
      stage: 'hearings',
      hearings: [{ place: '  Tribunal, salle 2', kind: 'hearing', status: 'scheduled' }],
    });
  });

  it('lists the hearing due this week on “À faire”, under “Audiences (7 jours)”', async () => {
    const { centre, token, person, procedure } = await scene();
    await centre.must(
      'legal.saveHearing',
      {
        personId: person.id,
        procedureId: procedure.id,
        startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        place: 'Tribunal de la famille',
      },
      token,
    );
    await renderApp(SOCIAL, '/work');
    const panel = await screen.findByRole('region', { name: 'Audiences (7 jours)' });
    await waitFor(() => expect(panel.textContent).toContain('Salma Idrissi'));
    expect(panel.textContent).toContain('Tribunal de la famille');
  });

  it('shows the week’s hearings of the site on the legal calendar, each opening the Juridique tab', async () => {
    const { centre, token, person, procedure } = await scene();
    await centre.must(
      'legal.saveHearing',
      {
        personId: person.id,
        procedureId: procedure.id,
        // Wednesday noon of next week, at the site.
        startsAt: siteInstant(addDays(nextMonday(TODAY), 2), '12:00'),
        place: 'Cour d’appel',
      },
      token,
    );
    const { user } = await renderApp(SOCIAL, '/legal/calendar');
    await screen.findByRole('heading', { name: 'Calendrier juridique', level: 1 });
    // Next week's hearing is not this week's: one click forward shows it.
    expect(await screen.findByText('Aucune audience cette semaine.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Semaine suivante' }));
    const table = await screen.findByRole('table', { name: 'Calendrier juridique' });
    expect(table.textContent).toContain('Cour d’appel');
    expect(within(table).getByRole('link', { name: 'Salma Idrissi' }).getAttribute('href')).toContain(
      '/legal',
    );
  });
});
