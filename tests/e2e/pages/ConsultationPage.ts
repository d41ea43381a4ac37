import { expect, type Locator, type Page } from '@playwright/test';
import { field } from './fields';

/** The doctor's consultation screen (#/persons/<id>/consultation?visitId=), opened from the board. */
export class ConsultationPage {
  constructor(readonly page: Page) {}

  async expectVisible(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Consultation médicale', level: 1 })).toBeVisible();
    await expect(this.page.getByText(new RegExp(`^${name} · `))).toBeVisible();
  }

  /** Left of the screen: today's interview, as the community worker wrote it. */
  interview(): Locator {
    return this.page.getByRole('region', { name: 'Entretien du jour' });
  }

  async setReason(text: string): Promise<void> {
    await field(this.page, 'Motif').fill(text);
  }

  async setConclusion(text: string): Promise<void> {
    await field(this.page, 'Conclusion').fill(text);
  }

  /** Ticks a test in "Examens prescrits" ("PCR chlamydia / gonocoque (délocalisée) — Anus"). */
  async order(test: string): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Examens prescrits' })
      .getByRole('checkbox', { name: test, exact: true })
      .check();
  }

  /** "Terminer la consultation": saved, and the visit sent to `nextStep` ("Infirmier·e"). */
  async end(nextStep: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Terminer la consultation' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Terminer la consultation' });
    await dialog.getByRole('radio', { name: nextStep, exact: true }).check();
    await dialog.getByRole('button', { name: 'Terminer la consultation' }).click();
    await expect(dialog).toBeHidden();
  }
}
