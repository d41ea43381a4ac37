/**
 * A new walk-in at the desk (issue 9): phones found whatever prefix was typed, in the centre's
 * national form (and re-indexed when the centre changes it), "Awa Diallo" suggested as a duplicate
 * of "Awa" born the same year, and the sharing answers recorded with the new file in one unit of
 * work (a refused answer writes no file at all).
 */
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../electron/core/db/fingerprint';
import { phoneDigits } from '../../electron/core/services/persons/normalize';
import { personInput, reception } from './helpers/reception';

type Reception = Awaited<ReturnType<typeof reception>>;

async function namesFound(t: Reception, query: string): Promise<string[]> {
  return (await t.must('persons.search', { query }, t.worker.token)).map((r) => r.nameUsed);
}

async function setPhonePrefix(t: Reception, phoneCountryCode: string, phoneTrunkPrefix: string) {
  const centre = await t.must('centre.get', {}, t.token);
  return t.must(
    'centre.update',
    {
      version: centre.version,
      name: centre.name,
      autoLockMinutes: centre.autoLockMinutes,
      unusualReadsPerHour: centre.unusualReadsPerHour,
      defaultLocale: centre.defaultLocale,
      phoneCountryCode,
      phoneTrunkPrefix,
    },
    t.token,
  );
}

describe('phone search in the national form', () => {
  it('normalises +33 and 0033 to the French national form, and leaves other countries international', () => {
    const france = { countryCode: '+33', trunkPrefix: '0' };
    expect(phoneDigits('+33610203040', france)).toBe('0610203040');
    expect(phoneDigits('+33 (0)6 10 20 30 40', france)).toBe('0610203040');
    expect(phoneDigits('0033 6 10 20 30 40', france)).toBe('0610203040');
    expect(phoneDigits('06 10 20 30 40', france)).toBe('0610203040');
    expect(phoneDigits('+212 6 12 34 56 78', france)).toBe('212612345678');
    expect(phoneDigits('+212 6 12 34 56 78', { countryCode: '+212', trunkPrefix: '0' })).toBe('0612345678');
    // No country code starts with 0: digits read from the middle of a number stay as typed.
    expect(phoneDigits('00 00 42', france)).toBe('000042');
  });

  it('"+33610203040" finds "06 10 20 30 40", and "06 11…" finds a number written "+33 6 11…"', async () => {
    const t = await reception();
    await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Inès', contact: { phone: '06 10 20 30 40', channels: [] } }),
      t.worker.token,
    );
    await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Yanis', contact: { phone: '+33 6 11 22 33 44', channels: [] } }),
      t.worker.token,
    );
    expect(await namesFound(t, '+33610203040')).toEqual(['Inès']);
    expect(await namesFound(t, '0033 6 10 20 30 40')).toEqual(['Inès']);
    expect(await namesFound(t, '+33 6 10 20')).toEqual(['Inès']);
    expect(await namesFound(t, '06 11 22 33 44')).toEqual(['Yanis']);
    expect(await namesFound(t, '+33611223344')).toEqual(['Yanis']);
    await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Zoé', contact: { phone: '06 12 00 00 42', channels: [] } }),
      t.worker.token,
    );
    expect(await namesFound(t, '00 00 42')).toEqual(['Zoé']);
    // The match says it was the phone.
    const [hit] = await t.must('persons.search', { query: '+33610203040' }, t.worker.token);
    expect(hit?.matchedOn).toBe('phone');
  });

  it('a centre in Morocco (+212 / 0): the prefix change re-indexes the phones already filed, in the same save', async () => {
    const t = await reception();
    await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Salma', contact: { phone: '+212 6 12 34 56 78', channels: [] } }),
      t.worker.token,
    );
    // Under the French setting, a Moroccan number is international: its national form is unknown.
    expect(await namesFound(t, '06 12 34 56 78')).toEqual([]);

    const saved = await setPhonePrefix(t, '+212', '0');
    expect(saved).toMatchObject({ phoneCountryCode: '+212', phoneTrunkPrefix: '0' });
    expect(await namesFound(t, '06 12 34 56 78')).toEqual(['Salma']);
    expect(await namesFound(t, '+212612345678')).toEqual(['Salma']);

    // A file created after the change is indexed with the new setting too.
    await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Karim', contact: { phone: '00212 6 99 88 77 66', channels: [] } }),
      t.worker.token,
    );
    expect(await namesFound(t, '0699887766')).toEqual(['Karim']);

    // Back to France: the same phones are international again.
    await setPhonePrefix(t, '+33', '0');
    expect(await namesFound(t, '06 12 34 56 78')).toEqual([]);
    expect(await namesFound(t, '+212612345678')).toEqual(['Salma']);
  });

  it('refuses a malformed prefix next to its field and changes nothing', async () => {
    const t = await reception();
    const centre = await t.must('centre.get', {}, t.token);
    const r = await t.call(
      'centre.update',
      {
        version: centre.version,
        name: centre.name,
        autoLockMinutes: centre.autoLockMinutes,
        defaultLocale: centre.defaultLocale,
        phoneCountryCode: '212',
      },
      t.token,
    );
    expect(r.ok ? null : { code: r.error.code, field: r.error.field }).toEqual({
      code: 'validation',
      field: 'phoneCountryCode',
    });
    expect((await t.must('centre.get', {}, t.token)).phoneCountryCode).toBe('+33');
  });
});

