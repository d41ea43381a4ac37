import { expect, type Locator, type Page } from '@playwright/test';

export type Section = 'Accueil' | 'Équipe' | "Journal d'audit" | 'Centre';

export class ShellPage {
  constructor(readonly page: Page) {}

  navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Navigation principale' });
  }

  async expectHome(displayName: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: `Bonjour ${displayName}` })).toBeVisible();
  }

  async open(section: Section): Promise<void> {
    await this.navigation().getByRole('link', { name: section }).click();
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Verrouiller' }).click();
  }

  async logout(displayName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Menu de ${displayName}` }).click();
    await this.page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  }
}
