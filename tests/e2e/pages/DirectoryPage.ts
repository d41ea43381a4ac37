import { expect, type Locator, type Page } from '@playwright/test';
import { field } from './fields';

export interface NewEntry {
  name: string;
  category: string;
  city?: string;
  languages?: string[];
  friendliness?: string[];
  notes?: string;
  internal?: boolean;
}

/** The partner directory (#/directory) and referrals made from it. */
export class DirectoryPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Annuaire' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Annuaire', level: 1 })).toBeVisible();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  entry(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  async create(entry: NewEntry): Promise<void> {
    await this.page.getByRole('button', { name: 'Nouvelle fiche' }).click();
    const dialog = this.dialog();
    await field(dialog, 'Nom').fill(entry.name);
    await field(dialog, 'Catégorie').click();
    await this.page.getByRole('option', { name: entry.category, exact: true }).click();
    if (entry.city) await field(dialog, 'Ville').fill(entry.city);
    for (const language of entry.languages ?? []) {
      await field(dialog, 'Langues parlées').fill(language);
      await field(dialog, 'Langues parlées').press('Enter');
    }
    for (const f of entry.friendliness ?? [])
      await dialog.getByRole('checkbox', { name: f, exact: true }).check();
    if (entry.notes) await field(dialog, 'Notes de l’équipe').fill(entry.notes);
    if (entry.internal) await dialog.getByRole('switch', { name: /Service interne/ }).check();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();
  }

  async markVerified(name: string): Promise<void> {
    await this.entry(name).getByRole('button', { name: 'Toujours à jour' }).click();
  }

  async search(text: string): Promise<void> {
    await field(this.page, 'Rechercher').fill(text);
  }

  /** Opens the referral form from an entry and fills in the person and the reason. */
  async startReferral(
    entryName: string,
    personSearch: string,
    personName: string,
    reason: string,
  ): Promise<void> {
    await this.entry(entryName).getByRole('button', { name: 'Orienter vers un partenaire' }).click();
    const dialog = this.dialog();
    await expect(dialog).toBeVisible();
    await field(dialog, 'Personne').fill(personSearch);
    await this.page.getByRole('option', { name: new RegExp(`^${personName}`) }).click();
    await field(dialog, 'Motif de l’orientation').fill(reason);
  }

  async submitReferral(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Enregistrer l’orientation' }).click();
  }

  overrideReason(): Locator {
    return field(this.dialog(), 'Motif (la personne n’a pas donné son accord pour une orientation externe)');
  }
}
