import { expect, type Locator, type Page } from '@playwright/test';

export class LoginPage {
  constructor(readonly page: Page) {}

  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  }

  async login(username: string, password: string): Promise<void> {
    await this.expectVisible();
    await this.page.getByLabel("Nom d'utilisateur").fill(username);
    await this.page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
  }

  error(): Locator {
    return this.page.getByRole('alert');
  }

  async switchLanguage(code: 'FR' | 'EN'): Promise<void> {
    await this.page.getByText(code, { exact: true }).click();
  }
}
