import { expect, type Locator, type Page } from '@playwright/test';
import { field } from './fields';

export class LoginPage {
  constructor(readonly page: Page) {}

  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  }

  async login(username: string, password: string): Promise<void> {
    await this.expectVisible();
    await field(this.page, "Nom d'utilisateur").fill(username);
    await field(this.page, 'Mot de passe').fill(password);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
  }

  error(): Locator {
    return this.page.getByRole('alert');
  }

  async switchLanguage(code: 'FR' | 'EN'): Promise<void> {
    await this.page.getByText(code, { exact: true }).click();
  }
}
