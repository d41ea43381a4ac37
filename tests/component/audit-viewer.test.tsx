/**
 * The coordinator's audit screens: the log names each file by its number and name used and is
 * filtered by file number; break-the-glass accesses wait in a review list whose count shows in
 * the navigation, and "Marquer comme revu" takes an access off the list and the count down.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COORDINATOR, TEAM, startCentre, type TestCentre } from './helpers/centre';
import { renderApp } from './helpers/render';

async function twoFiles(centre: TestCentre) {
  const amelie = await centre.must(
    'persons.create',
    { siteId: centre.siteId, nameUsed: 'Amélie' },
    centre.tokens.worker,
  );
  const bastien = await centre.must(
    'persons.create',
    { siteId: centre.siteId, nameUsed: 'Bastien' },
    centre.tokens.worker,
  );
  return { amelie, bastien };
}

/** The doctor breaks the glass on a file without the care-team consent and reads the interview. */
async function breakGlass(centre: TestCentre, personId: string) {
  await centre.must(
    'persons.recordConsent',
    { personId, scope: 'care_team', given: false },
    centre.tokens.worker,
  );
  await centre.must(
    'persons.breakGlass',
    { personId, reason: 'Urgence vitale, personne inconsciente' },
    centre.tokens.doctor,
  );
  await centre.must('interviews.forPerson', { personId }, centre.tokens.doctor);
}

function logRows(): HTMLElement[] {
  const table = screen.getAllByRole('table')[0];
  return within(table).getAllByRole('row').slice(1);
}

describe('the audit viewer', () => {
  it('shows the file number and name used, and filters by file number', async () => {
    const centre = await startCentre();
    const { amelie, bastien } = await twoFiles(centre);
    const { user } = await renderApp(COORDINATOR, '/audit');

    await waitFor(() => expect(screen.getAllByText(`· Amélie`, { exact: false }).length).toBeGreaterThan(0));
    expect(screen.getAllByText(amelie.fileNumber).length).toBeGreaterThan(0);
    expect(screen.getAllByText(bastien.fileNumber).length).toBeGreaterThan(0);
    expect(amelie.fileNumber).toMatch(/^MTP-\d{4}-\d{5}$/);
    // No UUID in the person column of a coordinator.
    expect(screen.queryByText(amelie.id)).toBeNull();

    await user.type(screen.getByLabelText('Personne', { exact: false }), bastien.fileNumber);
    await waitFor(() => expect(screen.queryByText(amelie.fileNumber)).toBeNull());
    const rows = logRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.textContent).toContain(`${bastien.fileNumber} · Bastien`);
  });
});

describe('break-the-glass review', () => {
  it('lists the access with its reason; marking it reviewed takes it off and the count down', async () => {
    const centre = await startCentre();
    const { amelie, bastien } = await twoFiles(centre);
    await breakGlass(centre, amelie.id);
    await breakGlass(centre, bastien.id);
    const { user } = await renderApp(COORDINATOR, '/break-glass');

    const nav = await screen.findByRole('navigation');
    await waitFor(() => expect(within(nav).getByTestId('break-glass-count').textContent).toBe('2'));
    expect(
      within(nav).getByRole('link', { name: /Accès d’urgence.*2 accès d’urgence à revoir/ }),
    ).toBeTruthy();

    const table = await screen.findByRole('table', { name: 'Accès d’urgence à revoir' });
    await waitFor(() => expect(within(table).getByText(`${amelie.fileNumber}`)).toBeTruthy());
    const amelieRow = within(table).getByText(amelie.fileNumber).closest('tr')!;
    expect(amelieRow.textContent).toContain('Nadia Benali');
    expect(amelieRow.textContent).toContain('Urgence vitale, personne inconsciente');
    expect(amelieRow.textContent).toContain('Entretien');

    await user.click(within(amelieRow).getByRole('button', { name: /Marquer comme revu/ }));
    await waitFor(() => expect(within(table).queryByText(amelie.fileNumber)).toBeNull());
    expect(within(table).getByText(bastien.fileNumber)).toBeTruthy();
    await waitFor(() => expect(within(nav).getByTestId('break-glass-count').textContent).toBe('1'));

    // Shown again with the reviewed ones: who reviewed it.
    await user.click(screen.getByRole('switch', { name: 'Afficher aussi les accès déjà revus' }));
    await waitFor(() => expect(within(table).getByText(amelie.fileNumber)).toBeTruthy());
    expect(within(table).getByText(amelie.fileNumber).closest('tr')!.textContent).toContain(
      'Revu par Camille Martin',
    );
  });
});

describe('who looked at my file', () => {
  it('groups the reads per team member, day and part, with the count and the break-the-glass reason', async () => {
    const centre = await startCentre();
    const { amelie } = await twoFiles(centre);
    for (let i = 0; i < 3; i += 1) await centre.must('persons.get', { id: amelie.id }, centre.tokens.nurse);
    await breakGlass(centre, amelie.id);
    const { user } = await renderApp(TEAM.worker, `/persons/${amelie.id}/access`);

    const table = await screen.findByRole('table', { name: 'Qui a consulté mon dossier' });
    await waitFor(() => expect(within(table).getAllByText('Sam Dupont').length).toBeGreaterThan(0));
    const nurseReads = within(table)
      .getAllByRole('row')
      .filter((row) => row.textContent?.includes('Sam Dupont') && row.textContent.includes('Identité'));
    expect(nurseReads).toHaveLength(1);
    expect(within(nurseReads[0]).getAllByRole('cell')[4].textContent).toBe('3');
    const glass = within(table)
      .getAllByRole('row')
      .find(
        (row) => row.textContent?.includes('Nadia Benali') && row.textContent.includes('Accès d’urgence'),
      );
    expect(glass?.textContent).toContain('Urgence vitale, personne inconsciente');

    // Each access, one by one, on demand.
    await user.click(screen.getByRole('radio', { name: 'Chaque consultation' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Qui a consulté mon dossier' }))
          .getAllByRole('row')
          .filter((row) => row.textContent?.includes('Sam Dupont') && row.textContent.includes('Identité')),
      ).toHaveLength(3),
    );
  });
});
