import { expect, type Locator, type Page } from '@playwright/test';
import { field } from './fields';

export interface Booking {
  /** What to type to find the person, and the name used to pick in the list. */
  personSearch?: string;
  personName?: string;
  professional?: string;
  date: string;
  start: string;
  end: string;
}

/** The agenda (#/agenda): day and week grids, the booking form, tomorrow's reminders. */
export class AgendaPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Agenda' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Agenda', level: 1 })).toBeVisible();
  }

  /** Shows the day (or week) holding `date` (YYYY-MM-DD). */
  async showDate(date: string): Promise<void> {
    await field(this.page, 'Aller au').fill(date);
  }

  async showWeek(): Promise<void> {
    await this.page.getByText('Semaine', { exact: true }).click();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async pick(scope: Locator, label: string, option: string): Promise<void> {
    await field(scope, label).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async openBooking(): Promise<void> {
    await this.page.getByRole('button', { name: 'Nouveau rendez-vous' }).click();
    await expect(this.dialog()).toBeVisible();
  }

  async fillBooking(b: Booking): Promise<void> {
    const dialog = this.dialog();
    if (b.personSearch && b.personName) {
      await field(dialog, 'Personne').fill(b.personSearch);
      await this.page.getByRole('option', { name: new RegExp(`^${b.personName}`) }).click();
    }
    if (b.professional) await this.pick(dialog, 'Professionnel·le', b.professional);
    await field(dialog, 'Date').fill(b.date);
    await field(dialog, 'Début').fill(b.start);
    await field(dialog, 'Fin').fill(b.end);
  }

  async submitBooking(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Réserver' }).click();
  }

  /** An appointment block of the grid, by the person's name (or "Créneau sans rendez-vous"). */
  block(text: string): Locator {
    return this.page.locator('[data-appointment]').filter({ hasText: text });
  }

  closedBand(from: string, to: string): Locator {
    return this.page.locator(`[data-closed="${from}-${to}"]`);
  }

  async openReminders(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Rappels de demain' }).click();
  }

  reminder(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }
}
