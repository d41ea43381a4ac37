import { describe, expect, it } from 'vitest';
import { personInput, reception } from './helpers/reception';

describe('person registry', () => {
  it('gives each new file a per-site number that is never reused', async () => {
    const t = await reception();
    const a = await t.must('persons.create', personInput(t, { nameUsed: 'Amélie' }), t.worker.token);
    const b = await t.must('persons.create', personInput(t, { nameUsed: 'Bilal' }), t.worker.token);
    const c = await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Chris', siteId: t.siteIds[1] }),
      t.worker.token,
    );
    expect(a.fileNumber).toBe('MTP-2026-00001');
    expect(b.fileNumber).toBe('MTP-2026-00002');
    expect(c.fileNumber).toBe('OUT-2026-00001');
    const coord = t.token;
    await t.must(
      'persons.merge',
      { survivorId: a.id, mergedId: b.id, survivorVersion: a.version, mergedVersion: b.version },
      coord,
    );
    const d = await t.must('persons.create', personInput(t, { nameUsed: 'Dani' }), t.worker.token);
    expect(d.fileNumber).toBe('MTP-2026-00003');
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const t = await reception();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ nameUsed: '   ' }, 'nameUsed'],
      [{ birthDate: '2031-01-01' }, 'birthDate'],
      [{ birthYear: 2099 }, 'birthYear'],
      [{ contact: { phone: 'appelle-moi', channels: [] } }, 'contact.phone'],
      [{ contact: { email: 'pas-un-mail', channels: [] } }, 'contact.email'],
      [{ contact: { channels: ['sms'] } }, 'contact.phone'],
    ];
    for (const [extra, field] of cases) {
      const r = await t.call('persons.create', { ...personInput(t), ...extra }, t.worker.token);
      expect(r.ok ? null : { code: r.error.code, field: r.error.field }).toEqual({
        code: 'validation',
        field,
      });
    }
    expect(await t.must('persons.search', { query: 'amelie' }, t.worker.token)).toEqual([]);
  });

  it('refuses a birth date that would put a visit before birth, and keeps the person unchanged', async () => {
    const t = await reception();
    const p = await t.must('persons.create', personInput(t, { birthYear: 1990 }), t.worker.token);
    await t.must('visits.checkIn', { personId: p.id, siteId: t.siteIds[0] }, t.worker.token);
    const visitDay = t.clock.now();
    t.clock.advance(3 * 86_400_000);
    const { token } = await t.must('auth.login', {
      username: 'kasey',
      password: 'Nouveau-Mot-de-passe-2026',
    });
    const dayAfterVisit = new Date(visitDay.getTime() + 86_400_000).toISOString().slice(0, 10);
    const r = await t.call(
      'persons.update',
      { ...personInput(t, { birthDate: dayAfterVisit }), id: p.id, version: p.version },
      token,
    );
    expect(r.ok ? null : { field: r.error.field, reason: r.error.details?.reason }).toEqual({
      field: 'birthDate',
      reason: 'after_first_visit',
    });
    expect((await t.must('persons.get', { id: p.id }, token)).birthYear).toBe(1990);
  });

  it('a second save with a stale version gets a conflict, never a silent overwrite', async () => {
    const t = await reception();
    const p = await t.must('persons.create', personInput(t, { pronouns: 'elle' }), t.worker.token);
    const first = await t.must(
      'persons.update',
      { ...personInput(t, { pronouns: 'iel' }), id: p.id, version: p.version },
      t.worker.token,
    );
    expect(first.version).toBe(2);
    const second = await t.call(
      'persons.update',
      { ...personInput(t, { pronouns: 'il' }), id: p.id, version: p.version },
      t.worker.token,
    );
    expect(second.ok ? null : second.error.code).toBe('conflict');
    expect((await t.must('persons.get', { id: p.id }, t.worker.token)).pronouns).toBe('iel');
  });
});

