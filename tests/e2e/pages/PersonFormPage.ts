import { expect, type Locator, type Page } from '@playwright/test';
import { field } from './fields';

/** "Nouvelle personne" / edit a file (#/persons/new, #/persons/<id>/edit). */
export class PersonFormPage {
  constructor(readonly page: Page) {}

  async expectCreate(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Nouvelle personne', level: 1 })).toBeVisible();
  }

  nameUsed(): Locator {
    return field(this.page, 'Nom utilisé');
  }

  async setBirthYear(year: number): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Année de naissance' }).fill(String(year));
  }

  async setPhone(phone: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Téléphone' }).fill(phone);
  }

  duplicates(): Locator {
    return this.page.getByRole('region', { name: 'Doublons possibles' });
  }

  duplicate(name: string): Locator {
    return this.duplicates().getByTestId('duplicate').filter({ hasText: name });
  }

  async submitCreate(): Promise<void> {
    await this.page.getByRole('button', { name: 'Créer le dossier' }).click();
  }
}
