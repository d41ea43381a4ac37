/**
 * The centre's clinical catalogues: with nothing stored each catalogue is the shipped default
 * (version 0); a stored version is what every capability reads from then on; the shipped defaults
 * pass their own schemas (a default the editor could not save back would be a trap).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_SCHEMAS } from '../../shared/contract/clinical-catalogues';
import {
  CATALOGUE_KEYS,
  DEFAULT_CATALOGUES,
  DEFAULT_EGFR,
  DEFAULT_PREP_FOLLOW_UP,
  DEFAULT_SPECIALTIES,
} from '../../shared/domain/clinical-catalogues';
import {
  currentCatalogue,
  currentCatalogueVersion,
  insertCatalogueVersion,
} from '../../electron/core/services/clinical-catalogues/repository';
import { setUpCentre } from './helpers/core';

describe('the shipped catalogues', () => {
  it('each pass the schema the editor saves with', () => {
    for (const key of CATALOGUE_KEYS)
      expect(CATALOGUE_SCHEMAS[key].safeParse(DEFAULT_CATALOGUES[key]).success, key).toBe(true);
  });

  it('list the specialist consultations of domain.md and the eGFR thresholds', () => {
    expect(DEFAULT_SPECIALTIES.map((s) => s.code)).toEqual([
      'gynaecology',
      'addictology',
      'sexology',
      'psychology',
      'social',
      'hormone_therapy',
    ]);
    expect(DEFAULT_SPECIALTIES.every((s) => s.active)).toBe(true);
    expect(DEFAULT_EGFR).toEqual({ alertBelow: 60, min: 1, max: 200 });
  });
});

describe('currentCatalogue', () => {
  it('is the shipped default with nothing stored, then the highest stored version', async () => {
    const t = await setUpCentre();
    const store = t.core.ctx.vault.requireStore();
    await store.transaction(async (em) => {
      for (const key of CATALOGUE_KEYS)
        expect(await currentCatalogue(em, key)).toEqual(DEFAULT_CATALOGUES[key]);
      expect(await currentCatalogueVersion(em, 'prep')).toMatchObject({ version: 0, updatedAt: null });

      const row = (version: number, everyMonths: number) => ({
        id: randomUUID(),
        catalogue: 'prep' as const,
        version,
        content: JSON.stringify({ ...DEFAULT_PREP_FOLLOW_UP, everyMonths }),
        reason: 'Protocole 2026',
        createdBy: null,
        createdAt: '2026-03-02T09:00:00.000Z',
      });
      await insertCatalogueVersion(em, row(1, 2));
      await insertCatalogueVersion(em, row(2, 4));
      expect(await currentCatalogue(em, 'prep')).toEqual({ ...DEFAULT_PREP_FOLLOW_UP, everyMonths: 4 });
      expect((await currentCatalogueVersion(em, 'prep')).version).toBe(2);
      // Another catalogue is untouched.
      expect(await currentCatalogue(em, 'egfr')).toEqual(DEFAULT_EGFR);
      // The same version twice is refused by the store itself (two saves racing).
      await expect(insertCatalogueVersion(em, row(2, 6))).rejects.toThrow();
    });
  });
});
