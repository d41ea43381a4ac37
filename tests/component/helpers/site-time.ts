/** Dates and times in the test centre's zone (Europe/Paris), as the site's staff read them. */
const ZONE = 'Europe/Paris';

/** `YYYY-MM-DD` of an instant in the site's zone. */
export function siteDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** The Monday strictly after `date`. */
export function nextMonday(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return addDays(date, (8 - weekday) % 7 || 7);
}

/** A site wall-clock time as an ISO instant with the zone's offset on that day. */
export function siteInstant(date: string, time: string): string {
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const hours = Number(/GMT([+-]\d+)/.exec(offset ?? '')?.[1] ?? '0');
  const sign = hours >= 0 ? '+' : '-';
  return `${date}T${time}:00${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}
