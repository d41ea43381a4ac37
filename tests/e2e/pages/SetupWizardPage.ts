import { expect, type Locator, type Page } from '@playwright/test';

export interface SiteDetails {
  code: string;
  name: string;
  city?: string;
}

export interface CentreDetails {
  centreName: string;
  site: SiteDetails;
  admin: { username: string; displayName: string; password: string };
}

export class SetupWizardPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Installation de Parcours' });
  }

  async expectVisible(): Promise<void> {
    await expect(this.heading()).toBeVisible();
  }

  async fillCentre(centreName: string): Promise<void> {
    await this.page.getByLabel('Nom du centre').fill(centreName);
    await this.page.getByRole('button', { name: 'Suivant' }).click();
  }

  site(number: number): Locator {
    return this.page.getByRole('group', { name: `Site ${number}` });
  }

  async fillSite(number: number, site: SiteDetails): Promise<void> {
    const group = this.site(number);
    await group.getByLabel('Code', { exact: true }).fill(site.code);
    await group.getByLabel('Nom du site').fill(site.name);
    if (site.city) await group.getByLabel('Ville').fill(site.city);
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Suivant' }).click();
  }

  async fillAdmin(admin: CentreDetails['admin'], confirmation = admin.password): Promise<void> {
    await this.page.getByLabel("Nom d'utilisateur").fill(admin.username);
    await this.page.getByLabel('Nom affiché').fill(admin.displayName);
    await this.page.getByLabel('Mot de passe', { exact: true }).fill(admin.password);
    await this.page.getByLabel('Confirmer le mot de passe', { exact: true }).fill(confirmation);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Créer le centre' }).click();
  }

  recoveryCode(): Locator {
    return this.page.getByTestId('recovery-code');
  }

  /** Reads the recovery code, ticks "written down" and continues to the login screen. */
  async acknowledgeRecoveryCode(): Promise<string> {
    await expect(this.recoveryCode()).toBeVisible();
    const code = (await this.recoveryCode().textContent())?.trim() ?? '';
    const proceed = this.page.getByRole('button', { name: 'Continuer' });
    await expect(proceed).toBeDisabled();
    await this.page.getByLabel('Je l’ai noté et rangé en lieu sûr').check();
    await proceed.click();
    return code;
  }

  /** The whole wizard with one site; returns the recovery code. */
  async setUp(details: CentreDetails): Promise<string> {
    await this.expectVisible();
    await this.fillCentre(details.centreName);
    await this.fillSite(1, details.site);
    await this.next();
    await this.fillAdmin(details.admin);
    await this.submit();
    return this.acknowledgeRecoveryCode();
  }
}
