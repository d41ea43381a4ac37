import type { RecordOf } from '../../../../shared/contract/interchange';
import { entityAdapter, refs, versioned } from '../../interchange/entity-adapter';
import { AppointmentEntity, type AppointmentRow } from './entities';

export const appointmentAdapter = entityAdapter({
  type: 'appointment',
  entity: AppointmentEntity,
  toRecord: (a: AppointmentRow): RecordOf<'appointment'> => ({
    type: 'appointment',
    id: a.id,
    personId: a.personId,
    siteId: a.siteId,
    professionalId: a.professionalId,
    room: a.room,
    appointmentType: a.type,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    walkInSlot: a.walkInSlot,
    status: a.status,
    notes: a.notes,
  }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['professionalId', 'user', r.professionalId],
    ),
  toRow: (r, now, existing) => ({
    id: r.id,
    personId: r.personId,
    siteId: r.siteId,
    professionalId: r.professionalId,
    room: r.room,
    type: r.appointmentType,
    startsAt: new Date(r.startsAt).toISOString(),
    endsAt: new Date(r.endsAt).toISOString(),
    walkInSlot: r.walkInSlot,
    status: r.status,
    notes: r.notes,
    createdBy: existing?.createdBy ?? null,
    ...versioned(existing, now),
  }),
});
