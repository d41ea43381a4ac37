/**
 * A merge keeps one whole file, but the coordination chooses, field by field, which file's value
 * the kept file takes (issue 9): the chosen values come from the stored other file (the caller
 * sends only a side), an unknown field is refused with nothing written, an empty value never
 * overwrites, the fields taken are in the audit entry, and the search finds the kept file by the
 * name and phone it took.
 */
import { describe, expect, it } from 'vitest';
import { personInput, reception } from './helpers/reception';

type Centre = Awaited<ReturnType<typeof reception>>;

async function twoFiles(t: Centre) {
  const kept = await t.must(
    'persons.create',
    personInput(t, { nameUsed: 'Awa', birthYear: 1994, pronouns: 'elle' }),
    t.worker.token,
  );
  const other = await t.must(
    'persons.create',
    personInput(t, {
      nameUsed: 'Awa Diallo',
      legalName: 'Aminata Diallo',
      birthDate: '1994-03-12',
      contact: { phone: '06 44 55 66 77', email: 'awa@example.org', channels: ['sms'], neverContact: false },
    }),
    t.worker.token,
  );
  return { kept, other };
}

async function mergeAuditDetail(t: Centre, personId: string): Promise<Record<string, unknown>> {
  const store = t.core.ctx.vault.requireStore();
  return store.exclusive(async () => {
    const rows = await store.manager.query<Array<{ detail: string }>>(
      `SELECT detail FROM audit_log WHERE action = 'merge' AND person_id = ? ORDER BY seq DESC LIMIT 1`,
      [personId],
    );
    return JSON.parse(rows[0]?.detail ?? '{}') as Record<string, unknown>;
  });
}

describe('merge with field choices', () => {
  it('the kept file takes the other file’s chosen values, keeps its own elsewhere, and is found by them', async () => {
    const t = await reception();
    const { kept, other } = await twoFiles(t);

    const result = await t.must(
      'persons.merge',
      {
        survivorId: kept.id,
        mergedId: other.id,
        survivorVersion: kept.version,
        mergedVersion: other.version,
        choices: {
          nameUsed: 'merged',
          legalName: 'merged',
          birth: 'merged',
          phone: 'merged',
          contactPreferences: 'merged',
          // The other file has no pronouns: an empty value never overwrites.
          pronouns: 'merged',
          email: 'survivor',
        },
      },
      t.token,
    );

    expect(result).toMatchObject({
      id: kept.id,
      fileNumber: kept.fileNumber,
      nameUsed: 'Awa Diallo',
      legalName: 'Aminata Diallo',
      birthDate: '1994-03-12',
      birthYear: 1994,
      pronouns: 'elle',
      contact: { phone: '06 44 55 66 77', email: null, channels: ['sms'] },
      version: kept.version + 1,
    });
    expect(await t.must('persons.get', { id: kept.id }, t.worker.token)).toMatchObject({
      nameUsed: 'Awa Diallo',
      contact: { phone: '06 44 55 66 77' },
    });

    // Search finds the kept file by the name and the phone it took, never the merged one.
    expect((await t.must('persons.search', { query: 'diallo' }, t.worker.token)).map((r) => r.id)).toEqual([
      kept.id,
    ]);
    expect(
      (await t.must('persons.search', { query: '0644556677' }, t.worker.token)).map((r) => r.id),
    ).toEqual([kept.id]);
    expect((await t.must('persons.search', { query: 'aminata' }, t.worker.token))[0]).toMatchObject({
      id: kept.id,
      matchedOn: 'legal_name',
    });

    // Audited: which fields were taken (their names, never their values), with the records moved.
    const detail = await mergeAuditDetail(t, kept.id);
    expect(String(detail.fieldsTaken).split(',').sort()).toEqual(
      ['birth', 'contactPreferences', 'legalName', 'nameUsed', 'phone'].sort(),
    );
    expect(JSON.stringify(detail)).not.toContain('Diallo');
  });

  it('without choices the kept file keeps every value of its own', async () => {
    const t = await reception();
    const { kept, other } = await twoFiles(t);
    const result = await t.must(
      'persons.merge',
      {
        survivorId: kept.id,
        mergedId: other.id,
        survivorVersion: kept.version,
        mergedVersion: other.version,
      },
      t.token,
    );
    expect(result).toMatchObject({ nameUsed: 'Awa', legalName: null, contact: { phone: null } });
    expect(await t.must('persons.search', { query: 'diallo' }, t.worker.token)).toEqual([]);
  });

  it('refuses a choice for an unknown field, or a value instead of a side, and writes nothing', async () => {
    const t = await reception();
    const { kept, other } = await twoFiles(t);
    const base = {
      survivorId: kept.id,
      mergedId: other.id,
      survivorVersion: kept.version,
      mergedVersion: other.version,
    };
    const unknownField = await t.call(
      'persons.merge',
      { ...base, choices: { fileNumber: 'merged' } } as never,
      t.token,
    );
    expect(unknownField.ok ? null : unknownField.error).toMatchObject({
      code: 'validation',
      details: { issue: 'unrecognized_keys', keys: ['fileNumber'] },
    });
    const aValue = await t.call(
      'persons.merge',
      { ...base, choices: { nameUsed: 'Awa Traoré' } } as never,
      t.token,
    );
    expect(aValue.ok ? null : aValue.error).toMatchObject({ code: 'validation', field: 'choices.nameUsed' });

    expect(await t.must('persons.get', { id: other.id }, t.worker.token)).toMatchObject({
      mergedInto: null,
      version: other.version,
    });
    expect(await t.must('persons.get', { id: kept.id }, t.worker.token)).toMatchObject({
      nameUsed: 'Awa',
      version: kept.version,
    });
  });

  it('a choice that breaks the kept file’s rules refuses the whole merge; a stale version is a conflict', async () => {
    const t = await reception();
    const { kept, other } = await twoFiles(t);
    // Taking the other file's SMS reminders without its phone: a channel needs its coordinate.
    const broken = await t.call(
      'persons.merge',
      {
        survivorId: kept.id,
        mergedId: other.id,
        survivorVersion: kept.version,
        mergedVersion: other.version,
        choices: { contactPreferences: 'merged' },
      },
      t.token,
    );
    expect(broken.ok ? null : broken.error).toMatchObject({ code: 'validation', field: 'contact.phone' });
    expect((await t.must('persons.get', { id: other.id }, t.worker.token)).mergedInto).toBeNull();

    const stale = await t.call(
      'persons.merge',
      {
        survivorId: kept.id,
        mergedId: other.id,
        survivorVersion: kept.version,
        mergedVersion: other.version + 1,
        choices: { nameUsed: 'merged' },
      },
      t.token,
    );
    expect(stale.ok ? null : stale.error.code).toBe('conflict');
    expect((await t.must('persons.get', { id: kept.id }, t.worker.token)).nameUsed).toBe('Awa');
  });
});