describe('duplicates at creation', () => {
  it('suggests "Awa" born the same year while "Awa Diallo" is typed, and the other way round', async () => {
    const t = await reception();
    const awa = await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Awa', birthYear: 1994 }),
      t.worker.token,
    );
    await t.must('persons.create', personInput(t, { nameUsed: 'Awa', birthYear: 1980 }), t.worker.token);
    await t.must('persons.create', personInput(t, { nameUsed: 'Awa Koné', birthYear: 1994 }), t.worker.token);

    const found = await t.must(
      'persons.duplicates',
      { nameUsed: 'Awa Diallo', birthYear: 1994 },
      t.worker.token,
    );
    expect(found.map((d) => [d.id, d.reasons])).toEqual([[awa.id, ['name', 'birth_year']]]);

    // Without a birth year, a first name in common is not evidence enough.
    expect(await t.must('persons.duplicates', { nameUsed: 'Awa Diallo' }, t.worker.token)).toEqual([]);

    const diallo = await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Awa Diallo', birthDate: '1994-05-02' }),
      t.worker.token,
    );
    const reverse = await t.must('persons.duplicates', { nameUsed: 'Awa', birthYear: 1994 }, t.worker.token);
    expect(reverse.map((d) => d.id)).toContain(diallo.id);
    // "Awa" could as well be Awa Koné (same year).
    expect(reverse.map((d) => `${d.nameUsed} ${d.birthYear}`)).toEqual(
      expect.arrayContaining(['Awa 1994', 'Awa Diallo 1994', 'Awa Koné 1994']),
    );
  });

  it('follows a corrected birth year: "Awa" filed as born 1980, corrected to 1994, is suggested for "Diallo Awa" 1994', async () => {
    const t = await reception();
    // Fifty other names with "awa" before hers: her name is found by its word and year only, not
    // among the first trigram matches or the alphabetical neighbours of "diallo awa".
    for (let i = 0; i < 50; i++)
      await t.must(
        'persons.create',
        personInput(t, { nameUsed: 'Awa Koné', birthYear: 1960 }),
        t.worker.token,
      );
    const awa = await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Awa', birthYear: 1980 }),
      t.worker.token,
    );
    const probe = { nameUsed: 'Diallo Awa', birthYear: 1994 };
    expect(await t.must('persons.duplicates', probe, t.worker.token)).toEqual([]);

    await t.must(
      'persons.update',
      { ...personInput(t, { nameUsed: 'Awa', birthYear: 1994 }), id: awa.id, version: awa.version },
      t.worker.token,
    );
    const found = await t.must('persons.duplicates', probe, t.worker.token);
    expect(found.map((d) => [d.id, d.reasons])).toEqual([[awa.id, ['name', 'birth_year']]]);
  });
});

