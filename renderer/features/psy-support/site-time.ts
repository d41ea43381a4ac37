/**
 * Sessions and appointments are typed and shown as the site's wall clock (the record's site, else
 * the workstation's current one), whatever zone the workstation is set to.
 */
import { parseCalendarDate } from '../../../shared/domain/schedules';
import { localDate, localParts, zonedToUtc } from '../../../shared/domain/zoned-time';
import { useCentre } from '../centre/api';
import { useCurrentSite } from '../visits/current-site';

export const workstationZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The zone of this site (or of the current site when none is named). */
export function useSiteZone(siteId: string | null): string {
  const { siteId: current } = useCurrentSite();
  const centre = useCentre();
  const site = centre.data?.sites.find((s) => s.id === (siteId ?? current));
  return site?.timezone ?? workstationZone();
}

/** The site's calendar date and "HH:MM" of an instant. */
export function siteDateTime(iso: string, timeZone: string): { date: string; time: string } {
  const at = new Date(iso);
  const p = localParts(at, timeZone);
  return {
    date: localDate(at, timeZone),
    time: `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`,
  };
}

/** The instant of a date and a wall-clock time at the site; null when either is not well formed. */
export function instantAt(date: string, time: string, timeZone: string): string | null {
  if (!/^\d{2}:\d{2}$/.test(time) || !parseCalendarDate(date)) return null;
  const at = zonedToUtc(date, time, timeZone);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
