import type { RuleError } from '../../interchange/adapter';
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import { personOf } from '../../interchange/person-of';
import { findVisit } from '../visits/repository';
import { InterviewEntity } from './entities';
import { toInterview } from './interviews-service';

export const interviewAdapter = entityAdapter({
  type: 'interview',
  entity: InterviewEntity,
  view: (rows) => rows.map((i) => toInterview(i, new Map())),
  rowNames: { authorId: 'createdBy' },
  // Its checks read no other record of its type: new ones are written in batches.
  batched: () => true,
  /** The interview screen's rules (checkInterview), on every line before any write. */
  async checkLines(em, lines, file) {
    const errors: RuleError[] = [];
    for (const { line, record: r } of lines) {
      const refuse = (field: string, reason: string) => errors.push({ line, field, reason });
      const person = await personOf(em, file, r.personId);
      if (person?.mergedInto) refuse('personId', 'person_merged');
      else if (Date.parse(r.heldAt) > Date.now() + FUTURE_TOLERANCE_MS) refuse('heldAt', 'in_future');
      else if (person?.birthDate && r.heldAt.slice(0, 10) < person.birthDate)
        refuse('heldAt', 'before_birth');
      else if (r.lastRiskAt && Date.parse(r.lastRiskAt) > Date.parse(r.heldAt))
        refuse('lastRiskAt', 'after_interview');
      else if (r.visitId) {
        const visit = file.find('visit', r.visitId) ?? (await findVisit(em, r.visitId));
        if (visit && visit.personId !== r.personId) refuse('visitId', 'unknown_visit');
      }
    }
    return errors;
  },
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['visitId', 'visit', r.visitId],
      ['authorId', 'user', r.authorId],
    ),
});

/** Clocks of two machines differ a little: as the screen, a few minutes ahead is not "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
