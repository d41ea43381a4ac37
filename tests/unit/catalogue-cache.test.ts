/**
 * The current catalogue is read on every dossier read and badge poll: its content is parsed once
 * per stored version and store, never served across stores, and never from a version whose
 * transaction rolled back.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { Store } from '../../electron/core/db/store';
import {
  currentCatalogue,
  insertCatalogueVersion,
} from '../../electron/core/services/clinical-catalogues/repository';
import { tempDir } from './helpers/core';

const openStore = () => Store.open({ dataDir: tempDir(), key: randomBytes(32), create: true });

function egfrVersion(em: EntityManager, version: number, alertBelow: number, id = randomUUID()) {
  return insertCatalogueVersion(em, {
    id,
    catalogue: 'egfr',
    version,
    content: JSON.stringify({ alertBelow, min: 1, max: 200 }),
    reason: 'Avis néphrologue',
    createdBy: null,
    createdAt: '2026-03-02T09:00:00.000Z',
  });
}

describe('the current catalogue, parsed once per version', () => {
  it('a version is parsed on its first read only (rows are never updated); a new version is read at once', async () => {
    const store = await openStore();
    try {
      const id = randomUUID();
      await store.transaction((em) => egfrVersion(em, 1, 50, id));
      expect((await store.transaction((em) => currentCatalogue(em, 'egfr'))).alertBelow).toBe(50);
      // Nothing updates a version; were its stored text read again, this would fail to parse.
      await store.transaction((em) =>
        em.query("UPDATE catalogue_version SET content = 'x' WHERE id = ?", [id]),
      );
      expect((await store.transaction((em) => currentCatalogue(em, 'egfr'))).alertBelow).toBe(50);
      await store.transaction((em) => egfrVersion(em, 2, 45));
      expect((await store.transaction((em) => currentCatalogue(em, 'egfr'))).alertBelow).toBe(45);
    } finally {
      await store.close();
    }
  });

  it('two stores in one process each read their own; a version rolled back is never served', async () => {
    const [a, b] = [await openStore(), await openStore()];
    try {
      await a.transaction((em) => egfrVersion(em, 1, 50));
      await b.transaction((em) => egfrVersion(em, 1, 70));
      expect((await a.transaction((em) => currentCatalogue(em, 'egfr'))).alertBelow).toBe(50);
      expect((await b.transaction((em) => currentCatalogue(em, 'egfr'))).alertBelow).toBe(70);

      await expect(
        a.transaction(async (em) => {
          await egfrVersion(em, 2, 30);
          expect((await currentCatalogue(em, 'egfr')).alertBelow).toBe(30);
          throw new Error('refused later in the same save');
        }),
      ).rejects.toThrow('refused later');
      expect((await a.transaction((em) => currentCatalogue(em, 'egfr'))).alertBelow).toBe(50);
      await a.transaction((em) => egfrVersion(em, 2, 40));
      expect((await a.transaction((em) => currentCatalogue(em, 'egfr'))).alertBelow).toBe(40);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
