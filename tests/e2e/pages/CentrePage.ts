import { expect, type Page } from '@playwright/test';
import { field } from './fields';

export class CentrePage {
  constructor(readonly page: Page) {}

  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Paramètres' })).toBeVisible();
  }

  async setAutoLockMinutes(minutes: number): Promise<void> {
    const minutesField = field(this.page, 'Verrouillage automatique (minutes)');
    await minutesField.fill(String(minutes));
    await this.page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(this.page.getByText('Modifications enregistrées.')).toBeVisible();
    await expect(minutesField).toHaveValue(String(minutes));
  }
}
