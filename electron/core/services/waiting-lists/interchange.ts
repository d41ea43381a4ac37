/**
 * The waiting lists in the interchange format: `workshop` (centre data) and `waiting_list_entry`
 * (a person's record). Their records are the rows' own columns (nothing is derived for screens),
 * so the rows are the view the records are read from.
 */
import { workshopHasSeat } from '../../../../shared/domain/waiting-lists';
import type { RuleError } from '../../interchange/adapter';
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import { personOf } from '../../interchange/person-of';
import { WaitingListEntryEntity, WorkshopEntity } from './entities';
import { findWorkshop, seatHolderIds } from './repository';

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
  /**
   * The screens' rules: never on a merged file; a request before the person's birth is refused;
   * a workshop takes no more seats than its capacity, the store's seats and the file's together
   * (an entry of the file replaces the stored one of the same id).
   */
  async checkLines(em, lines, file) {
    const errors: RuleError[] = [];
    const inFile = new Set(lines.map(({ record }) => record.id));
    const seats = new Map<string, number>();
    for (const { line, record: r } of lines) {
      const person = await personOf(em, file, r.personId);
      if (person?.mergedInto) errors.push({ line, field: 'personId', reason: 'person_merged' });
      else if (person?.birthDate && r.requestedOn < person.birthDate)
        errors.push({ line, field: 'requestedOn', reason: 'before_birth' });
      if (!r.workshopId || (r.status !== 'booked' && r.status !== 'seen')) continue;
      let taken = seats.get(r.workshopId);
      if (taken === undefined)
        taken = (await seatHolderIds(em, r.workshopId)).filter((id) => !inFile.has(id)).length;
      const capacity =
        file.find('workshop', r.workshopId)?.capacity ?? (await findWorkshop(em, r.workshopId))?.capacity;
      if (capacity !== undefined && !workshopHasSeat(capacity, taken))
        errors.push({ line, field: 'workshopId', reason: 'workshop_full' });
      seats.set(r.workshopId, taken + 1);
    }
    return errors;
  },
});
