import { expect, type Locator, type Page } from '@playwright/test';
import { field } from './fields';

export class ChangePasswordPage {
  constructor(readonly page: Page) {}

  async expectVisible(): Promise<void> {
    await expect(
      this.page.getByRole('heading', { name: 'Choisissez un nouveau mot de passe' }),
    ).toBeVisible();
  }

  newPassword(): Locator {
    return field(this.page, 'Nouveau mot de passe');
  }

  async change(current: string, next: string, confirmation = next): Promise<void> {
    await field(this.page, 'Mot de passe actuel').fill(current);
    await this.newPassword().fill(next);
    await field(this.page, 'Confirmer le nouveau mot de passe').fill(confirmation);
    await this.page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  }
}
