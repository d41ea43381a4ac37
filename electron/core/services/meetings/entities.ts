/**
 * Coordination meetings (docs/violence-care.md, section 3): the meeting itself is centre data (a
 * site, a date, who took part; no person), each person discussed is a `meeting_case` row of the
 * `case_plan` section with the decisions taken for her.
 */
import { EntitySchema } from 'typeorm';
import { ID, LIST, recordColumnsSchema, type RecordColumns } from '../../db/record';

const DATE = { type: 'varchar', length: 10 } as const;
const createdBy = { ...ID, name: 'created_by', nullable: true } as const;

export interface CoordinationMeetingRow extends RecordColumns {
  id: string;
  siteId: string;
  /** The site's local date the meeting was held. */
  heldOn: string;
  participantIds: string[];
  externalParticipants: string | null;
  generalNotes: string | null;
  createdBy: string | null;
}

export const CoordinationMeetingEntity = new EntitySchema<CoordinationMeetingRow>({
  name: 'CoordinationMeeting',
  tableName: 'coordination_meeting',
  columns: {
    id: { ...ID, primary: true },
    siteId: { ...ID, name: 'site_id', foreignKey: { target: 'site' } },
    heldOn: { ...DATE, name: 'held_on' },
    participantIds: { ...LIST, name: 'participant_ids' },
    externalParticipants: { type: 'varchar', length: 500, name: 'external_participants', nullable: true },
    generalNotes: { type: 'varchar', length: 4000, name: 'general_notes', nullable: true },
    createdBy,
    ...recordColumnsSchema,
  },
  // The list: a site's meetings, latest first.
  indices: [{ columns: ['siteId', 'heldOn'] }],
});

export interface MeetingCaseRow extends RecordColumns {
  id: string;
  meetingId: string;
  personId: string;
  planId: string;
  /** The order in which the persons were discussed. */
  position: number;
  decisions: string;
  createdBy: string | null;
}

export const MeetingCaseEntity = new EntitySchema<MeetingCaseRow>({
  name: 'MeetingCase',
  tableName: 'meeting_case',
  columns: {
    id: { ...ID, primary: true },
    meetingId: { ...ID, name: 'meeting_id', foreignKey: { target: 'coordination_meeting' } },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    planId: { ...ID, name: 'plan_id', foreignKey: { target: 'case_plan' } },
    position: { type: 'integer' },
    decisions: { type: 'varchar', length: 4000 },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['meetingId', 'personId'], unique: true }, { columns: ['personId'] }],
});