describe('search', () => {
  it('finds Amélie from amelie, AMÉLIE and melie, and a file number from its last digits', async () => {
    const t = await reception();
    const amelie = await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Amélie', legalName: 'Martin Dupont' }),
      t.worker.token,
    );
    await t.must('persons.create', personInput(t, { nameUsed: 'Amadou' }), t.worker.token);
    for (const query of ['amelie', 'AMÉLIE', 'melie', ' a mé lie ']) {
      const results = await t.must('persons.search', { query }, t.worker.token);
      expect(results.map((r) => r.id)).toEqual([amelie.id]);
      expect(results[0].matchedOn).toBe('name_used');
    }
    const byNumber = await t.must('persons.search', { query: amelie.fileNumber.slice(-3) }, t.worker.token);
    expect(byNumber.map((r) => r.id)).toContain(amelie.id);
    const byLegal = await t.must('persons.search', { query: 'dupont' }, t.worker.token);
    expect(byLegal[0]).toMatchObject({ id: amelie.id, matchedOn: 'legal_name', nameUsed: 'Amélie' });
    expect(JSON.stringify(byLegal)).not.toContain('Martin');
  });

  it('ranks an exact name before a partial one and finds phones by digits', async () => {
    const t = await reception();
    const partial = await t.must('persons.create', personInput(t, { nameUsed: 'Samira' }), t.worker.token);
    const exact = await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Sam', contact: { phone: '+33 6 12 34 56 78', channels: ['sms'] } }),
      t.worker.token,
    );
    const results = await t.must('persons.search', { query: 'sam' }, t.worker.token);
    expect(results.map((r) => r.id)).toEqual([exact.id, partial.id]);
    // The centre's prefix (+33 / 0): "+33 6 12…" is filed in the national form "06 12…".
    expect((await t.must('persons.search', { query: '06 12 34' }, t.worker.token)).map((r) => r.id)).toEqual([
      exact.id,
    ]);
    expect((await t.must('persons.search', { query: '345678' }, t.worker.token)).map((r) => r.id)).toEqual([
      exact.id,
    ]);
  });
});

describe('duplicates and merge', () => {
  it('suggests likely duplicates at creation', async () => {
    const t = await reception();
    const existing = await t.must(
      'persons.create',
      personInput(t, {
        nameUsed: 'Amélie',
        birthYear: 1994,
        contact: { phone: '06 11 22 33 44', channels: [] },
      }),
      t.worker.token,
    );
    const byName = await t.must(
      'persons.duplicates',
      { nameUsed: 'Amelia', birthYear: 1994 },
      t.worker.token,
    );
    expect(byName[0]).toMatchObject({ id: existing.id });
    expect(byName[0].reasons).toEqual(expect.arrayContaining(['name', 'birth_year']));
    const byPhone = await t.must(
      'persons.duplicates',
      { nameUsed: 'Léa', phone: '+33 6 11 22 33 44' },
      t.worker.token,
    );
    expect(byPhone[0]).toMatchObject({ id: existing.id, reasons: ['phone'] });
    expect(await t.must('persons.duplicates', { nameUsed: 'Zoé', birthYear: 2001 }, t.worker.token)).toEqual(
      [],
    );
  });

  it('merge moves every record to the surviving file and is audited; a file cannot merge into itself', async () => {
    const t = await reception();
    const a = await t.must('persons.create', personInput(t, { nameUsed: 'Amélie' }), t.worker.token);
    const b = await t.must('persons.create', personInput(t, { nameUsed: 'Amelie D.' }), t.worker.token);
    await t.must(
      'persons.recordConsent',
      { personId: b.id, scope: 'care_team', given: true },
      t.worker.token,
    );
    const visit = await t.must('visits.checkIn', { personId: b.id, siteId: t.siteIds[0] }, t.worker.token);
    await t.must(
      'interviews.save',
      {
        personId: b.id,
        visitId: visit.id,
        heldAt: t.clock.now().toISOString(),
        summary: 'premier entretien',
      },
      t.worker.token,
    );

    const self = await t.call(
      'persons.merge',
      { survivorId: a.id, mergedId: a.id, survivorVersion: 1, mergedVersion: 1 },
      t.token,
    );
    expect(self.ok ? null : self.error).toMatchObject({ code: 'validation', field: 'mergedId' });
    const notCoordinator = await t.call(
      'persons.merge',
      { survivorId: a.id, mergedId: b.id, survivorVersion: 1, mergedVersion: 1 },
      t.worker.token,
    );
    expect(notCoordinator.ok ? null : notCoordinator.error.code).toBe('forbidden');

    await t.must(
      'persons.merge',
      { survivorId: a.id, mergedId: b.id, survivorVersion: a.version, mergedVersion: b.version },
      t.token,
    );
    const dossier = await t.must('persons.dossier', { id: a.id }, t.worker.token);
    const visits = await t.must('visits.forPerson', { personId: a.id }, t.worker.token);
    expect(visits.items.map((v) => v.id)).toEqual([visit.id]);
    expect((await t.must('interviews.forPerson', { personId: a.id }, t.worker.token)).items).toHaveLength(1);
    expect(dossier.consents.find((c) => c.scope === 'care_team')?.given).toBe(true);
    expect((await t.must('persons.get', { id: b.id }, t.worker.token)).mergedInto).toBe(a.id);
    expect((await t.must('persons.search', { query: 'amelie' }, t.worker.token)).map((r) => r.id)).toEqual([
      a.id,
    ]);
    const audit = await t.must('audit.list', { action: 'merge', page: 1, pageSize: 10 }, t.token);
    expect(audit.items[0]).toMatchObject({ personId: a.id, targetId: b.id });
    // The merged file's own change (it now points to the survivor) has its own entry.
    expect(audit.items[1]).toMatchObject({ personId: b.id, targetId: b.id });
  });
});
