import { expect, type Locator, type Page } from '@playwright/test';

export class AuditPage {
  constructor(readonly page: Page) {}

  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: "Journal d'audit", level: 1 })).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByRole('row');
  }

  /** Rows whose action column reads `action` (and, if given, whose user column reads `actor`). */
  entries(action: string, actor?: string): Locator {
    let rows = this.rows().filter({ has: this.page.getByRole('cell', { name: action, exact: true }) });
    if (actor) rows = rows.filter({ has: this.page.getByRole('cell', { name: actor, exact: true }) });
    return rows;
  }

  async verify(): Promise<Locator> {
    await this.page.getByRole('button', { name: "Vérifier l'intégrité" }).click();
    const result = this.page.getByRole('status').filter({ hasText: 'Journal' });
    await expect(result).toBeVisible();
    return result;
  }

  async filterByAction(action: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Action' }).click();
    await this.page.getByRole('option', { name: action, exact: true }).click();
  }
}
