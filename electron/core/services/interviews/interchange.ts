import { entityAdapter, refs } from '../../interchange/entity-adapter';
import { InterviewEntity } from './entities';
import { toInterview } from './interviews-service';

export const interviewAdapter = entityAdapter({
  type: 'interview',
  entity: InterviewEntity,
  view: (rows) => rows.map((i) => toInterview(i, new Map())),
  rowNames: { authorId: 'createdBy' },
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['visitId', 'visit', r.visitId],
      ['authorId', 'user', r.authorId],
    ),
});
