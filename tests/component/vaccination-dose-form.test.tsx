/**
 * The vaccines tab's dose form: each rule refused next to its field before anything is sent (a lot
 * left blank, a date in the future, a second dose the same day, a dose too early for the schedule),
 * the core's refusal (a dose recorded meanwhile on another workstation) placed next to the date it
 * names, and a saved dose shown in its course with its number and the next dose due.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addCalendar } from '../../shared/domain/schedules';
import { startCentre, TEAM } from './helpers/centre';
import { expectFieldError } from './helpers/fields';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate } from './helpers/site-time';

/** Days in every zone's past or future, so that the workstation's and the site's date agree. */
const YESTERDAY = addDays(siteDate(new Date()), -1);
const FUTURE = addDays(siteDate(new Date()), 2);

function setDate(field: HTMLElement, value: string) {
  fireEvent.change(field, { target: { value } });
}

type User = Awaited<ReturnType<typeof renderApp>>['user'];

/** Opens the dose form from the tab's main button, or from `button` (a course's next dose). */
async function openForm(user: User, button?: HTMLElement) {
  await user.click(button ?? (await screen.findByRole('button', { name: 'Enregistrer une dose' })));
  const dialog = await screen.findByRole('dialog', { name: 'Dose de vaccin' });
  return {
    dialog,
    date: within(dialog).getByLabelText(/^Date/),
    lot: within(dialog).getByRole('textbox', { name: /^Lot/ }),
    save: () => user.click(within(dialog).getByRole('button', { name: 'Enregistrer la dose' })),
  };
}

describe('the vaccine dose form', () => {
  it('refuses a blank lot and a future date next to their fields, writes nothing, then records the dose', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Noa Petit', { careTeam: true });
    const { user } = await renderApp(TEAM.nurse, `/persons/${person.id}/vaccines`);
    await screen.findByText('Aucune vaccination enregistrée.');
    const form = await openForm(user);
    // The signed-in carer gave it, unless another is chosen.
    expect(within(form.dialog).getByRole('textbox', { name: /^Faite par/ })).toHaveProperty(
      'value',
      TEAM.nurse.displayName,
    );
    setDate(form.date, FUTURE);
    await user.type(form.lot, '   ');
    await form.save();
    await expectFieldError(form.date, 'Cette date est dans le futur.');
    await expectFieldError(form.lot, 'Le numéro de lot est obligatoire.');
    expect(
      (await centre.must('vaccinations.forPerson', { personId: person.id }, centre.tokens.nurse)).items,
    ).toEqual([]);

    setDate(form.date, YESTERDAY);
    await user.clear(form.lot);
    await user.type(form.lot, ' HPV-2026 a');
    await form.save();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Dose de vaccin' })).toBeNull());
    const saved = await centre.must('vaccinations.forPerson', { personId: person.id }, centre.tokens.nurse);
    expect(saved.items).toMatchObject([
      {
        vaccineCode: 'hpv',
        nextDose: 2,
        nextDueOn: addCalendar(YESTERDAY, { months: 2 }),
        doses: [{ doseNumber: 1, givenOn: YESTERDAY, lot: ' HPV-2026 a', givenBy: centre.userIds.nurse }],
      },
    ]);
    const course = await screen.findByRole('region', { name: 'Papillomavirus (HPV)' });
    await waitFor(() => expect(course.textContent).toContain('Dose 1/3'));
    expect(course.textContent).toContain('Dose 2 prévue le');
    expect(course.textContent).toContain('lot  HPV-2026 a');
  });

  it('refuses a second dose the same day and a dose before the minimum gap (mpox, 28 days), before sending', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Lou Martin', { careTeam: true });
    await centre.must(
      'vaccinations.giveDose',
      { personId: person.id, vaccineCode: 'mpox', givenOn: YESTERDAY, lot: 'A1' },
      centre.tokens.nurse,
    );
    const { user } = await renderApp(TEAM.nurse, `/persons/${person.id}/vaccines`);
    const course = await screen.findByRole('region', { name: 'Mpox' });
    const form = await openForm(user, within(course).getByRole('button', { name: 'Enregistrer la dose 2' }));
    await within(form.dialog).findByText(/^Dose 2 du schéma en cours/);
    setDate(form.date, YESTERDAY);
    await user.type(form.lot, 'A2');
    await form.save();
    await expectFieldError(form.date, 'Une dose de ce vaccin est déjà enregistrée ce jour-là.');
    setDate(form.date, siteDate(new Date()));
    await form.save();
    await expectFieldError(form.date, 'Trop tôt : le schéma demande un délai plus long');
    const stored = await centre.must('vaccinations.forPerson', { personId: person.id }, centre.tokens.nurse);
    expect(stored.items[0]?.doses).toHaveLength(1);
  });

  it('from a course in progress, records its next dose on that vaccine and shows the one after', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Eli Faure', { careTeam: true });
    const first = addDays(YESTERDAY, -40);
    await centre.must(
      'vaccinations.giveDose',
      { personId: person.id, vaccineCode: 'hepatitis_b', givenOn: first, lot: 'HB-1' },
      centre.tokens.nurse,
    );
    const { user } = await renderApp(TEAM.nurse, `/persons/${person.id}/vaccines`);
    const course = await screen.findByRole('region', { name: 'Hépatite B' });
    await user.click(within(course).getByRole('button', { name: 'Enregistrer la dose 2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dose de vaccin' });
    expect(within(dialog).getByRole('textbox', { name: /^Vaccin/ })).toHaveProperty('value', 'Hépatite B');
    setDate(within(dialog).getByLabelText(/^Date/), YESTERDAY);
    await user.type(within(dialog).getByRole('textbox', { name: /^Lot/ }), 'HB-2');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la dose' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Dose de vaccin' })).toBeNull());
    await waitFor(() => expect(course.textContent).toContain('Dose 2/3'));
    expect(course.textContent).toContain('Dose 3 prévue le');
    const saved = await centre.must('vaccinations.forPerson', { personId: person.id }, centre.tokens.nurse);
    // Dose 2 came 40 days after dose 1: dose 3 keeps its 5 months' gap from dose 2.
    expect(saved.items[0]).toMatchObject({ nextDose: 3, nextDueOn: addCalendar(YESTERDAY, { months: 5 }) });
  });

  it('the core’s refusal (a dose recorded meanwhile elsewhere) lands next to the date', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Max Roux', { careTeam: true });
    const { user } = await renderApp(TEAM.nurse, `/persons/${person.id}/vaccines`);
    const form = await openForm(user);
    // Another workstation records an HPV dose yesterday while the form is open.
    await centre.must(
      'vaccinations.giveDose',
      { personId: person.id, vaccineCode: 'hpv', givenOn: YESTERDAY, lot: 'B1' },
      centre.tokens.doctor,
    );
    setDate(form.date, YESTERDAY);
    await user.type(form.lot, 'B2');
    await form.save();
    await expectFieldError(form.date, 'Une dose de ce vaccin est déjà enregistrée ce jour-là.');
  });
});
