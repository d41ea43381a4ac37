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
import { applyLines, ImportRefused, parseLines } from '../../electron/core/interchange/import';
import { setUpCentre } from './helpers/core';
import { staff } from './helpers/reception';

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

type Centre = Awaited<ReturnType<typeof setUpCentre>>;

async function auditOf(t: Centre) {
  const store = t.core.ctx.vault.requireStore();
  return store.exclusive(() =>
    store.manager.query<Array<{ actor_id: string; action: string; target_type: string; detail: string }>>(
      "SELECT actor_id, action, target_type, detail FROM audit_log WHERE target_type = 'catalogue_version' ORDER BY seq",
    ),
  );
}

async function rowCount(t: Centre): Promise<number> {
  const store = t.core.ctx.vault.requireStore();
  const rows = await store.exclusive(() =>
    store.manager.query<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM catalogue_version'),
  );
  return Number(rows[0]?.n);
}

const refusal = (r: { ok: boolean; error?: unknown }) => (r.ok ? null : r.error);

describe('catalogues.save', () => {
  it('appends a version with its reason and author, audited; every form reads the new one', async () => {
    const t = await setUpCentre();
    const nurse = await staff(t, 'nina', ['nurse']);
    const before = await t.must('catalogues.current', {}, nurse.token);
    expect(before.catalogues.find((c) => c.catalogue === 'egfr')).toMatchObject({
      version: 0,
      content: DEFAULT_EGFR,
    });

    const saved = await t.must(
      'catalogues.save',
      {
        catalogue: 'egfr',
        version: 0,
        content: { alertBelow: 50, min: 1, max: 200 },
        reason: 'Avis néphrologue',
      },
      t.token,
    );
    expect(saved).toMatchObject({ catalogue: 'egfr', version: 1, content: { alertBelow: 50 } });
    await t.must(
      'catalogues.save',
      {
        catalogue: 'egfr',
        version: 1,
        content: { alertBelow: 45, min: 1, max: 200 },
        reason: 'Protocole 2027',
      },
      t.token,
    );
    const now = await t.must('catalogues.current', {}, nurse.token);
    expect(now.catalogues.find((c) => c.catalogue === 'egfr')).toMatchObject({
      version: 2,
      content: { alertBelow: 45 },
    });

    const history = await t.must('catalogues.history', { catalogue: 'egfr' }, t.token);
    expect(history.total).toBe(2);
    expect(history.items.map((h) => [h.version, h.reason, h.createdByName])).toEqual([
      [2, 'Protocole 2027', 'Camille Coordination'],
      [1, 'Avis néphrologue', 'Camille Coordination'],
    ]);
    // A page at a time, newest first.
    const second = await t.must('catalogues.history', { catalogue: 'egfr', page: 2, pageSize: 1 }, t.token);
    expect(second).toMatchObject({ total: 2, page: 2, items: [{ version: 1 }] });
    // The first version is still there, unchanged: saving never rewrites one.
    expect(await rowCount(t)).toBe(2);
    const audit = await auditOf(t);
    expect(audit.map((a) => [a.action, JSON.parse(a.detail) as unknown])).toEqual([
      ['update', { catalogue: 'egfr', version: 1 }],
      ['update', { catalogue: 'egfr', version: 2 }],
    ]);
  });

  it('is refused from a version someone else has saved over, writing nothing', async () => {
    const t = await setUpCentre();
    const prep = (lostAfterMonths: number) => ({ ...DEFAULT_PREP_FOLLOW_UP, lostAfterMonths });
    await t.must(
      'catalogues.save',
      { catalogue: 'prep', version: 0, content: prep(4), reason: 'Protocole' },
      t.token,
    );
    const late = await t.call(
      'catalogues.save',
      { catalogue: 'prep', version: 0, content: prep(6), reason: 'Autre onglet' },
      t.token,
    );
    expect(refusal(late)).toMatchObject({ code: 'conflict' });
    expect(await rowCount(t)).toBe(1);
  });

  it('refuses removing or renaming a code, naming it; retiring it is a new version', async () => {
    const t = await setUpCentre();
    const without = DEFAULT_SPECIALTIES.filter((s) => s.code !== 'sexology');
    const removed = await t.call(
      'catalogues.save',
      { catalogue: 'specialties', version: 0, content: without, reason: 'Plus de sexologue' },
      t.token,
    );
    expect(refusal(removed)).toMatchObject({
      code: 'validation',
      field: 'content',
      details: { reason: 'catalogue_code_removed', code: 'sexology' },
    });
    const renamed = DEFAULT_SPECIALTIES.map((s) => (s.code === 'sexology' ? { ...s, code: 'sexologie' } : s));
    expect(
      refusal(
        await t.call(
          'catalogues.save',
          { catalogue: 'specialties', version: 0, content: renamed, reason: 'Renommer' },
          t.token,
        ),
      ),
    ).toMatchObject({ details: { reason: 'catalogue_code_removed', code: 'sexology' } });
    expect(await rowCount(t)).toBe(0);

    const retired = DEFAULT_SPECIALTIES.map((s) => (s.code === 'sexology' ? { ...s, active: false } : s));
    const added = [...retired, { code: 'proctology', active: true, label: 'Proctologie' }];
    const saved = await t.must(
      'catalogues.save',
      {
        catalogue: 'specialties',
        version: 0,
        content: added,
        reason: 'Plus de sexologue, ouverture proctologie',
      },
      t.token,
    );
    expect(saved.version).toBe(1);
    // The added code is now published: it may not be removed either.
    expect(
      refusal(
        await t.call(
          'catalogues.save',
          { catalogue: 'specialties', version: 1, content: retired, reason: 'Retirer' },
          t.token,
        ),
      ),
    ).toMatchObject({ details: { reason: 'catalogue_code_removed', code: 'proctology' } });
    // A treatment default too (keyed by infection).
    const { syphilis: _dropped, ...treatments } = DEFAULT_CATALOGUES.treatments;
    void _dropped;
    expect(
      refusal(
        await t.call(
          'catalogues.save',
          { catalogue: 'treatments', version: 0, content: treatments, reason: 'Retirer' },
          t.token,
        ),
      ),
    ).toMatchObject({ details: { reason: 'catalogue_code_removed', code: 'syphilis' } });
  });

  it('refuses numbers out of range and bad codes next to their field', async () => {
    const t = await setUpCentre();
    const save = (catalogue: 'egfr' | 'prep' | 'diagnoses' | 'vaccines' | 'treatments', content: unknown) =>
      t.call('catalogues.save', { catalogue, version: 0, content, reason: 'Essai' }, t.token);
    expect(refusal(await save('egfr', { alertBelow: 60, min: 1, max: 900 }))).toMatchObject({
      code: 'validation',
      field: 'content.max',
    });
    expect(refusal(await save('egfr', { alertBelow: 250, min: 1, max: 200 }))).toMatchObject({
      field: 'content.alertBelow',
      details: { reason: 'egfr_alert_outside_range' },
    });
    expect(refusal(await save('prep', { ...DEFAULT_PREP_FOLLOW_UP, everyMonths: 0 }))).toMatchObject({
      field: 'content.everyMonths',
      details: { issue: 'too_small', minimum: 1 },
    });
    expect(
      refusal(
        await save('diagnoses', [...DEFAULT_CATALOGUES.diagnoses, { code: 'syphilis', label: 'Syphilis' }]),
      ),
    ).toMatchObject({
      field: `content.${DEFAULT_CATALOGUES.diagnoses.length}.code`,
      details: { reason: 'diagnosis_code_format' },
    });
    expect(
      refusal(await save('diagnoses', [...DEFAULT_CATALOGUES.diagnoses, { code: 'A51' }])),
    ).toMatchObject({
      details: { reason: 'catalogue_code_duplicate' },
    });
    const hpv = DEFAULT_CATALOGUES.vaccines.hpv;
    expect(
      refusal(
        await save('vaccines', {
          ...DEFAULT_CATALOGUES.vaccines,
          hpv: { ...hpv, doses: [{ months: 0 }, { months: 6 }, { months: 2 }] },
        }),
      ),
    ).toMatchObject({ field: 'content.hpv.doses.2', details: { reason: 'vaccine_doses_order' } });
    const gono = DEFAULT_CATALOGUES.treatments.gonorrhoea;
    expect(
      refusal(
        await save('treatments', {
          ...DEFAULT_CATALOGUES.treatments,
          gonorrhoea: { ...gono, durationDays: 0 },
        }),
      ),
    ).toMatchObject({ field: 'content.gonorrhoea.durationDays' });
    expect(refusal(await save('egfr', DEFAULT_EGFR))).toMatchObject({
      details: { reason: 'catalogue_unchanged' },
    });
    expect(await rowCount(t)).toBe(0);
  });

  it('is the coordinator’s: a nurse reads the catalogues but neither saves nor reads the history', async () => {
    const t = await setUpCentre();
    const nurse = await staff(t, 'nina', ['nurse']);
    const save = await t.call(
      'catalogues.save',
      { catalogue: 'egfr', version: 0, content: { alertBelow: 50, min: 1, max: 200 }, reason: 'Essai' },
      nurse.token,
    );
    expect(refusal(save)).toMatchObject({ code: 'forbidden' });
    expect(refusal(await t.call('catalogues.history', { catalogue: 'egfr' }, nurse.token))).toMatchObject({
      code: 'forbidden',
    });
    expect(await rowCount(t)).toBe(0);
  });
});

