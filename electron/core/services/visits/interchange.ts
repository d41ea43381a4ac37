import { entityAdapter, refs } from '../../interchange/entity-adapter';
import { VisitEntity } from './entities';
import { toVisit } from './visits-service';

export const visitAdapter = entityAdapter({
  type: 'visit',
  entity: VisitEntity,
  // The full view (not `visitFor`, which hides priority reasons from some readers).
  view: (rows) => rows.map((v) => toVisit(v, new Map())),
  // The step's start is not carried: an imported step began when the visit closed (or opened).
  derive: (r, existing) => ({
    stepSince: existing?.step === r.step ? existing.stepSince : (r.closedAt ?? r.openedAt),
  }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['appointmentId', 'appointment', r.appointmentId],
    ),
});
