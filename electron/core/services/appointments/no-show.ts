/**
 * An appointment not honoured by the end of its day becomes "absent" (`no_show`): the day is the
 * site's local day, so an evening appointment is not absent at midnight UTC. There is no clock
 * job in the core: the rule is applied where an appointment is looked at for the day's work — the
 * agenda that shows it and the check-in of its person — so what a screen shows is never stale,
 * and each change is audited on the person's pathway by whoever's call applied it.
 */
import type { EntityManager } from 'typeorm';
import { localDate } from '../../../../shared/domain/zoned-time';
import { findSite } from '../centre/repository';
import { bookedOfPersonBefore, markNoShow, type AppointmentRow } from './repository';

/** The booked appointments among `rows` whose local day has ended, now marked absent (new versions). */
export async function applyNoShows(
  em: EntityManager,
  rows: readonly AppointmentRow[],
  now: Date,
): Promise<AppointmentRow[]> {
  const zones = new Map<string, string>();
  const changed: AppointmentRow[] = [];
  for (const row of rows) {
    if (row.status !== 'booked') continue;
    let zone = zones.get(row.siteId);
    if (zone === undefined) {
      zone = (await findSite(em, row.siteId))?.timezone ?? 'UTC';
      zones.set(row.siteId, zone);
    }
    if (localDate(new Date(row.startsAt), zone) >= localDate(now, zone)) continue;
    changed.push(await markNoShow(em, row, now));
  }
  return changed;
}

/** A person's past appointments still booked (any site), marked absent: at their check-in. */
export async function noShowsOfPerson(
  em: EntityManager,
  personId: string,
  now: Date,
): Promise<AppointmentRow[]> {
  // Started before now: only those can belong to a day that has ended (the zone decides which).
  return applyNoShows(em, await bookedOfPersonBefore(em, personId, now.toISOString()), now);
}
