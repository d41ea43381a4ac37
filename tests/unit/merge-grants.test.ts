/**
 * An emergency access (break the glass) given on a duplicate file does not become one on the
 * surviving file when the two are merged: the survivor's hidden sections stay hidden.
 */
import { describe, expect, it } from 'vitest';
import { personInput, reception, staff } from './helpers/reception';

describe('merging files with an emergency access', () => {
  it('a break-the-glass grant on the duplicate does not open the survivor', async () => {
    const t = await reception();
    const doctor = await staff(t, 'doc', ['doctor']);
    const kept = await t.must('persons.create', personInput(t, { nameUsed: 'Amélie' }), t.worker.token);
    const duplicate = await t.must('persons.create', personInput(t, { nameUsed: 'Amelie' }), t.worker.token);
    await t.must(
      'interviews.save',
      { personId: kept.id, heldAt: t.clock.now().toISOString(), summary: 's' },
      t.worker.token,
    );
    await t.must(
      'persons.breakGlass',
      { personId: duplicate.id, reason: 'Malaise en salle, besoin des antécédents' },
      doctor.token,
    );
    await t.must(
      'persons.merge',
      {
        survivorId: kept.id,
        mergedId: duplicate.id,
        survivorVersion: kept.version,
        mergedVersion: duplicate.version,
      },
      t.token,
    );
    const dossier = await t.must('persons.dossier', { id: kept.id }, doctor.token);
    expect(dossier.breakGlassUntil).toBeNull();
    expect(dossier.sections.find((s) => s.section === 'interview')?.status).toBe('hidden_consent');
    expect((await t.must('interviews.forPerson', { personId: kept.id }, doctor.token)).items).toEqual([]);
  });
});
