import { expect, type Locator, type Page } from '@playwright/test';
import { field } from './fields';

export interface SiteDetails {
  code: string;
  name: string;
  city?: string;
  /** Printed in the header of prescriptions and certificates. */
  address?: string;
  phone?: string;
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
    await field(this.page, 'Nom du centre').fill(centreName);
    await this.page.getByRole('button', { name: 'Suivant' }).click();
  }

  site(number: number): Locator {
    return this.page.getByRole('group', { name: `Site ${number}` });
  }

  async fillSite(number: number, site: SiteDetails): Promise<void> {
    const group = this.site(number);
    await field(group, 'Code').fill(site.code);
    await field(group, 'Nom du site').fill(site.name);
    if (site.city) await field(group, 'Ville').fill(site.city);
    if (site.address) await field(group, 'Adresse du site').fill(site.address);
    if (site.phone) await field(group, 'Téléphone du site').fill(site.phone);
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Suivant' }).click();
  }

  async fillAdmin(admin: CentreDetails['admin'], confirmation = admin.password): Promise<void> {
    await field(this.page, "Nom d'utilisateur").fill(admin.username);
    await field(this.page, 'Nom affiché').fill(admin.displayName);
    await field(this.page, 'Mot de passe').fill(admin.password);
    await field(this.page, 'Confirmer le mot de passe').fill(confirmation);
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
    await field(this.page, 'Je l’ai noté et rangé en lieu sûr').check();
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
