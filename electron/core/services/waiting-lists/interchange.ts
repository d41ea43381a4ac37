/**
 * The waiting lists in the interchange format: `workshop` (centre data) and `waiting_list_entry`
 * (a person's record). Their records are the rows' own columns (nothing is derived for screens),
 * so the rows are the view the records are read from.
 */
import type { RuleError } from '../../interchange/adapter';
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import { personOf } from '../../interchange/person-of';
import { WaitingListEntryEntity, WorkshopEntity } from './entities';

export const workshopAdapter = entityAdapter({
  type: 'workshop',
  entity: WorkshopEntity,
  view: (rows) => rows,
  batched: () => true,
  // Instants are compared as text: kept in one form (UTC, milliseconds), as the agenda's.
  derive: (r) => ({ startsAt: new Date(r.startsAt).toISOString(), endsAt: new Date(r.endsAt).toISOString() }),
  references: (r) => refs(['siteId', 'site', r.siteId], ['facilitatorId', 'user', r.facilitatorId]),
  checkLines(_em, lines) {
    const errors: RuleError[] = [];
    for (const { line, record: r } of lines)
      if (Date.parse(r.endsAt) <= Date.parse(r.startsAt))
        errors.push({ line, field: 'endsAt', reason: 'before_start' });
    return Promise.resolve(errors);
  },
});

export const waitingListEntryAdapter = entityAdapter({
  type: 'waiting_list_entry',
  entity: WaitingListEntryEntity,
  view: (rows) => rows,
  // Whoever referred wrote the entry.
  derive: (r) => ({ createdBy: r.requestedBy }),
  batched: () => true,
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['requestedBy', 'user', r.requestedBy],
      ['appointmentId', 'appointment', r.appointmentId],
      ['workshopId', 'workshop', r.workshopId],
    ),
  /** The screens' rules: never on a merged file; a request before the person's birth is refused. */
  async checkLines(em, lines, file) {
    const errors: RuleError[] = [];
    for (const { line, record: r } of lines) {
      const person = await personOf(em, file, r.personId);
      if (person?.mergedInto) errors.push({ line, field: 'personId', reason: 'person_merged' });
      else if (person?.birthDate && r.requestedOn < person.birthDate)
        errors.push({ line, field: 'requestedOn', reason: 'before_birth' });
    }
    return errors;
  },
});
