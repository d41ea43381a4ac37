import { expect, type Locator, type Page } from '@playwright/test';
import { field } from './fields';

export class LockPage {
  constructor(readonly page: Page) {}

  async expectVisible(displayName?: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Session verrouillée' })).toBeVisible();
    if (displayName) await expect(this.page.getByText(`Session de ${displayName}`)).toBeVisible();
  }

  async unlock(password: string): Promise<void> {
    await field(this.page, 'Mot de passe').fill(password);
    await this.page.getByRole('button', { name: 'Déverrouiller' }).click();
  }

  error(): Locator {
    return this.page.getByRole('alert');
  }

  async switchUser(): Promise<void> {
    await this.page.getByRole('button', { name: "Changer d'utilisateur" }).click();
  }
}
