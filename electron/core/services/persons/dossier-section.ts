/**
 * The person's own sections: identity (the file itself, its creation in the timeline, the
 * never-contact alert) and consent
 * (the consents in force in the header, their history in the timeline).
 */
import { defineSection, type Authored, type SectionDefinition } from '../../dossier/section';
import { staffNames } from '../users/staff-names';
import { consentHistory, currentFrom } from './consents';
import { consentsTable, loadPerson, type ConsentRow, type PersonRow } from './repository';

const identity: SectionDefinition<PersonRow> = {
  capability: 'persons',
  section: 'identity',
  // Break-the-glass grants stay on the file they were given for: an emergency access to a
  // duplicate must not become one to the surviving file after a merge (it expires within the hour).
  linked: [],
  timelineKinds: ['created'],
  load: async (em, personId) => [await loadPerson(em, personId)],
  timeline: (rows) =>
    rows.map((p) => ({
      at: p.createdAt,
      kind: 'created',
      section: 'identity',
      refId: p.id,
      label: 'created',
      detail: p.fileNumber,
    })),
  alerts: (rows) => (rows[0]?.neverContact ? [{ kind: 'never_contact', at: null, hoursLeft: null }] : []),
};

/** A consent record is "written" by whoever recorded it. */
type ConsentRecord = ConsentRow & Authored;

const consent: SectionDefinition<ConsentRecord> = {
  capability: 'persons',
  section: 'consent',
  linked: [consentsTable],
  timelineKinds: ['consent'],
  load: async (em, personId) =>
    (await consentHistory(em, personId)).map((c) => ({ ...c, createdBy: c.recordedBy })),
  timeline: (rows) =>
    rows.map((c) => ({
      at: c.recordedAt,
      kind: 'consent',
      section: 'consent',
      refId: c.id,
      label: c.given ? 'given' : 'withdrawn',
      detail: c.scope,
    })),
  summary: async (rows, { em, canRead }) =>
    canRead('consent')
      ? {
          consents: currentFrom(
            rows,
            await staffNames(
              em,
              rows.map((c) => c.recordedBy),
            ),
          ),
        }
      : {},
};

export const identitySection = defineSection(identity);
export const consentSection = defineSection(consent);
