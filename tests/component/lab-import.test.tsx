/**
 * "Résultats du laboratoire": a file with a bad line shows every error by line, column and reason
 * in words, and "Importer" stays disabled (nothing written); the corrected file shows each line's
 * person and reading, imports, and the summary links to the dossiers written.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startCentre, TEAM } from './helpers/centre';
import { renderApp } from './helpers/render';
import { filedPerson } from './helpers/scenes';
import { siteDate } from './helpers/site-time';

const HEADER = 'file_number;sample_date;test_code;result;value;result_date';

describe('the laboratory results import', () => {
  it('lists the errors of a bad file with Importer disabled, then previews, imports and links the corrected one', async () => {
    const centre = await startCentre();
    const person = await filedPerson(centre, 'Inès Laborde', { careTeam: true });
    const takenAt = new Date(Date.now() - 10 * 60_000);
    await centre.must(
      'screenings.saveSamples',
      {
        personId: person.id,
        siteId: centre.siteId,
        takenAt: takenAt.toISOString(),
        add: [{ testCode: 'hiv_serology_lab' }, { testCode: 'syphilis_serology_lab' }],
      },
      centre.tokens.nurse,
    );
    const day = siteDate(takenAt);
    const resultAt = new Date(Date.now() - 60_000).toISOString();
    const file = (syphilisValue: string) =>
      new File(
        [
          [
            HEADER,
            `${person.fileNumber};${day};hiv_serology_lab;negative;;${resultAt}`,
            `${person.fileNumber};${day};syphilis_serology_lab;positive;${syphilisValue};${resultAt}`,
            `MTP-1999-00001;${day};hiv_serology_lab;negative;;${resultAt}`,
          ]
            .slice(0, syphilisValue ? 3 : 4)
            .join('\n'),
        ],
        'labo.csv',
        { type: 'text/csv' },
      );

    const { user } = await renderApp(TEAM.nurse, '/lab-results');
    await screen.findByRole('heading', { name: 'Résultats du laboratoire' });
    const input = () => document.querySelector<HTMLInputElement>('input[type="file"]');
    await waitFor(() => expect(input()).not.toBeNull());

    // A titre missing and an unknown file number: each error by line, column and reason.
    await user.upload(input()!, file(''));
    const errors = await screen.findByRole('table', { name: /^2 erreurs/ });
    const rows = within(errors).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['3', 'value', 'Cette valeur ne correspond pas à ce que cet examen rend : vérifiez la saisie.'],
      [
        '4',
        'file_number',
        'Aucun dossier ne porte ce numéro, ou vous ne pouvez pas y enregistrer de résultats (consentement).',
      ],
    ]);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Importer' }).disabled).toBe(true);
    const { items } = await centre.must('screenings.forPerson', { personId: person.id }, centre.tokens.nurse);
    expect(items.every((s) => s.result === null)).toBe(true);

    // The corrected file: each line's person and reading, what it opens to treat.
    await user.upload(input()!, file('1:16'));
    const preview = await screen.findByRole('table', { name: 'Résultats du laboratoire' });
    await waitFor(() => expect(within(preview).getAllByRole('row')).toHaveLength(3));
    const lines = within(preview)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(lines[0]).toContain('Inès Laborde');
    expect(lines[0]).toContain('Négatif');
    expect(lines[1]).toContain('Positif');
    expect(screen.getByText('2 résultats prêts à importer (2 lignes).')).toBeTruthy();
    const importer = screen.getByRole<HTMLButtonElement>('button', { name: 'Importer' });
    expect(importer.disabled).toBe(false);
    await user.click(importer);

    const done = await screen.findByText('2 résultats importés.');
    expect(done).toBeTruthy();
    const link = await screen.findByRole('link', {
      name: `Ouvrir le dossier de Inès Laborde (${person.fileNumber})`,
    });
    expect(link.getAttribute('href')).toContain(`/persons/${person.id}/tests`);
    const after = await centre.must('screenings.forPerson', { personId: person.id }, centre.tokens.nurse);
    expect(after.items.map((s) => s.result?.source)).toEqual(['lab_import', 'lab_import']);
  });

  it('refuses a file over 5 MB next to the picker, before sending it', async () => {
    await startCentre();
    const { user } = await renderApp(TEAM.doctor, '/lab-results');
    await screen.findByRole('heading', { name: 'Résultats du laboratoire' });
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    const big = new File(['x'.repeat(5 * 1024 * 1024 + 1)], 'gros.csv', { type: 'text/csv' });
    await user.upload(input!, big);
    expect(await screen.findByText('Le fichier est trop gros (5 Mo au plus).')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Importer' })).toBeNull();
  });
});
