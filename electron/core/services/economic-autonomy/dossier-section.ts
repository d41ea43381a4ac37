/**
 * Economic autonomy in the dossier (section `social`): the person's trainings and micro-credit
 * applications for the tab, read partially — a reader who may not read `social` in full sees the
 * records they wrote, and of an application only the steps they wrote. Its tables follow the file
 * on a merge. The timeline shows each training and application with its status (label keys only,
 * never a text); no alert.
 */
import type { TimelineItem } from '../../../../shared/contract/dossier';
import { defineSection, ownParts, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { toMicroCredit, toTraining } from './economic-autonomy-service';
import {
  microCreditStepsTable,
  microCreditsOfPerson,
  microCreditsTable,
  trainingsOfPerson,
  trainingsTable,
  type MicroCreditWithSteps,
  type TrainingRow,
} from './repository';

/** One record of the section: a training or an application (with its steps). */
export type EconomicRecord =
  ({ kind: 'training' } & TrainingRow) | ({ kind: 'micro_credit' } & MicroCreditWithSteps);

const economicAutonomy: SectionDefinition<EconomicRecord> = {
  capability: 'economic-autonomy',
  section: 'social',
  linked: [trainingsTable, microCreditsTable, microCreditStepsTable],
  timelineKinds: ['training', 'micro_credit'],
  load: async (em, personId) => {
    const [trainings, applications] = await Promise.all([
      trainingsOfPerson(em, personId),
      microCreditsOfPerson(em, personId),
    ]);
    return [
      ...trainings.map((t) => ({ ...t, kind: 'training' as const })),
      ...applications.map((a) => ({ ...a, kind: 'micro_credit' as const })),
    ];
  },
  timeline: (rows) =>
    rows.map((r): TimelineItem => ({
      at: r.createdAt,
      kind: r.kind,
      section: 'social',
      refId: r.id,
      label: r.status,
      detail: r.kind === 'training' ? r.field : null,
    })),
};

export const economicAutonomySection = defineSection(economicAutonomy);

export const economicAutonomyForPerson = sectionReader(
  economicAutonomy,
  (rows, { actor, dossier }, canRead) =>
    Promise.all(
      rows.map((r) =>
        r.kind === 'training'
          ? toTraining(dossier.em, r)
          : toMicroCredit(dossier.em, {
              ...r,
              // A reader who sees only what they wrote sees only the steps they wrote too.
              steps: ownParts({ canRead, readerId: actor.userId }, 'social', r.steps),
            }),
      ),
    ),
);
