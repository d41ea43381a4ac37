/**
 * The consultations of a person in the dossier: the Consultations tab and timeline (section
 * `medical`: the doctor's consultations and their prescriptions) and the Specialist tab and
 * timeline (section `specialist`). Each is computed only from the rows the reader may see.
 */
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { staffNames } from '../users/staff-names';
import { consultationViews, toSpecialistConsultation } from './consultations-service';
import {
  consultationsTable,
  gpConsultationsOf,
  prescriptionsOfConsultations,
  prescriptionsTable,
  specialistConsultationsOf,
  type ConsultationRow,
} from './repository';

const medical: SectionDefinition<ConsultationRow> = {
  capability: 'consultations',
  section: 'medical',
  // One table holds both kinds: linked once, here (merge moves GP and specialist consultations).
  linked: [consultationsTable, prescriptionsTable],
  timelineKinds: ['consultation', 'prescription'],
  load: gpConsultationsOf,
  timeline: async (rows, { em }) => {
    const prescriptions = [
      ...(
        await prescriptionsOfConsultations(
          em,
          rows.map((c) => c.id),
        )
      ).values(),
    ];
    const names = await staffNames(em, [
      ...rows.map((c) => c.createdBy),
      ...prescriptions.map((p) => p.prescriberId),
    ]);
    return [
      ...rows.map((c) => ({
        at: c.heldAt,
        kind: 'consultation',
        section: 'medical' as const,
        refId: c.id,
        label: c.endedAt ? 'ended' : 'open',
        detail: c.createdBy ? (names.get(c.createdBy) ?? null) : null,
      })),
      ...prescriptions.map((p) => ({
        // A prescription is dated by the day; placed at the consultation it was written at.
        at: rows.find((c) => c.id === p.consultationId)?.heldAt ?? p.createdAt,
        kind: 'prescription',
        section: 'medical' as const,
        refId: p.id,
        label: String(p.lines.length),
        detail: names.get(p.prescriberId) ?? null,
      })),
    ];
  },
};

const specialist: SectionDefinition<ConsultationRow> = {
  capability: 'consultations',
  section: 'specialist',
  linked: [],
  timelineKinds: ['specialist_consultation'],
  load: specialistConsultationsOf,
  timeline: async (rows, { em }) => {
    const names = await staffNames(
      em,
      rows.map((c) => c.createdBy),
    );
    return rows.map((c) => ({
      at: c.heldAt,
      kind: 'specialist_consultation',
      section: 'specialist' as const,
      refId: c.id,
      // The specialty code: the renderer names it.
      label: c.kind,
      detail: c.createdBy ? (names.get(c.createdBy) ?? null) : null,
    }));
  },
};

export const consultationsSection = defineSection(medical);
export const specialistSection = defineSection(specialist);

export const consultationsForPerson = sectionReader(medical, (rows, { dossier }) =>
  consultationViews(dossier.em, rows),
);

export const specialistForPerson = sectionReader(specialist, async (rows, { dossier }) => {
  const names = await staffNames(
    dossier.em,
    rows.map((c) => c.createdBy),
  );
  return rows.map((c) => toSpecialistConsultation(c, names));
});
