/**
 * A PrEP prescription or renewal linked to its episode (docs/clinical-pathway.md section 15): the
 * consultation's prescription names the episode, a link to another person's episode or to none is
 * refused on its field with nothing written (on the screen and in the interchange), the PrEP tab
 * lists the episode's prescriptions and renewals for readers of `medical`, and the printed
 * prescription of a PrEP-linked one also needs — and audits — the `prep` section.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import type { DossierCall } from '../../electron/core/api/routes';
import { subjectOf } from '../../electron/core/access/subject';
import { applyLines, parseLines } from '../../electron/core/interchange/import';
import { prescriptionPdf } from '../../electron/core/services/consultations/documents';
import { loadPerson } from '../../electron/core/services/persons/repository';
import { personInput, reception, staff } from './helpers/reception';

const TRUVADA = {
  drug: 'emtricitabine/ténofovir disoproxil',
  dose: '200 mg/245 mg',
  route: 'oral' as const,
  frequency: '1 comprimé par jour',
  duration: '3 mois',
};

async function centre() {
  const t = await reception();
  const doctor = await staff(t, 'dr-morel', ['doctor']);
  const nurse = await staff(t, 'ines', ['nurse']);
  const store = t.core.ctx.vault.requireStore();
  await store.manager.query('UPDATE staff_user SET professional_number = ? WHERE id = ?', [
    '10101234567',
    doctor.id,
  ]);
  const person = async (nameUsed: string) => {
    const p = await t.must('persons.create', personInput(t, { nameUsed }), t.worker.token);
    await t.must(
      'persons.recordConsent',
      { personId: p.id, scope: 'care_team', given: true },
      t.worker.token,
    );
    return p;
  };
  const start = (personId: string) =>
    t.must(
      'prep.start',
      {
        personId,
        siteId: t.siteIds[0],
        startedOn: t.clock.now().toISOString().slice(0, 10),
        regimen: 'daily',
      },
      doctor.token,
    );
  const consultation = (
    personId: string,
    prescription: ChannelInput<'consultations.save'>['prescription'],
    edit: { id?: string; version?: number } = {},
  ) => ({ personId, heldAt: t.clock.now().toISOString(), reason: 'PrEP', prescription, ...edit });
  const count = async (sql: string) =>
    store.exclusive(async () => Number((await store.manager.query<Array<{ n: number }>>(sql))[0].n));
  return { t, doctor, nurse, store, person, start, consultation, count };
}

describe('a PrEP prescription and its episode', () => {
  it('is linked to the episode, kept on a re-save that leaves the link out, and listed in the PrEP tab with its renewals', async () => {
    const c = await centre();
    const p = await c.person('Sacha');
    const episode = await c.start(p.id);
    const saved = await c.t.must(
      'consultations.save',
      c.consultation(p.id, { lines: [TRUVADA], renewals: 2, prepEpisodeId: episode.id }),
      c.doctor.token,
    );
    expect(saved.consultation.prescription?.prepEpisodeId).toBe(episode.id);
    // A re-save that does not mention the link (an older screen) keeps it.
    const again = await c.t.must(
      'consultations.save',
      c.consultation(
        p.id,
        { lines: [TRUVADA], renewals: 3 },
        { id: saved.consultation.id, version: saved.consultation.version },
      ),
      c.doctor.token,
    );
    expect(again.consultation.prescription).toMatchObject({ prepEpisodeId: episode.id, renewals: 3 });

    const tab = await c.t.must('prep.forPerson', { personId: p.id }, c.nurse.token);
    expect(tab.prescriptions).toEqual([
      {
        id: again.consultation.prescription?.id,
        episodeId: episode.id,
        consultationId: saved.consultation.id,
        issuedOn: episode.startedOn,
        prescriberName: 'dr-morel (test)',
        drugs: [TRUVADA.drug],
        renewals: 3,
      },
    ]);
    // Read from the medical section: audited there, beside the prep read.
    const audit = await c.store.exclusive(() =>
      c.store.manager.query<Array<{ section: string; detail: string | null }>>(
        "SELECT section, detail FROM audit_log WHERE action = 'read' AND person_id = ? AND actor_id = ?",
        [p.id, c.nurse.id],
      ),
    );
    expect(audit.some((a) => a.section === 'medical' && a.detail?.includes('prep_prescriptions'))).toBe(true);

    // Unlinked (null) it leaves the tab.
    await c.t.must(
      'consultations.save',
      c.consultation(
        p.id,
        { lines: [TRUVADA], renewals: 3, prepEpisodeId: null },
        { id: again.consultation.id, version: again.consultation.version },
      ),
      c.doctor.token,
    );
    expect((await c.t.must('prep.forPerson', { personId: p.id }, c.nurse.token)).prescriptions).toEqual([]);
  });

  it('linking or unlinking by another doctor changes the link, not the prescription’s signatory', async () => {
    const c = await centre();
    const p = await c.person('Noa');
    const episode = await c.start(p.id);
    const saved = await c.t.must(
      'consultations.save',
      c.consultation(p.id, { lines: [TRUVADA], renewals: 2, prepEpisodeId: null }),
      c.doctor.token,
    );
    const other = await staff(c.t, 'dr-ruiz', ['doctor']);
    const linked = await c.t.must(
      'consultations.save',
      c.consultation(
        p.id,
        { lines: [TRUVADA], renewals: 2, prepEpisodeId: episode.id },
        { id: saved.consultation.id, version: saved.consultation.version },
      ),
      other.token,
    );
    expect(linked.consultation.prescription).toMatchObject({
      prepEpisodeId: episode.id,
      prescriberId: c.doctor.id,
    });
    // Changing the drugs is writing the prescription: whoever does it signs it.
    const changed = await c.t.must(
      'consultations.save',
      c.consultation(
        p.id,
        { lines: [TRUVADA], renewals: 3, prepEpisodeId: episode.id },
        { id: linked.consultation.id, version: linked.consultation.version },
      ),
      other.token,
    );
    expect(changed.consultation.prescription?.prescriberId).toBe(other.id);
  });

  it('refuses a link to another person’s episode or to no episode, on its field, writing nothing (screen and interchange)', async () => {
    const c = await centre();
    const p = await c.person('Sacha');
    const other = await c.person('Noa');
    const theirs = await c.start(other.id);
    const before = await c.count('SELECT COUNT(*) AS n FROM consultation');
    for (const [episodeId, reason] of [
      [theirs.id, 'episode_of_another_person'],
      ['no-such-episode', 'unknown_prep_episode'],
    ] as const) {
      const refused = await c.t.call(
        'consultations.save',
        c.consultation(p.id, { lines: [TRUVADA], renewals: 0, prepEpisodeId: episodeId }),
        c.doctor.token,
      );
      expect(refused.ok ? null : refused.error).toMatchObject({
        code: 'validation',
        field: 'prescription.prepEpisodeId',
        details: { reason },
      });
    }
    expect(await c.count('SELECT COUNT(*) AS n FROM consultation')).toBe(before);
    expect(await c.count('SELECT COUNT(*) AS n FROM prescription')).toBe(0);

    const record = (id: string, prepEpisodeId: string) =>
      JSON.stringify({
        type: 'prescription',
        id,
        personId: p.id,
        consultationId: null,
        prepEpisodeId,
        prescriberId: c.doctor.id,
        issuedOn: '2026-03-01',
        lines: [TRUVADA],
        renewals: 0,
        authorId: null,
      });
    const { lines, errors } = parseLines(
      [
        JSON.stringify({
          type: 'header',
          format: 'parcours-interchange',
          formatVersion: 1,
          exportedAt: '2026-03-02T08:00:00.000Z',
        }),
        record('rx-1', theirs.id),
        record('rx-2', 'no-such-episode'),
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    await expect(
      c.store.transaction((em) => applyLines(em, lines, '2026-03-02T08:00:00.000Z')),
    ).rejects.toMatchObject({
      errors: [
        { line: 2, field: 'prepEpisodeId', reason: 'episode_of_another_person' },
        { line: 3, field: 'prepEpisodeId', reason: 'unknown_prep_episode' },
      ],
    });
    expect(await c.count('SELECT COUNT(*) AS n FROM prescription')).toBe(0);
  });

  it('prints a PrEP-linked prescription only for a reader of prep, and audits that read under prep', async () => {
    const c = await centre();
    const p = await c.person('Sacha');
    const episode = await c.start(p.id);
    const saved = await c.t.must(
      'consultations.save',
      c.consultation(p.id, { lines: [TRUVADA], renewals: 0, prepEpisodeId: episode.id }),
      c.doctor.token,
    );
    const prescriptionId = saved.consultation.prescription?.id ?? '';
    const pdf = await c.t.must(
      'consultations.prescriptionPdf',
      { personId: p.id, prescriptionId },
      c.doctor.token,
    );
    expect(pdf.filename).toContain('ordonnance-');
    const reads = await c.store.exclusive(() =>
      c.store.manager.query<Array<{ section: string }>>(
        "SELECT section FROM audit_log WHERE action = 'read' AND target_type = 'prescription_pdf' AND target_id = ?",
        [prescriptionId],
      ),
    );
    expect(reads.map((r) => r.section).sort()).toEqual(['medical', 'prep']);

    // The policy gives every reader of medical the prep section too; the handler's own check is
    // proved with a reader the gate let through for medical but whose roles do not read prep.
    const refusedFor = async (roles: DossierCall['actor']['roles']) =>
      c.store.transaction(async (em) => {
        const actor = { userId: c.doctor.id, roles };
        const subject = await subjectOf(em, actor, p.id, c.t.clock.now());
        const call = {
          ctx: c.t.core.ctx,
          client: 'local',
          actor,
          dossier: {
            em,
            now: c.t.clock.now(),
            person: await loadPerson(em, p.id),
            access: [{ personId: p.id, subject, decision: { allowed: true } }],
            ownOnly: false,
            canRead: () => true,
            wrote: () => undefined,
          },
        } as unknown as DossierCall;
        return prescriptionPdf({ personId: p.id, prescriptionId }, call).then(
          () => null,
          (err: { code?: string; details?: { section?: string } }) => ({
            code: err.code,
            section: err.details?.section,
          }),
        );
      });
    expect(await refusedFor(['psychologist'])).toEqual({ code: 'forbidden', section: 'prep' });
    expect(await refusedFor(['doctor'])).toBeNull();
  });
});
