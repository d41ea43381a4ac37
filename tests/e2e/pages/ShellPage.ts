import { expect, type Locator, type Page } from '@playwright/test';

export type Section = 'Vue du jour' | 'Tableau d’accueil' | 'Équipe' | "Journal d'audit" | 'Centre';

export class ShellPage {
  constructor(readonly page: Page) {}

  navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Navigation principale' });
  }

  /** Signed in, on the landing screen of the user's role (the board, or the day's overview). */
  async expectHome(displayName: string): Promise<void> {
    await expect(this.page.getByRole('button', { name: `Menu de ${displayName}` })).toBeVisible();
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async open(section: Section): Promise<void> {
    // Exact: "Équipe" must not also match "Actions de l’équipe".
    await this.navigation().getByRole('link', { name: section, exact: true }).click();
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Verrouiller' }).click();
  }

  async logout(displayName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Menu de ${displayName}` }).click();
    await this.page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  }
}
