import { entityAdapter, refs } from '../../interchange/entity-adapter';
import { toAppointments } from './appointments-service';
import { AppointmentEntity } from './entities';

// The record carries no names: the view is built without looking any up.
const NO_LOOKUP = { persons: new Map(), names: new Map() };

export const appointmentAdapter = entityAdapter({
  type: 'appointment',
  entity: AppointmentEntity,
  view: (rows, em) => toAppointments(em, rows, NO_LOOKUP),
  // `type` names the record type in the format.
  viewNames: { appointmentType: 'type' },
  rowNames: { appointmentType: 'type' },
  // The agenda compares instants as text: they are kept in one form (UTC, milliseconds).
  derive: (r) => ({ startsAt: new Date(r.startsAt).toISOString(), endsAt: new Date(r.endsAt).toISOString() }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['professionalId', 'user', r.professionalId],
    ),
});
