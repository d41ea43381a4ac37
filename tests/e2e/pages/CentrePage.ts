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

  /** Opens a site's settings and checks its address and phone, as typed. */
  async expectSiteContact(code: string, address: string, phone: string): Promise<void> {
    await this.page.getByRole('button', { name: `Modifier ${code}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Modifier le site ${code}` });
    await expect(field(dialog, 'Adresse du site')).toHaveValue(address);
    await expect(field(dialog, 'Téléphone du site')).toHaveValue(phone);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(dialog).toBeHidden();
  }
}
