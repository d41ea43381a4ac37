/**
 * The "Soutien psychologique" tab: a psychologist records a group session held yesterday at 14:30
 * (the site's clock) with a private note; the core's refusal of a group without its name lands
 * next to the group field, nothing is written and nothing typed is lost; with the name the
 * session is saved, the note exactly as typed, and listed.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addMember, startCentre, type Member } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate, siteInstant } from './helpers/site-time';

const PSYCHOLOGIST: Member = {
  username: 'lou.psy',
  displayName: 'Lou Martin',
  password: 'psychologie-du-lez-9',
  roles: ['psychologist'],
};

const YESTERDAY = addDays(siteDate(new Date()), -1);
const NOTE = '  Parle  de sa sœur, dort mieux ';

describe('the psychological support session form', () => {
  it('refuses a group without its name next to the field, keeps what was typed, then saves the note as typed', async () => {
    const centre = await startCentre();
    await addMember(centre, PSYCHOLOGIST);
    const token = await centre.signIn(PSYCHOLOGIST);
    const person = await filedPerson(centre, 'Salma Idrissi', { careTeam: true });
    const stored = async () =>
      (await centre.must('psySupport.forPerson', { personId: person.id }, token)).items;

    const { user } = await renderApp(PSYCHOLOGIST, `/persons/${person.id}/psy`);
    await user.click(await screen.findByRole('button', { name: 'Nouvelle séance' }));
    const dialog = await screen.findByRole('dialog', { name: 'Séance de soutien psychologique' });
    await user.click(within(dialog).getByRole('radio', { name: 'Séance de groupe' }));
    fireEvent.change(within(dialog).getByLabelText(/^Date/), { target: { value: YESTERDAY } });
    fireEvent.change(within(dialog).getByLabelText(/^Heure/), { target: { value: '14:30' } });
    const note = within(dialog).getByRole('textbox', { name: /^Note privée/ });
    await user.type(note, NOTE);
    const save = within(dialog).getByRole('button', { name: 'Enregistrer' });
    await user.click(save);

    const group = within(dialog).getByRole('textbox', { name: /^Groupe/ });
    await expectFieldError(group, 'Une séance de groupe indique le groupe : donnez son nom.');
    expect(await stored()).toEqual([]);
    expect((note as HTMLTextAreaElement).value).toBe(NOTE);

    await user.type(group, 'Groupe de parole du jeudi');
    await user.click(save);
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Séance de soutien psychologique' })).toBeNull(),
    );
    const [session] = await stored();
    expect(session).toMatchObject({
      record: 'session',
      kind: 'group',
      groupLabel: 'Groupe de parole du jeudi',
      privateNote: NOTE,
    });
    expect(session?.record === 'session' && Date.parse(session.heldAt)).toBe(
      Date.parse(siteInstant(YESTERDAY, '14:30')),
    );
    const card = await screen.findByRole('region', { name: 'Séance de groupe · Groupe de parole du jeudi' });
    expect(within(card).getByText(/à 14:30/)).toBeTruthy();
  });
});
