import { expect, type Page } from '@playwright/test';

export class CentrePage {
  constructor(readonly page: Page) {}

  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Paramètres' })).toBeVisible();
  }

  async setAutoLockMinutes(minutes: number): Promise<void> {
    const field = this.page.getByLabel('Verrouillage automatique (minutes)');
    await field.fill(String(minutes));
    await this.page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(this.page.getByText('Modifications enregistrées.')).toBeVisible();
    await expect(field).toHaveValue(String(minutes));
  }
}
