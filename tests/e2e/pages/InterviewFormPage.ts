import { expect, type Locator, type Page } from '@playwright/test';
import { frText } from './DossierPage';

/** The community interview form (#/persons/<id>/interview). */
export class InterviewFormPage {
  constructor(readonly page: Page) {}

  async expectVisible(): Promise<void> {
    await expect(
      this.page.getByRole('heading', { name: 'Entretien en santé sexuelle', level: 1 }),
    ).toBeVisible();
  }

  async setReason(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Motif de la venue' }).fill(text);
  }

  /** "ou il y a … heures": the last risk, counted back from the time of the interview. */
  async setRiskHoursAgo(hours: number): Promise<void> {
    await this.page.getByRole('textbox', { name: 'ou il y a … heures' }).fill(String(hours));
  }

  async tick(label: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: frText(label) }).check();
  }

  async setSummary(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Synthèse pour le médecin' }).fill(text);
  }

  pepAlert(): Locator {
    return this.page.getByTestId('pep-alert');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: frText("Enregistrer l'entretien") }).click();
  }

  /** After the save: the next step proposed from the needs, sent with Enter (its button has the focus). */
  async acceptNextStep(step: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: frText('Étape suivante du passage') });
    await expect(dialog.getByRole('button', { name: frText(`Envoyer : ${step}`) })).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
  }
}
