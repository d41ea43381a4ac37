import { expect, type Locator, type Page } from '@playwright/test';

export interface Partner {
  pseudonym: string;
  /** The status as the form words it ("Prévenu"). */
  status: string;
}

/** The "Dépister et traiter" panel of the Dépistages tab: one card per positive. */
export class TestAndTreatPanel {
  constructor(readonly page: Page) {}

  /** The card of a positive, by its infection ("Gonocoque"). */
  item(infection: string): Locator {
    return this.page.getByLabel(infection, { exact: true });
  }

  /** "Traiter": the form opens pre-filled from the centre's catalogue; returned to check it, then saved. */
  async openTreatment(infection: string): Promise<Locator> {
    await this.item(infection).getByRole('button', { name: 'Traiter' }).click();
    const form = this.page.getByRole('dialog', { name: `Traitement — ${infection}` });
    await expect(form).toBeVisible();
    return form;
  }

  async saveTreatment(form: Locator): Promise<void> {
    await form.getByRole('button', { name: 'Enregistrer le traitement' }).click();
    await expect(form).toBeHidden();
  }

  /** "Partenaires": adds each partner (pseudonym and status), then saves the list. */
  async addPartners(infection: string, partners: readonly Partner[]): Promise<void> {
    await this.item(infection).getByRole('button', { name: 'Partenaires' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Partenaires — ${infection}` });
    const first = await dialog.getByRole('textbox', { name: /^Pseudonyme/ }).count();
    for (const [i, partner] of partners.entries()) {
      await dialog.getByRole('button', { name: 'Ajouter un partenaire' }).click();
      await dialog
        .getByRole('textbox', { name: /^Pseudonyme/ })
        .nth(first + i)
        .fill(partner.pseudonym);
      const status = dialog.getByRole('textbox', { name: /^Statut/ }).nth(first + i);
      await status.click();
      await this.page.getByRole('option', { name: partner.status, exact: true }).click();
      await expect(status).toHaveValue(partner.status);
    }
    await dialog.getByRole('button', { name: 'Enregistrer les partenaires' }).click();
    await expect(dialog).toBeHidden();
  }

  partnerRows(infection: string): Locator {
    return this.item(infection).getByRole('table', { name: 'Partenaires' }).getByRole('row');
  }
}
