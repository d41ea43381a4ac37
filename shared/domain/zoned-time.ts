/**
 * Times are stored in UTC and reasoned about in the site's local time (opening hours, "tomorrow").
 * Intl gives the wall-clock parts of an instant in any IANA zone without extra dependencies.
 */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 1,
  };
}

/** "HH:MM" of an instant in a zone. */
export function localTime(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/**
 * The calendar date of an instant in a zone. Asked on every worklist call for each site: the answer
 * for the instant's minute is kept (since 1980 every zone's offset is a whole number of minutes —
 * Monrovia's −0:44:30 ended in 1972 — so a date never changes within a minute; older instants are
 * computed each time).
 */
export function localDate(instant: Date, timeZone: string): string {
  if (instant.getTime() < WHOLE_MINUTE_OFFSETS_SINCE) return formatLocalDate(instant, timeZone);
  const key = `${timeZone}|${Math.floor(instant.getTime() / 60_000)}`;
  const known = datesSeen.get(key);
  if (known !== undefined) return known;
  const date = formatLocalDate(instant, timeZone);
  if (datesSeen.size >= 256) datesSeen.clear();
  datesSeen.set(key, date);
  return date;
}

const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1980, 0, 1);
const datesSeen = new Map<string, string>();

function formatLocalDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The UTC instant at which a local wall-clock time occurs in a zone. */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wanted;
  // Two corrections settle any offset, DST transitions included.
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), timeZone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wanted - seen;
  }
  return new Date(guess);
}

/** [start, end) in UTC of a local calendar day. */
export function localDayRange(date: string, timeZone: string): [Date, Date] {
  const start = zonedToUtc(date, '00:00', timeZone);
  const next = new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1),
  );
  return [start, zonedToUtc(next.toISOString().slice(0, 10), '00:00', timeZone)];
}

/** An IANA time zone this runtime knows ("Europe/Paris"); anything else would break every local time. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
