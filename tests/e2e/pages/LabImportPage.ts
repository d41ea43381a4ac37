import { expect, type Locator, type Page } from '@playwright/test';
import { field } from './fields';

/** "Résultats du laboratoire" (#/lab-results): the laboratory's CSV, its preview, the import. */
export class LabImportPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Résultats du laboratoire' })
      .click();
    await expect(
      this.page.getByRole('heading', { name: 'Résultats du laboratoire', level: 1 }),
    ).toBeVisible();
  }

  /**
   * Chooses a file through the file picker of "Fichier du laboratoire (CSV)", from memory: the
   * laboratory's personal data never lands in a plain-text file on disk.
   */
  async choose(name: string, csv: string): Promise<void> {
    const picker = this.page.waitForEvent('filechooser');
    await field(this.page, 'Fichier du laboratoire (CSV)').click();
    await (await picker).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  }

  /** The refusals, one row per line and column. */
  errors(): Locator {
    return this.page.getByRole('table', { name: /erreurs? : corrigez le fichier/ });
  }

  /** An error row: its line, its column and the reason in words. */
  error(line: number, column: string): Locator {
    return this.errors()
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: String(line), exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: column, exact: true }) });
  }

  /** The preview: one row per line of the file. */
  preview(): Locator {
    return this.page.getByRole('table', { name: 'Résultats du laboratoire' });
  }

  previewRow(line: number): Locator {
    return this.preview()
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: String(line), exact: true }) });
  }

  importButton(): Locator {
    return this.page.getByRole('button', { name: 'Importer', exact: true });
  }

  /** Where the import ends: what was written, a link per person's dossier. */
  dossierLink(name: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(`^Ouvrir le dossier de ${name} \\(`) });
  }
}
