import type { RecordOf } from '../../../../shared/contract/interchange';
import { entityAdapter, refs, versioned } from '../../interchange/entity-adapter';
import { InterviewEntity, type InterviewRow } from './entities';

export const interviewAdapter = entityAdapter({
  type: 'interview',
  entity: InterviewEntity,
  toRecord: (i: InterviewRow): RecordOf<'interview'> => ({
    type: 'interview',
    id: i.id,
    personId: i.personId,
    visitId: i.visitId,
    heldAt: i.heldAt,
    reason: i.reason,
    lastRiskAt: i.lastRiskAt,
    exposures: i.exposures,
    practices: i.practices,
    partnersCount: i.partnersCount,
    prevention: i.prevention,
    substances: i.substances,
    chemsex: i.chemsex,
    violenceScreening: i.violenceScreening,
    needs: i.needs,
    summary: i.summary,
    notes: i.notes,
    authorId: i.createdBy,
  }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['visitId', 'visit', r.visitId],
      ['authorId', 'user', r.authorId],
    ),
  toRow: (r, now, existing) => {
    const { type: _type, authorId, ...fields } = r;
    return { ...fields, createdBy: authorId, ...versioned(existing, now) };
  },
});
