import type { RuleError } from '../../interchange/adapter';
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import { personOf } from '../../interchange/person-of';
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
  // Its checks read no other record of its type: new ones are written in batches.
  batched: () => true,
  // The agenda compares instants as text: they are kept in one form (UTC, milliseconds).
  derive: (r) => ({ startsAt: new Date(r.startsAt).toISOString(), endsAt: new Date(r.endsAt).toISOString() }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['professionalId', 'user', r.professionalId],
    ),
  /**
   * The booking screen's rules on the appointment itself and its person, before any write. Opening
   * hours and overlaps are not checked: a past agenda may predate today's hours and double bookings.
   */
  async checkLines(em, lines, file) {
    const errors: RuleError[] = [];
    for (const { line, record: r } of lines) {
      const refuse = (field: string, reason: string) => errors.push({ line, field, reason });
      if (Date.parse(r.endsAt) - Date.parse(r.startsAt) > 12 * 3600_000) {
        refuse('endsAt', 'too_long');
        continue;
      }
      const person = r.personId ? await personOf(em, file, r.personId) : null;
      if (person?.mergedInto) refuse('personId', 'person_merged');
      else if (person?.birthDate && r.startsAt.slice(0, 10) < person.birthDate)
        refuse('startsAt', 'before_birth');
    }
    return errors;
  },
});
