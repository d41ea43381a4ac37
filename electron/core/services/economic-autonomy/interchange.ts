/**
 * Economic-autonomy records of the interchange format: `training`, `micro_credit` and
 * `micro_credit_step`, each the row's columns with its author. The import applies the screens'
 * rules: a training does not end before it starts, an application has a positive amount in a
 * currency and is not dated in the future, a step names an application of the same person and is
 * not before it.
 */
import type { EntityManager } from 'typeorm';
import type { FileRecords } from '../../interchange/adapter';
import { authoredAdapter, refs } from '../../interchange/entity-adapter';
import { dayInFuture as inFuture, lineRefusals, personMerged } from '../../interchange/record-rules';
import { endsBeforeStart } from '../../../../shared/domain/economic-autonomy';
import { MicroCreditEntity, MicroCreditStepEntity, TrainingEntity } from './entities';
import { findMicroCredit } from './repository';

async function applicationOf(
  em: EntityManager,
  file: FileRecords,
  id: string,
): Promise<{ personId: string; appliedOn: string } | null> {
  return file.find('micro_credit', id) ?? (await findMicroCredit(em, id));
}

export const trainingAdapter = authoredAdapter({
  type: 'training',
  entity: TrainingEntity,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
      else if (endsBeforeStart(r.startsOn, r.endsOn)) refuse('endsOn', 'end_before_start');
      else if (inFuture(r.statusOn, file.now)) refuse('statusOn', 'date_in_future');
    }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['providerEntryId', 'directory_entry', r.providerEntryId],
      ['authorId', 'user', r.authorId],
    ),
});

export const microCreditAdapter = authoredAdapter({
  type: 'micro_credit',
  entity: MicroCreditEntity,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
      else if (inFuture(r.appliedOn, file.now)) refuse('appliedOn', 'date_in_future');
    }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['lenderEntryId', 'directory_entry', r.lenderEntryId],
      ['authorId', 'user', r.authorId],
    ),
});

export const microCreditStepAdapter = authoredAdapter({
  type: 'micro_credit_step',
  entity: MicroCreditStepEntity,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      const application = await applicationOf(em, file, r.applicationId);
      if (application && application.personId !== r.personId) refuse('applicationId', 'unknown_application');
      else if (application && r.on < application.appliedOn) refuse('on', 'step_before_application');
    }),
  references: (r) =>
    refs(
      ['applicationId', 'micro_credit', r.applicationId],
      ['personId', 'person', r.personId],
      ['authorId', 'user', r.authorId],
    ),
});
