/**
 * "Who looked at my file", summarised for the person: one line per reader, local day, section and
 * action, with how many times and the first and last time, and the written reasons of any
 * break-the-glass among them. A morning of tab reads is then one line per tab, not three pages.
 * Pure: the core's PDF and the screens group the same way.
 */
import { localDate, localTime } from './zoned-time';

export interface AccessLogEntry {
  /** ISO instant (UTC). */
  at: string;
  /** Who: an account id when known, else their name; null for the system. */
  readerId: string | null;
  readerName: string | null;
  section: string | null;
  action: string;
  reason: string | null;
}

export interface AccessLogGroup {
  readerId: string | null;
  readerName: string | null;
  /** The local day, `YYYY-MM-DD` in the site's time zone. */
  day: string;
  section: string | null;
  action: string;
  count: number;
  /** Local times `HH:mm` of the first and last entry of the group. */
  firstTime: string;
  lastTime: string;
  /** ISO instant of the last entry: groups are ordered newest first by it. */
  lastAt: string;
  /** Written reasons (break-the-glass), each once, in the order they were given. */
  reasons: string[];
}

export function groupAccessLog(entries: readonly AccessLogEntry[], timeZone: string): AccessLogGroup[] {
  const groups = new Map<string, AccessLogGroup & { firstAt: string }>();
  for (const entry of entries) {
    const at = new Date(entry.at);
    const day = localDate(at, timeZone);
    const key = JSON.stringify([entry.readerId, day, entry.section, entry.action]);
    let group = groups.get(key);
    if (!group) {
      group = {
        readerId: entry.readerId,
        readerName: entry.readerName,
        day,
        section: entry.section,
        action: entry.action,
        count: 0,
        firstAt: entry.at,
        lastAt: entry.at,
        firstTime: localTime(at, timeZone),
        lastTime: localTime(at, timeZone),
        reasons: [],
      };
      groups.set(key, group);
    }
    group.count += 1;
    // ISO instants in UTC compare as text; the log's order (newest first or not) does not matter.
    if (entry.at < group.firstAt) {
      group.firstAt = entry.at;
      group.firstTime = localTime(at, timeZone);
    }
    if (entry.at > group.lastAt) {
      group.lastAt = entry.at;
      group.lastTime = localTime(at, timeZone);
    }
    if (entry.reason && !group.reasons.includes(entry.reason)) group.reasons.push(entry.reason);
  }
  return [...groups.values()]
    .sort((a, b) => (a.lastAt === b.lastAt ? 0 : a.lastAt < b.lastAt ? 1 : -1))
    .map(({ firstAt: _firstAt, ...group }) => group);
}
