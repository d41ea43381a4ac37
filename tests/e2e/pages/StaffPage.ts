import { expect, type Locator, type Page } from '@playwright/test';
import { field } from './fields';

export interface NewMember {
  username: string;
  displayName: string;
  role: string;
  site: string;
}

export class StaffPage {
  constructor(readonly page: Page) {}

  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Équipe', level: 1 })).toBeVisible();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async pick(label: string, option: string): Promise<void> {
    await this.dialog().getByRole('textbox', { name: label }).click();
    await this.page.getByRole('option', { name: option }).click();
    // Leave the list with Tab: Escape would close the dialog too.
    await this.page.keyboard.press('Tab');
  }

  /** Opens "Nouveau membre" and fills it in, without submitting. */
  async fillNewMember(member: NewMember): Promise<void> {
    await this.page.getByRole('button', { name: 'Nouveau membre' }).click();
    await expect(this.dialog()).toBeVisible();
    await field(this.dialog(), "Nom d'utilisateur").fill(member.username);
    await field(this.dialog(), 'Nom affiché').fill(member.displayName);
    await this.pick('Rôles', member.role);
    const sites = this.dialog().getByRole('textbox', { name: 'Sites' });
    // With a single site the form preselects it.
    if (!(await this.dialog().getByText(member.site).isVisible())) await this.pick('Sites', member.site);
    await expect(sites).toBeVisible();
  }

  async submitNewMember(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Créer le compte' }).click();
  }

  /** Creates a member and returns the temporary password shown once. */
  async createMember(member: NewMember): Promise<string> {
    await this.fillNewMember(member);
    await this.submitNewMember();
    const shown = this.page.getByTestId('temporary-password');
    await expect(shown).toBeVisible();
    const password = (await shown.textContent())?.trim() ?? '';
    await this.page.getByRole('button', { name: 'C’est remis' }).click();
    await expect(shown).toBeHidden();
    return password;
  }

  row(displayName: string): Locator {
    return this.page.getByRole('row').filter({ hasText: displayName });
  }
}