describe('the professional number', () => {
  it('is kept on the account, shown in the session, refused unless letters and digits up to 20', async () => {
    const t = await setUpCentre();
    const refused = await t.call(
      'users.create',
      {
        username: 'dr-ada',
        displayName: 'Dr Ada',
        roles: ['doctor'],
        siteIds: t.siteIds,
        professionalNumber: '10-003',
      },
      t.token,
    );
    expect(refusal(refused)).toMatchObject({
      code: 'validation',
      field: 'professionalNumber',
      details: { reason: 'professional_number_format' },
    });
    const tooLong = await t.call(
      'users.create',
      {
        username: 'dr-ada',
        displayName: 'Dr Ada',
        roles: ['doctor'],
        siteIds: t.siteIds,
        professionalNumber: '1'.repeat(21),
      },
      t.token,
    );
    expect(refusal(tooLong)).toMatchObject({ field: 'professionalNumber', details: { issue: 'too_big' } });
    expect((await t.must('users.list', {}, t.token)).items.map((u) => u.username)).not.toContain('dr-ada');

    const { user, temporaryPassword } = await t.must(
      'users.create',
      {
        username: 'dr-ada',
        displayName: 'Dr Ada',
        roles: ['doctor'],
        siteIds: t.siteIds,
        professionalNumber: '10003456789',
      },
      t.token,
    );
    expect(user.professionalNumber).toBe('10003456789');
    const session = await t.must('auth.login', { username: 'dr-ada', password: temporaryPassword });
    expect(session.user.professionalNumber).toBe('10003456789');

    // Left out of an update: kept; null: removed.
    const kept = await t.must(
      'users.update',
      { id: user.id, version: user.version, displayName: 'Dr Ada L.', roles: ['doctor'], siteIds: t.siteIds },
      t.token,
    );
    expect(kept.professionalNumber).toBe('10003456789');
    const cleared = await t.must(
      'users.update',
      {
        id: user.id,
        version: kept.version,
        displayName: 'Dr Ada L.',
        roles: ['doctor'],
        siteIds: t.siteIds,
        professionalNumber: null,
      },
      t.token,
    );
    expect(cleared.professionalNumber).toBeNull();
  });
});

