import { expect, type Locator, type Page } from '@playwright/test';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A label matched exactly, with either apostrophe ("d'entretien" or "d’entretien"). */
function labelPattern(label: string): RegExp {
  return new RegExp(`^${escapeRegExp(label).replace(/['’]/g, "['’]")}$`);
}

/** The reception board (#/board): one card per open visit, grouped by step. */
export class BoardPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: labelPattern('Tableau d’accueil'), level: 1 });
  }

  /** Opens the board from the navigation (a reload would end the in-memory session). */
  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: labelPattern('Tableau d’accueil') })
      .click();
    await expect(this.heading()).toBeVisible();
  }

  /** A carer lands on their own queue: the whole board is one click away. */
  async showWholeBoard(): Promise<void> {
    await this.page.locator('label', { hasText: 'Tout le tableau' }).click();
    await expect(this.page.getByRole('radio', { name: 'Tout le tableau' })).toBeChecked();
  }

  /** The priorities band at the top of the board, whatever the column. */
  priorities(): Locator {
    return this.page.getByRole('region', { name: 'Priorités' });
  }

  /** A person's card in the priorities band. */
  priorityCard(name: string): Locator {
    return this.priorities()
      .getByRole('article')
      .filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  /** The list of one step, by its French label ("En attente d’entretien", "Avec le médecin"…). */
  list(stepLabel: string): Locator {
    return this.page.getByRole('region', { name: labelPattern(stepLabel) });
  }

  /** The card of a person, by the name used. */
  rowFor(name: string): Locator {
    return this.page
      .getByRole('article')
      .filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  async expectStep(name: string, stepLabel: string): Promise<void> {
    await expect(
      this.list(stepLabel)
        .getByRole('article')
        .filter({ has: this.page.getByRole('heading', { name, exact: true }) }),
    ).toBeVisible();
  }

  /** The names of a step's list, top to bottom. */
  async namesIn(stepLabel: string): Promise<string[]> {
    return this.list(stepLabel).getByRole('article').getByRole('heading').allInnerTexts();
  }

  async call(name: string): Promise<void> {
    await this.rowFor(name).getByRole('button', { name: 'Appeler' }).click();
  }

  /** The card's "Dossier" link. */
  async openDossier(name: string): Promise<void> {
    await this.rowFor(name).getByRole('link', { name: 'Dossier', exact: true }).click();
  }

  /** "Commencer la consultation" on the card of a person waiting for the doctor (a doctor's board). */
  async startConsultation(name: string): Promise<void> {
    await this.rowFor(name).getByRole('button', { name: 'Commencer la consultation' }).click();
  }

  async markAbsent(name: string): Promise<void> {
    await this.rowFor(name).getByRole('button', { name: 'Absent·e — remettre dans la file' }).click();
  }

  async nextStep(name: string, stepLabel: string): Promise<void> {
    await this.rowFor(name).getByRole('button', { name: 'Étape suivante…' }).click();
    await this.page.getByRole('menuitem', { name: labelPattern(stepLabel) }).click();
  }

  async setPriority(name: string, priorityLabel: string): Promise<void> {
    await this.rowFor(name).getByRole('button', { name: 'Priorité…' }).click();
    await this.page.getByRole('menuitem', { name: labelPattern(priorityLabel) }).click();
  }

  /** "Enregistrer une arrivée": search the person, pick them, confirm. */
  async checkIn(search: string, name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Enregistrer une arrivée' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Enregistrer une arrivée' });
    await dialog.getByRole('textbox', { name: /^Personne/ }).fill(search);
    await this.page.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)}`) }).click();
    await dialog.getByRole('button', { name: 'Enregistrer l’arrivée' }).click();
    await expect(dialog).toBeHidden();
  }
}
