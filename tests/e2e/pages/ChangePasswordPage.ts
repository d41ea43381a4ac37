import { expect, type Locator, type Page } from '@playwright/test';

export class ChangePasswordPage {
  constructor(readonly page: Page) {}

  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Choisissez un nouveau mot de passe' })).toBeVisible();
  }

  newPassword(): Locator {
    return this.page.getByLabel('Nouveau mot de passe', { exact: true });
  }

  async change(current: string, next: string, confirmation = next): Promise<void> {
    await this.page.getByLabel('Mot de passe actuel', { exact: true }).fill(current);
    await this.newPassword().fill(next);
    await this.page.getByLabel('Confirmer le nouveau mot de passe', { exact: true }).fill(confirmation);
    await this.page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  }
}
