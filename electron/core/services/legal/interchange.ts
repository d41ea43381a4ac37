/**
 * Legal records of the interchange format (docs/violence-care.md, section 9): `legal_procedure`
 * (its `type` column is the record's `procedureType`: `type` names the record), `legal_step` and
 * `hearing`, each the row's columns with its author. The import applies the screens' rules: no
 * opening in the future, a complaint names an incident of the same person, the lawyer is a
 * directory entry of category `lawyer`, a step or hearing names a procedure of the same person
 * and is not before its opening.
 */
import type { EntityManager } from 'typeorm';
import type { FileRecords } from '../../interchange/adapter';
import { authoredAdapter, entityAdapter, refs } from '../../interchange/entity-adapter';
import {
  AUTHOR_COLUMN,
  dayInFuture as inFuture,
  lineRefusals,
  personMerged,
} from '../../interchange/record-rules';
import { incidentRequired } from '../../../../shared/domain/legal';
import { addCalendar } from '../../../../shared/domain/schedules';
import { findEntry } from '../directory/repository';
import { findIncident } from '../violence/repository';
import { HearingEntity, LegalStepEntity, ProcedureEntity } from './entities';
import { findProcedure } from './repository';

async function procedureOf(
  em: EntityManager,
  file: FileRecords,
  id: string,
): Promise<{ personId: string; openedOn: string } | null> {
  return file.find('legal_procedure', id) ?? (await findProcedure(em, id));
}

export const legalProcedureAdapter = entityAdapter({
  type: 'legal_procedure',
  entity: ProcedureEntity,
  view: (rows) => rows.map((r) => ({ ...r, procedureType: r.type, authorId: r.createdBy })),
  rowNames: { ...AUTHOR_COLUMN, procedureType: 'type' },
  batched: () => false,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      const incident = r.incidentId
        ? (file.find('violence_incident', r.incidentId) ?? (await findIncident(em, r.incidentId)))
        : null;
      const lawyer = r.lawyerEntryId
        ? (file.find('directory_entry', r.lawyerEntryId) ?? (await findEntry(em, r.lawyerEntryId)))
        : null;
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
      else if (inFuture(r.openedOn, file.now)) refuse('openedOn', 'date_in_future');
      else if (incidentRequired(r.procedureType) && !r.incidentId) refuse('incidentId', 'incident_required');
      else if (incident && incident.personId !== r.personId) refuse('incidentId', 'unknown_incident');
      else if (lawyer && lawyer.category !== 'lawyer') refuse('lawyerEntryId', 'entry_category_mismatch');
    }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['incidentId', 'violence_incident', r.incidentId],
      ['lawyerEntryId', 'directory_entry', r.lawyerEntryId],
      ['followerId', 'user', r.followerId],
      ['authorId', 'user', r.authorId],
    ),
});

export const legalStepAdapter = authoredAdapter({
  type: 'legal_step',
  entity: LegalStepEntity,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      const procedure = await procedureOf(em, file, r.procedureId);
      if (procedure && procedure.personId !== r.personId) refuse('procedureId', 'unknown_procedure');
      else if (procedure && r.on < procedure.openedOn) refuse('on', 'before_procedure_opened');
    }),
  references: (r) =>
    refs(
      ['procedureId', 'legal_procedure', r.procedureId],
      ['personId', 'person', r.personId],
      ['authorId', 'user', r.authorId],
    ),
});

export const hearingAdapter = authoredAdapter({
  type: 'hearing',
  entity: HearingEntity,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      const procedure = await procedureOf(em, file, r.procedureId);
      if (procedure && procedure.personId !== r.personId) refuse('procedureId', 'unknown_procedure');
      // A day of margin: the file carries no zone, and a hearing is a day at its site.
      else if (procedure && r.startsAt.slice(0, 10) < addCalendar(procedure.openedOn, { days: -1 }))
        refuse('startsAt', 'hearing_before_procedure');
    }),
  references: (r) =>
    refs(
      ['procedureId', 'legal_procedure', r.procedureId],
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['authorId', 'user', r.authorId],
    ),
});