describe('consent at creation', () => {
  it('records the answers with the file, in one unit: refused is recorded, "later" records nothing', async () => {
    const t = await reception();
    const p = await t.must(
      'persons.create',
      {
        ...personInput(t, { nameUsed: 'Maëlle' }),
        consents: { care_team: 'given', external_referral: 'refused', contact: 'later' },
      },
      t.worker.token,
    );
    const consents = await t.must('persons.consents', { personId: p.id }, t.worker.token);
    const state = Object.fromEntries(
      consents.current.map((c) => [c.scope, { given: c.given, recorded: c.recordedAt !== null }]),
    );
    expect(state.care_team).toEqual({ given: true, recorded: true });
    expect(state.external_referral).toEqual({ given: false, recorded: true });
    expect(state.contact).toEqual({ given: false, recorded: false });
    expect(consents.history).toHaveLength(2);

    // The creation and each decision are audited as writes of that person, at the same instant.
    const audit = await t.must('audit.list', { personId: p.id }, t.token);
    const writes = audit.items
      .filter((e) => e.action === 'create')
      .map((e) => [e.section, e.targetType])
      .sort();
    expect(writes).toEqual([
      ['consent', 'consent'],
      ['consent', 'consent'],
      ['identity', 'person'],
    ]);
    expect(new Set(audit.items.filter((e) => e.action === 'create').map((e) => e.at)).size).toBe(1);
  });

  it('a refused consent payload writes no person: not a file, not a number, not an audit entry', async () => {
    const t = await reception();
    const handle = t.core.ctx.vault.requireStore().handle;
    const before = fingerprint(handle);
    // A contradictory answer: the person never wants to be contacted, yet "contact" is given. It is
    // refused after the file was inserted in the transaction: the file goes with it.
    const contradictory = await t.call(
      'persons.create',
      {
        ...personInput(t, { nameUsed: 'Noa', contact: { channels: [], neverContact: true } }),
        consents: { care_team: 'given', contact: 'given' },
      },
      t.worker.token,
    );
    expect(
      contradictory.ok
        ? null
        : {
            code: contradictory.error.code,
            field: contradictory.error.field,
            reason: contradictory.error.details?.reason,
          },
    ).toEqual({ code: 'validation', field: 'consents.contact', reason: 'contact_consent_never_contact' });
    // An answer that is not one: refused by the contract.
    const unknown = await t.call(
      'persons.create',
      { ...personInput(t, { nameUsed: 'Noa' }), consents: { care_team: 'maybe' } } as never,
      t.worker.token,
    );
    expect(unknown.ok ? null : unknown.error.code).toBe('validation');
    expect(fingerprint(handle)).toEqual(before);
    expect(await namesFound(t, 'Noa')).toEqual([]);

    // The next file still gets the first number: none was used up.
    const ok = await t.must('persons.create', personInput(t, { nameUsed: 'Noa' }), t.worker.token);
    expect(ok.fileNumber).toBe('MTP-2026-00001');
  });
});

describe('search results carry no fact of a section the reader may not read', () => {
  it('"in the centre now" comes from the visits: shown to reception, unknown (null) to the coordinator', async () => {
    const t = await reception();
    const here = await t.must('persons.create', personInput(t, { nameUsed: 'Rania' }), t.worker.token);
    await t.must('visits.checkIn', { personId: here.id, siteId: t.siteIds[0] }, t.worker.token);
    await t.must('persons.create', personInput(t, { nameUsed: 'Ranim' }), t.worker.token);

    const forReception = await t.must('persons.search', { query: 'rani' }, t.worker.token);
    expect(forReception.map((r) => [r.nameUsed, r.hasOpenVisit]).sort()).toEqual([
      ['Rania', true],
      ['Ranim', false],
    ]);
    // The coordinator reads identity only (docs/access-matrix.md): no pathway fact.
    const forCoordinator = await t.must('persons.search', { query: 'rani' }, t.token);
    expect(forCoordinator.map((r) => [r.nameUsed, r.hasOpenVisit]).sort()).toEqual([
      ['Rania', null],
      ['Ranim', null],
    ]);
  });
});
