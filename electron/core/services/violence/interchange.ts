/**
 * Violence records of the interchange format (docs/violence-care.md, section 9): incidents
 * (`violence_incident`, with their protocol's state as decided when recorded), narratives
 * (`incident_narrative`), certificates of injuries (`injury_certificate`) and protocol steps
 * (`protocol_step`), each from its view. The import applies the screens' rules: no incident,
 * report, step or examination in the future, a time on the incident's date at its site, a report,
 * steps and an examination not before the incident, a narrative, a certificate or a step of an
 * incident of the same person, one step per item of an incident (also the unique index), the
 * texts a certificate requires not blank.
 */
import type { EntityManager } from 'typeorm';
import type { RecordOf } from '../../../../shared/contract/interchange';
import { allDifferent } from '../../../../shared/contract/violence';
import type { FileRecords } from '../../interchange/adapter';
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import {
  AUTHOR_COLUMN,
  dayInFuture as inFuture,
  lineRefusals,
  personMerged,
} from '../../interchange/record-rules';
import { localDate, localDayRange } from '../../../../shared/domain/zoned-time';
import { findSite } from '../centre/repository';
import { CertificateEntity, IncidentEntity, NarrativeEntity, ProtocolStepEntity } from './entities';
import { toCertificate } from './certificates';
import { isBlank } from '../../../../shared/domain/violence';
import { personOfLinked } from './links';
import { findIncident, stepsOfIncident } from './repository';
import { toIncident, toStep } from './violence-service';

async function incidentOf(
  em: EntityManager,
  file: FileRecords,
  id: string,
): Promise<{ personId: string; siteId: string; occurredOn: string; occurredAt: string | null } | null> {
  return file.find('violence_incident', id) ?? (await findIncident(em, id));
}

/** The zone of a site of the file or of the store: an incident's date is a day there. */
async function zoneOfSite(em: EntityManager, file: FileRecords, siteId: string): Promise<string> {
  return file.find('site', siteId)?.timezone ?? (await findSite(em, siteId))?.timezone ?? 'Europe/Paris';
}

/** The first instant a step may be dated, as the screen says: the incident's time, else its day's start. */
async function incidentStart(
  em: EntityManager,
  file: FileRecords,
  incident: { siteId: string; occurredOn: string; occurredAt: string | null },
): Promise<number> {
  if (incident.occurredAt) return Date.parse(incident.occurredAt);
  return localDayRange(incident.occurredOn, await zoneOfSite(em, file, incident.siteId))[0].getTime();
}

export const violenceIncidentAdapter = entityAdapter({
  type: 'violence_incident',
  entity: IncidentEntity,
  // The record carries the incident's own columns: no steps, no narrative, no names.
  view: (rows) => rows.map((r) => toIncident(r, [], false, new Map(), new Date())),
  rowNames: AUTHOR_COLUMN,
  batched: () => true,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
      else if (inFuture(r.occurredOn, file.now)) refuse('occurredOn', 'date_in_future');
      else if (!allDifferent(r.perpetrators)) refuse('perpetrators', 'values_repeated');
      else if (!allDifferent(r.seedTypes)) refuse('seedTypes', 'values_repeated');
      else if (r.occurredAt && inFuture(r.occurredAt, file.now)) refuse('occurredAt', 'date_in_future');
      else if (
        r.occurredAt &&
        localDate(new Date(r.occurredAt), await zoneOfSite(em, file, r.siteId)) !== r.occurredOn
      )
        refuse('occurredAt', 'time_not_on_date');
      else if (r.reportedOn && inFuture(r.reportedOn, file.now)) refuse('reportedOn', 'date_in_future');
      else if (r.reportedOn && r.reportedOn < r.occurredOn) refuse('reportedOn', 'before_incident');
    }),
  references: (r: RecordOf<'violence_incident'>) =>
    refs(['personId', 'person', r.personId], ['siteId', 'site', r.siteId], ['authorId', 'user', r.authorId]),
});

