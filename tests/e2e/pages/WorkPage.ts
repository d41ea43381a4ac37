import { expect, type Locator, type Page } from '@playwright/test';

/** "À faire" (#/work): one list per role, each with its count and its lines. */
export class WorkPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: /^À faire/ })
      .click();
    await expect(this.page.getByRole('heading', { name: 'À faire', level: 1 })).toBeVisible();
  }

  /** A list, by its title ("Positifs à traiter"). */
  list(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The line of a person in a list, by the name used. */
  line(title: string, name: string): Locator {
    return this.list(title)
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The list has finished loading: its lines or its "nothing to do" are drawn. */
  async expectLoaded(title: string): Promise<void> {
    await expect(
      this.list(title).getByRole('table').or(this.list(title).getByText('Rien à faire dans cette liste.')),
    ).toBeVisible();
  }
}
