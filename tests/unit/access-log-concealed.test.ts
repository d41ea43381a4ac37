/**
 * "Who looked at my file" does not tell a reader what a concealed section would not: a community
 * worker printing the report for the person never learns that a lawyer read the legal part (the
 * lawyer's name and the part are the secret), and the report says, the same way whatever the file
 * holds, that such lines are kept for the team that may read them.
 */
import { describe, expect, it } from 'vitest';
import { personField } from '../../electron/core/api/access';
import { runOnDossier } from '../../electron/core/api/dispatch';
import { ROLES, type Role } from '../../shared/domain/roles';
import { worksOnlyInConcealedSections } from '../../shared/domain/access-policy';
import { consentingPerson } from './helpers/clinical';
import { pdfText } from './helpers/pdf-text';
import { reception, staff, type Centre } from './helpers/reception';

/** A read of the legal part by `reader`, through the dispatcher's dossier path (audited as any). */
async function readLegal(t: Centre, reader: { id: string; roles: Role[] }, personId: string) {
  await runOnDossier(
    'persons.dossier',
    { section: 'legal', action: 'read', person: personField('personId' as never) },
    () => Promise.resolve({}),
    { personId },
    { ctx: t.core.ctx, actor: { userId: reader.id, roles: reader.roles }, client: 'local' },
  );
}

describe('the access log and the concealed sections', () => {
  it('the lawyer’s read of the legal part is shown to the lawyer and the social worker, not to reception', async () => {
    const t = await reception();
    const lawyer = await staff(t, 'lou', ['legal']);
    const social = await staff(t, 'sami', ['social_worker']);
    const personId = await consentingPerson(t, t.worker.token);
    for (const scope of ['social_legal', 'psy'] as const)
      await t.must('persons.recordConsent', { personId, scope, given: true }, t.worker.token);
    // The lawyer opens the file (identity, pathway…) and reads its legal part; a psychologist only
    // opens it; the doctor opens it too.
    await t.must('persons.dossier', { id: personId }, lawyer.token);
    await readLegal(t, { id: lawyer.id, roles: ['legal'] }, personId);
    const psychologist = await staff(t, 'paule', ['psychologist']);
    await t.must('persons.dossier', { id: personId }, psychologist.token);
    const doctor = await staff(t, 'dora', ['doctor']);
    await t.must('persons.dossier', { id: personId }, doctor.token);

    const atDesk = await t.must('persons.accessLog', { personId }, t.worker.token);
    expect(atDesk.entries.length).toBeGreaterThan(0);
    // Not one line of the lawyer's or the psychologist's, whatever part they opened; the doctor's stay.
    const names = new Set(atDesk.entries.map((e) => e.userName));
    expect(names.has('lou (test)')).toBe(false);
    expect(names.has('paule (test)')).toBe(false);
    expect(names.has('dora (test)')).toBe(true);
    expect(atDesk.groups.filter((g) => g.section === 'legal' || g.readerName === 'lou (test)')).toEqual([]);
    expect(atDesk.withheld).toBe(true);

    const bySocialWorker = await t.must('persons.accessLog', { personId }, social.token);
    expect(bySocialWorker.entries.filter((e) => e.section === 'legal').map((e) => e.userName)).toEqual([
      'lou (test)',
    ]);
    expect(bySocialWorker.entries.some((e) => e.userName === 'paule (test)')).toBe(true);
    // The social worker may read every concealed part of this person (all consents given).
    expect(bySocialWorker.withheld).toBe(false);

    const printed = await t.must('persons.accessLogPdf', { personId, locale: 'fr' }, t.worker.token);
    const text = pdfText(Buffer.from(printed.base64, 'base64')).replace(/\s+/g, ' ');
    expect(text).not.toContain('lou (test)');
    expect(text).not.toContain('paule (test)');
    // (the helper reads ligatures poorly: 'fi' is not matched)
    expect(text).toContain('Les consultations des parties');
  });

  it('the notice does not depend on the file: the same for a person with no concealed record', async () => {
    const t = await reception();
    const personId = await consentingPerson(t, t.worker.token);
    const atDesk = await t.must('persons.accessLog', { personId }, t.worker.token);
    expect(atDesk.withheld).toBe(true);
  });

  it('the roles whose work is only in concealed sections: the psychologist, the social worker, the lawyer', () => {
    const only = ROLES.filter((r) => worksOnlyInConcealedSections([r]));
    expect(only.sort()).toEqual(['legal', 'psychologist', 'social_worker']);
    expect(worksOnlyInConcealedSections(['social_worker', 'nurse'])).toBe(false);
    expect(worksOnlyInConcealedSections([])).toBe(false);
  });
});
