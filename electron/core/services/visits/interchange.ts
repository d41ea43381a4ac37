import type { RecordOf } from '../../../../shared/contract/interchange';
import { entityAdapter, refs, versioned } from '../../interchange/entity-adapter';
import { VisitEntity, type VisitRow } from './entities';

export const visitAdapter = entityAdapter({
  type: 'visit',
  entity: VisitEntity,
  toRecord: (v: VisitRow): RecordOf<'visit'> => ({
    type: 'visit',
    id: v.id,
    personId: v.personId,
    siteId: v.siteId,
    openedAt: v.openedAt,
    closedAt: v.closedAt,
    origin: v.origin,
    appointmentId: v.appointmentId,
    step: v.step,
    priority: v.priority,
    nextSteps: v.nextSteps,
  }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['appointmentId', 'appointment', r.appointmentId],
    ),
  toRow: (r, now, existing) => ({
    id: r.id,
    personId: r.personId,
    siteId: r.siteId,
    openedAt: r.openedAt,
    closedAt: r.closedAt,
    origin: r.origin,
    appointmentId: r.appointmentId,
    step: r.step,
    stepSince: existing?.step === r.step ? existing.stepSince : (r.closedAt ?? r.openedAt),
    withUserId: existing?.withUserId ?? null,
    priority: r.priority,
    nextSteps: r.nextSteps,
    requeued: existing?.requeued ?? 0,
    createdBy: existing?.createdBy ?? null,
    ...versioned(existing, now),
  }),
});
