/** The coordination's audit screen lists unusual reading: who, which hour, how many dossiers. */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COORDINATOR, startCentre } from './helpers/centre';
import { renderApp } from './helpers/render';

describe('the audit screen', () => {
  it('lists a person who opened more dossiers in an hour than the centre allows', async () => {
    const centre = await startCentre();
    const settings = await centre.must('centre.get', {}, centre.tokens.coordinator);
    await centre.must(
      'centre.update',
      {
        version: settings.version,
        name: settings.name,
        autoLockMinutes: settings.autoLockMinutes,
        unusualReadsPerHour: 5,
        defaultLocale: 'fr',
      },
      centre.tokens.coordinator,
    );
    for (let i = 0; i < 6; i += 1) {
      const p = await centre.must(
        'persons.create',
        { siteId: centre.siteId, nameUsed: `Personne ${i}` },
        centre.tokens.worker,
      );
      await centre.must('persons.dossier', { id: p.id }, centre.tokens.nurse);
    }
    await renderApp(COORDINATOR, '/audit');
    await waitFor(() =>
      expect(screen.getByTestId('unusual-reading').textContent).toContain(
        'Lectures inhabituelles à examiner (1)',
      ),
    );
    expect(screen.getByTestId('unusual-reading').textContent).toMatch(/Sam Dupont — .+ : 6 dossiers/);
  });
});