export const incidentNarrativeAdapter = entityAdapter({
  type: 'incident_narrative',
  entity: NarrativeEntity,
  view: (rows) => rows.map((r) => ({ ...r, authorId: r.createdBy })),
  rowNames: AUTHOR_COLUMN,
  batched: () => false,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      const incident = await incidentOf(em, file, r.incidentId);
      if (incident && incident.personId !== r.personId) refuse('incidentId', 'unknown_incident');
    }),
  references: (r: RecordOf<'incident_narrative'>) =>
    refs(
      ['incidentId', 'violence_incident', r.incidentId],
      ['personId', 'person', r.personId],
      ['authorId', 'user', r.authorId],
    ),
});

export const injuryCertificateAdapter = entityAdapter({
  type: 'injury_certificate',
  entity: CertificateEntity,
  view: (rows) => rows.map((r) => toCertificate(r, new Map())),
  rowNames: AUTHOR_COLUMN,
  batched: () => false,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      const incident = await incidentOf(em, file, r.incidentId);
      const blankLesion = r.lesions.findIndex((l) => isBlank(l.region) || isBlank(l.kind));
      if (inFuture(r.examinedAt, file.now)) refuse('examinedAt', 'date_in_future');
      else if (incident && incident.personId !== r.personId) refuse('incidentId', 'unknown_incident');
      else if (incident && Date.parse(r.examinedAt) < (await incidentStart(em, file, incident)))
        refuse('examinedAt', 'before_incident');
      else if (r.requestedBy === 'requisition' && isBlank(r.requisitionRef))
        refuse('requisitionRef', 'requisition_ref_required');
      else if (r.identityCheck === 'document' && isBlank(r.identityDocument))
        refuse('identityDocument', 'identity_document_required');
      else if (blankLesion >= 0) refuse(`lesions.${blankLesion}.region`, 'lesion_incomplete');
    }),
  references: (r: RecordOf<'injury_certificate'>) =>
    refs(
      ['incidentId', 'violence_incident', r.incidentId],
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['doctorId', 'user', r.doctorId],
      ['replacesId', 'injury_certificate', r.replacesId],
      ['authorId', 'user', r.authorId],
    ),
});

export const protocolStepAdapter = entityAdapter({
  type: 'protocol_step',
  entity: ProtocolStepEntity,
  view: (rows) => rows.map((r) => toStep(r, new Map())),
  rowNames: AUTHOR_COLUMN,
  // One step per item of an incident is checked against the store: never batched.
  batched: () => false,
  checkLines(em, lines, file) {
    const itemsInFile = new Set<string>();
    return lineRefusals(lines, async (r, refuse) => {
      const incident = await incidentOf(em, file, r.incidentId);
      const key = `${r.incidentId} ${r.item}`;
      const stored = (await stepsOfIncident(em, r.incidentId)).find((s) => s.item === r.item);
      if (inFuture(r.doneAt, file.now)) refuse('doneAt', 'date_in_future');
      else if (incident && incident.personId !== r.personId) refuse('incidentId', 'unknown_incident');
      else if (incident && Date.parse(r.doneAt) < (await incidentStart(em, file, incident)))
        refuse('doneAt', 'before_incident');
      else if (itemsInFile.has(key) || (stored && stored.id !== r.id)) refuse('item', 'protocol_step_twice');
      else if ((r.linkedType === null) !== (r.linkedId === null))
        refuse('linkedId', 'linked_record_mismatch');
      else if (r.linkedType && r.linkedId) {
        const owner =
          file.find(r.linkedType, r.linkedId)?.personId ??
          (await personOfLinked(em, r.linkedType, r.linkedId));
        if (owner && owner !== r.personId) refuse('linkedId', 'linked_record_mismatch');
      }
      itemsInFile.add(key);
    });
  },
  references: (r: RecordOf<'protocol_step'>) =>
    refs(
      ['incidentId', 'violence_incident', r.incidentId],
      ['personId', 'person', r.personId],
      ['doneBy', 'user', r.doneBy],
      ['linkedId', r.linkedType ?? 'referral', r.linkedType ? r.linkedId : null],
      ['authorId', 'user', r.authorId],
    ),
});