describe('catalogue versions in the interchange', () => {
  const record = (id: string, alertBelow: number) =>
    JSON.stringify({
      type: 'catalogue_version',
      id,
      catalogue: 'egfr',
      version: 1,
      content: { alertBelow, min: 1, max: 200 },
      reason: 'Reprise',
      createdAt: '2026-01-03T10:00:00.000Z',
    });

  async function importText(t: Centre, text: string) {
    const { lines, errors } = parseLines(text);
    if (errors.length) return errors;
    const store = t.core.ctx.vault.requireStore();
    try {
      await store.transaction((em) => applyLines(em, lines, '2026-03-02T09:00:00.000Z'));
      return [];
    } catch (err) {
      if (err instanceof ImportRefused) return err.errors;
      throw err;
    }
  }

  it('are history: the same version again is unchanged, a changed or second one is refused', async () => {
    const t = await setUpCentre();
    expect(await importText(t, record('v1', 50))).toEqual([]);
    expect(await importText(t, record('v1', 50))).toEqual([]);
    expect(await importText(t, record('v1', 40))).toMatchObject([{ reason: 'catalogue_version_immutable' }]);
    expect(await importText(t, record('v1-bis', 40))).toMatchObject([{ reason: 'catalogue_version_taken' }]);
    // The content is checked with the screen's rules.
    const bad = record('v2', 500).replace('"version":1', '"version":2');
    expect(await importText(t, bad)).toMatchObject([{ field: 'content.alertBelow' }]);
    expect(await rowCount(t)).toBe(1);
    const store = t.core.ctx.vault.requireStore();
    expect(await store.exclusive(() => currentCatalogue(store.manager, 'egfr'))).toEqual({
      alertBelow: 50,
      min: 1,
      max: 200,
    });
  });
});
