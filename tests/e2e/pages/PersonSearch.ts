import { expect, type Locator, type Page } from '@playwright/test';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The global search (Ctrl+K from anywhere in the shell) and its check-in dialog. */
export class PersonSearch {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Rechercher une personne' });
  }

  input(): Locator {
    return this.dialog().getByRole('combobox', { name: 'Nom, n° de dossier ou téléphone' });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.input()).toBeFocused();
  }

  /** Opens the search and types, waiting until the answer for this text is shown. */
  async search(text: string): Promise<void> {
    await this.open();
    await this.input().fill(text);
    await expect(
      this.dialog()
        .getByRole('option')
        .filter({ hasText: `Nouvelle personne « ${text} »` }),
    ).toBeVisible();
    await expect(this.dialog().getByRole('listbox')).toHaveAttribute('aria-busy', 'false');
  }

  results(): Locator {
    return this.dialog()
      .getByRole('option')
      .filter({ hasNotText: /^\+ (Nouvelle personne|Créer et enregistrer l’arrivée)/ });
  }

  result(name: string): Locator {
    return this.results().filter({ hasText: new RegExp(`^${escapeRegExp(name)}`) });
  }

  /** The highlighted option is the one Enter acts on. */
  async expectActive(name: string): Promise<void> {
    await expect(this.dialog().getByRole('option', { selected: true })).toContainText(name);
  }

  /** "Créer et enregistrer l’arrivée de « … »": offered when nobody matches. */
  createAndCheckIn(): Locator {
    return this.dialog().getByRole('option').filter({ hasText: 'Créer et enregistrer l’arrivée' });
  }

  checkInDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Enregistrer une arrivée' });
  }
}
