/**
 * Test and Treat records of the interchange format: `to_treat` (from the panel's view),
 * `treatment` and `partner`. The import applies the screens' rules: no date in the future, no
 * treatment before its result, a pseudonym without a phone number or an e-mail (the schema), an
 * item, treatment or partner of the same person as what it hangs on.
 */
import type { EntityManager } from 'typeorm';
import type { RecordOf } from '../../../../shared/contract/interchange';
import type { FileRecords } from '../../interchange/adapter';
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import {
  AUTHOR_COLUMN,
  dayInFuture as inFuture,
  lineRefusals,
  personMerged,
  withAuthor,
} from '../../interchange/record-rules';
import { findResult } from '../screenings/repository';
import { PartnerEntity, ToTreatEntity, TreatmentEntity } from './entities';
import { findToTreat } from './repository';
import { toItems } from './treatments-service';

async function itemOf(
  em: EntityManager,
  file: FileRecords,
  id: string,
): Promise<{ personId: string } | null> {
  return file.find('to_treat', id) ?? (await findToTreat(em, id));
}

export const toTreatAdapter = entityAdapter({
  type: 'to_treat',
  entity: ToTreatEntity,
  view: (rows, em) =>
    toItems(
      em,
      rows.map((r) => ({ ...r, treatment: null, partners: [] })),
    ),
  rowNames: AUTHOR_COLUMN,
  batched: () => true,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
      else if (inFuture(r.openedOn, file.now)) refuse('openedOn', 'date_in_future');
      else if (r.treatedOn && inFuture(r.treatedOn, file.now)) refuse('treatedOn', 'date_in_future');
      else if (r.treatedOn && r.treatedOn < r.openedOn) refuse('treatedOn', 'treatment_before_result');
    }),
  references: (r: RecordOf<'to_treat'>) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['resultId', 'result', r.resultId],
      ['authorId', 'user', r.authorId],
    ),
});

export const treatmentAdapter = entityAdapter({
  type: 'treatment',
  entity: TreatmentEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => true,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      const item = r.toTreatId ? await itemOf(em, file, r.toTreatId) : null;
      const resultId = item && 'resultId' in item ? (item.resultId as string) : null;
      const result = resultId ? (file.find('result', resultId) ?? (await findResult(em, resultId))) : null;
      if (inFuture(r.givenAt, file.now)) refuse('givenAt', 'date_in_future');
      else if (item && item.personId !== r.personId) refuse('toTreatId', 'unknown_to_treat');
      else if (result && Date.parse(r.givenAt) < Date.parse(result.resultedAt))
        refuse('givenAt', 'treatment_before_result');
    }),
  references: (r: RecordOf<'treatment'>) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['toTreatId', 'to_treat', r.toTreatId],
      ['givenBy', 'user', r.givenBy],
      ['authorId', 'user', r.authorId],
    ),
});

export const partnerAdapter = entityAdapter({
  type: 'partner',
  entity: PartnerEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => true,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      const item = await itemOf(em, file, r.toTreatId);
      if (item && item.personId !== r.personId) refuse('toTreatId', 'unknown_to_treat');
      else if (inFuture(r.statusOn, file.now)) refuse('statusOn', 'date_in_future');
    }),
  references: (r: RecordOf<'partner'>) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['toTreatId', 'to_treat', r.toTreatId],
      ['authorId', 'user', r.authorId],
    ),
});
