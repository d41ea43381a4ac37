/**
 * The merge dialog (issue 9, "a merge keeps one whole file"): both files' values side by side for
 * each field that differs; the kept file's own value is chosen by default, the other's when the
 * kept file has none or when the other says "never contact"; the coordinator's choices are sent
 * and the kept file takes them.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COORDINATOR, startCentre } from './helpers/centre';
import { renderApp, type Rendered } from './helpers/render';

/**
 * "Plus" → "Fusionner…". The menu's dropdown is opened (the button says so) but jsdom leaves its
 * enter transition at `display: none`, so the item is looked for among hidden elements too.
 */
async function openMergeDialog(user: Rendered['user']): Promise<void> {
  const more = screen.getByRole('button', { name: 'Plus' });
  await user.click(more);
  await waitFor(() => expect(more.getAttribute('aria-expanded')).toBe('true'));
  await user.click(
    await screen.findByRole('menuitem', { name: 'Fusionner avec un autre dossier…', hidden: true }),
  );
}

describe('merging two files, field by field', () => {
  it('shows both values of each differing field and sends the choices; the kept file takes them', async () => {
    const centre = await startCentre();
    const older = await centre.must(
      'persons.create',
      {
        siteId: centre.siteId,
        nameUsed: 'Awa',
        pronouns: 'elle',
        birthYear: 1994,
        contact: { phone: '06 11 11 11 11', channels: ['sms'], neverContact: false },
      },
      centre.tokens.worker,
    );
    const newer = await centre.must(
      'persons.create',
      {
        siteId: centre.siteId,
        nameUsed: 'Awa Diallo',
        birthYear: 1994,
        contact: {
          phone: '06 44 55 66 77',
          email: 'awa@example.org',
          channels: [],
          neverContact: true,
        },
      },
      centre.tokens.worker,
    );

    const { user } = await renderApp(COORDINATOR, `/persons/${newer.id}`);
    await screen.findByRole('heading', { name: 'Awa Diallo', level: 1 });
    await openMergeDialog(user);
    const dialog = await screen.findByRole('dialog', { name: 'Fusionner deux dossiers' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Nom, n° de dossier ou téléphone' }), 'awa');
    const compare = await within(dialog).findByRole('button', { name: 'Comparer' });
    await user.click(compare);

    // The older file is kept; each differing field shows both values, the kept one chosen.
    const keepOlder = await within(dialog).findByRole('radio', { name: `Conserver ${older.fileNumber}` });
    expect((keepOlder as HTMLInputElement).checked).toBe(true);
    const choice = (label: string) => within(dialog).getByRole<HTMLInputElement>('radio', { name: label });
    expect(choice(`Nom utilisé : Awa (${older.fileNumber})`).checked).toBe(true);
    expect(choice(`Nom utilisé : Awa Diallo (${newer.fileNumber})`).checked).toBe(false);
    expect(choice(`Téléphone : 06 11 11 11 11 (${older.fileNumber})`).checked).toBe(true);
    expect(choice(`Téléphone : 06 44 55 66 77 (${newer.fileNumber})`).checked).toBe(false);
    // The kept file has no e-mail: the other file's is taken unless the coordinator says otherwise.
    expect(choice(`E-mail : awa@example.org (${newer.fileNumber})`).checked).toBe(true);
    expect(choice(`E-mail : vide (${older.fileNumber})`).checked).toBe(false);
    // The person asked, on the other file, never to be contacted: that wish is preselected.
    expect(choice(`Préférences de contact : Ne jamais contacter (${newer.fileNumber})`).checked).toBe(true);
    expect(choice(`Préférences de contact : SMS (${older.fileNumber})`).checked).toBe(false);
    // The other file has no pronouns: nothing to choose, the kept file's stay.
    expect(within(dialog).queryByRole('radio', { name: /^Pronoms/ })).toBeNull();
    // Same birth year: nothing to choose.
    expect(within(dialog).queryByRole('radio', { name: /^Naissance/ })).toBeNull();
    // Neither file holds a gender identity: no row to compare.
    expect(within(dialog).getByRole('rowheader', { name: 'Naissance' })).toBeTruthy();
    expect(within(dialog).queryByRole('rowheader', { name: 'Identité de genre' })).toBeNull();

    await user.click(choice(`Nom utilisé : Awa Diallo (${newer.fileNumber})`));
    await user.click(choice(`Téléphone : 06 44 55 66 77 (${newer.fileNumber})`));
    expect(dialog.textContent).toContain(
      'Le dossier conservé prendra 4 informations de l’autre : Nom utilisé, Téléphone, E-mail, Préférences de contact.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Fusionner' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await screen.findByRole('heading', { name: 'Awa Diallo', level: 1 });
    const kept = await centre.must('persons.get', { id: older.id }, centre.tokens.worker);
    expect(kept).toMatchObject({
      fileNumber: older.fileNumber,
      nameUsed: 'Awa Diallo',
      pronouns: 'elle',
      contact: { phone: '06 44 55 66 77', email: 'awa@example.org', channels: [], neverContact: true },
    });
    expect((await centre.must('persons.get', { id: newer.id }, centre.tokens.worker)).mergedInto).toBe(
      older.id,
    );
  });

  it('keeping the other file resets the choices to that file’s own values', async () => {
    const centre = await startCentre();
    const older = await centre.must(
      'persons.create',
      { siteId: centre.siteId, nameUsed: 'Noé', birthYear: 1990 },
      centre.tokens.worker,
    );
    const newer = await centre.must(
      'persons.create',
      { siteId: centre.siteId, nameUsed: 'Noé Lambert', birthYear: 1991 },
      centre.tokens.worker,
    );
    const { user } = await renderApp(COORDINATOR, `/persons/${older.id}`);
    await screen.findByRole('heading', { name: 'Noé', level: 1 });
    await openMergeDialog(user);
    const dialog = await screen.findByRole('dialog', { name: 'Fusionner deux dossiers' });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Nom, n° de dossier ou téléphone' }),
      'lambert',
    );
    await user.click(await within(dialog).findByRole('button', { name: 'Comparer' }));
    const choice = (label: string) => within(dialog).getByRole<HTMLInputElement>('radio', { name: label });
    await user.click(
      await within(dialog).findByRole('radio', { name: `Naissance : 1991 (${newer.fileNumber})` }),
    );
    expect(choice(`Naissance : 1991 (${newer.fileNumber})`).checked).toBe(true);

    await user.click(choice(`Conserver ${newer.fileNumber}`));
    expect(choice(`Naissance : 1991 (${newer.fileNumber})`).checked).toBe(true);
    expect(choice(`Nom utilisé : Noé Lambert (${newer.fileNumber})`).checked).toBe(true);
    expect(dialog.textContent).not.toContain('Le dossier conservé prendra');
    await user.click(within(dialog).getByRole('button', { name: 'Fusionner' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await centre.must('persons.get', { id: newer.id }, centre.tokens.worker)).toMatchObject({
      nameUsed: 'Noé Lambert',
      birthYear: 1991,
      mergedInto: null,
    });
  });
});
