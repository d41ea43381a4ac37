/**
 * A booster on the vaccines tab (a centre whose catalogue sets `boosterAfterMonths`): the complete
 * course says when its booster is due and offers "Enregistrer le rappel"; the dose form takes it
 * (not refused as past a complete schedule) into the same course, and the next booster follows.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VACCINE_CATALOGUE } from '../../shared/domain/clinical-catalogues';
import { addCalendar } from '../../shared/domain/schedules';
import { startCentre, TEAM } from './helpers/centre';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { addDays, siteDate } from './helpers/site-time';

describe('a vaccine booster', () => {
  it('is shown due on the complete course and recorded into it from the tab', async () => {
    const centre = await startCentre();
    await centre.must(
      'catalogues.save',
      {
        catalogue: 'vaccines',
        version: 0,
        content: {
          ...DEFAULT_VACCINE_CATALOGUE,
          hepatitis_b: { ...DEFAULT_VACCINE_CATALOGUE.hepatitis_b, boosterAfterMonths: 12 },
        },
        reason: 'Rappel annuel',
      },
      centre.tokens.coordinator,
    );
    const person = await filedPerson(centre, 'Noa Petit', { careTeam: true });
    const today = siteDate(new Date());
    const last = addCalendar(today, { months: -13 });
    for (const givenOn of [addCalendar(last, { months: -6 }), addCalendar(last, { months: -5 }), last])
      await centre.must(
        'vaccinations.giveDose',
        { personId: person.id, vaccineCode: 'hepatitis_b', givenOn, lot: 'HB-1' },
        centre.tokens.nurse,
      );
    const { user } = await renderApp(TEAM.nurse, `/persons/${person.id}/vaccines`);
    const card = await screen.findByRole('region', { name: 'Hépatite B' });
    await within(card).findByText(/Terminé ; rappel prévu le/);

    await user.click(within(card).getByRole('button', { name: 'Enregistrer le rappel' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dose de vaccin' });
    fireEvent.change(within(dialog).getByLabelText(/^Date/), { target: { value: addDays(today, -1) } });
    await user.type(within(dialog).getByRole('textbox', { name: /^Lot/ }), 'HB-R1');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la dose' }));
    await within(card).findByText(/HB-R1/);
    const [course] = (
      await centre.must('vaccinations.forPerson', { personId: person.id }, centre.tokens.nurse)
    ).items;
    expect(course).toMatchObject({
      status: 'complete',
      nextDose: 5,
      nextDueOn: addCalendar(addDays(today, -1), { months: 12 }),
    });
    expect(course.doses).toHaveLength(4);
  });
});
