import { expect, type Locator, type Page } from '@playwright/test';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Either apostrophe: the catalogues use the typographic one. */
export function frText(text: string): RegExp {
  return new RegExp(escapeRegExp(text).replace(/['’]/g, "['’]"));
}

/** A person's dossier (#/persons/<id>). */
export class DossierPage {
  constructor(readonly page: Page) {}

  async expectPerson(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  fileNumber(): Locator {
    return this.page.getByText(/^[A-Z0-9]+-\d{4}-\d{5}$/).first();
  }

  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name: frText(name) }).click();
  }

  consentRow(scope: string): Locator {
    return this.page
      .getByRole('table', { name: 'Consentements actuels' })
      .getByRole('row')
      .filter({ hasText: scope });
  }

  /** Gives or withdraws a consent scope from the Consentements tab. */
  async setConsent(scope: string, give: boolean): Promise<void> {
    await this.openTab('Consentements');
    const row = this.consentRow(scope);
    await row
      .getByRole('button', { name: `${give ? 'Donner' : 'Retirer'} le consentement : ${scope}` })
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog
      .getByRole('button', { name: give ? 'Enregistrer le consentement' : 'Enregistrer le retrait' })
      .click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText(give ? 'Donné' : 'Retiré');
  }

  async startInterview(): Promise<void> {
    await this.page.getByRole('button', { name: frText("Commencer l'entretien") }).click();
  }

  interviewSummaries(): Locator {
    return this.page.getByTestId('interview-summary');
  }

  hiddenNotice(section: 'interview' | 'pathway' | 'referrals'): Locator {
    return this.page.getByTestId(`hidden-${section}`);
  }
}
