import { expect, type Locator, type Page } from '@playwright/test';
import { choice } from './fields';

/** What a result form asks: each question's label and the answer to choose ("Gonocoque" → "Détecté"). */
export type ResultAnswers = Record<string, string>;

/** The dossier's "Dépistages" tab: the screenings, their samples and results. */
export class ScreeningsTab {
  constructor(readonly page: Page) {}

  /** A sample's line, by its label ("PCR chlamydia / gonocoque (délocalisée) — Anus"). */
  sample(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  /**
   * "Nouveau dépistage": ticks the samples a consultation ordered (`ordered`) and the tests sampled
   * without an order (`tests`), then saves them, taken now.
   */
  async recordSamples({ ordered = [], tests = [] }: { ordered?: string[]; tests?: string[] }): Promise<void> {
    await this.page.getByRole('button', { name: 'Nouveau dépistage' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Nouveau dépistage' });
    const orderedBoxes = dialog.getByRole('group', { name: 'Examens prescrits à prélever' });
    for (const label of ordered)
      await orderedBoxes.getByRole('checkbox', { name: label, exact: true }).check();
    const testBoxes = dialog.getByRole('group', { name: 'Examens', exact: true });
    for (const label of tests) await testBoxes.getByRole('checkbox', { name: label, exact: true }).check();
    await dialog.getByRole('button', { name: 'Enregistrer les prélèvements' }).click();
    await expect(dialog).toBeHidden();
  }

  /** "Saisir le résultat" on a taken sample: one answer per question, the time left at now. */
  async enterResult(label: string, answers: ResultAnswers): Promise<void> {
    await this.sample(label)
      .getByRole('button', { name: `Saisir le résultat — ${label}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Résultat : ${label}` });
    for (const [question, answer] of Object.entries(answers)) await choice(dialog, question, answer).check();
    await dialog.getByRole('button', { name: 'Enregistrer le résultat' }).click();
    await expect(dialog).toBeHidden();
  }
}
