/** Where things go on the agenda grid: hours shown, closed bands, and side-by-side overlaps. */
import type { Appointment, Site } from '../../../shared/contract';
import { minutesOf, siteClock } from './site-time';

export type OpeningHours = Site['openingHours'];
export type Interval = [number, number];

const DEFAULT_START = 8 * 60;
const DEFAULT_END = 19 * 60;

/** Open intervals of one weekday in minutes; null: the site is always open. */
export function openIntervals(hours: OpeningHours, weekday: number): Interval[] | null {
  if (!hours) return null;
  const key = String(weekday) as keyof NonNullable<OpeningHours>;
  return (hours[key] ?? [])
    .map(([from, to]): Interval => [minutesOf(from) ?? 0, minutesOf(to) ?? 0])
    .filter(([a, b]) => a < b)
    .sort((a, b) => a[0] - b[0]);
}

/** The complement of the open intervals within the hours shown: what to grey out. */
export function closedBands(open: Interval[] | null, start: number, end: number): Interval[] {
  if (open === null) return [];
  const bands: Interval[] = [];
  let cursor = start;
  for (const [a, b] of open) {
    if (a > cursor) bands.push([cursor, Math.min(a, end)]);
    cursor = Math.max(cursor, b);
  }
  if (cursor < end) bands.push([cursor, end]);
  return bands.filter(([a, b]) => a < b);
}

/** Whole hours covering the opening hours of the days shown and every appointment in them. */
export function hoursShown(
  hours: OpeningHours,
  weekdays: number[],
  placed: { start: number; end: number }[],
): Interval {
  let start = DEFAULT_START;
  let end = DEFAULT_END;
  for (const day of weekdays) {
    for (const [a, b] of openIntervals(hours, day) ?? []) {
      start = Math.min(start, a);
      end = Math.max(end, b);
    }
  }
  for (const p of placed) {
    start = Math.min(start, p.start);
    end = Math.max(end, p.end);
  }
  return [Math.floor(start / 60) * 60, Math.min(24 * 60, Math.ceil(end / 60) * 60)];
}

export interface Placed {
  appointment: Appointment;
  date: string;
  start: number;
  end: number;
  lane: number;
  lanes: number;
}

/** Appointments with their local day and minutes in the site's zone (a block never spans two days). */
export function placeAll(appointments: Appointment[], timeZone: string): Omit<Placed, 'lane' | 'lanes'>[] {
  return appointments.map((appointment) => {
    const from = siteClock(new Date(appointment.startsAt), timeZone);
    const to = siteClock(new Date(appointment.endsAt), timeZone);
    const end = to.date === from.date ? to.minutes : 24 * 60;
    return { appointment, date: from.date, start: from.minutes, end: Math.max(end, from.minutes + 15) };
  });
}

/** Overlapping appointments of a day share the width: each gets a lane within its cluster. */
export function assignLanes(items: Omit<Placed, 'lane' | 'lanes'>[]): Placed[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Placed[] = [];
  let cluster: Placed[] = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    for (const p of cluster) out.push({ ...p, lanes });
    cluster = [];
  };
  for (const item of sorted) {
    if (item.start >= clusterEnd && cluster.length > 0) closeCluster();
    const laneEnds: number[] = [];
    for (const p of cluster) laneEnds[p.lane] = Math.max(laneEnds[p.lane] ?? 0, p.end);
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane === -1) lane = laneEnds.length;
    cluster.push({ ...item, lane, lanes: 1 });
    clusterEnd = Math.max(clusterEnd, item.end);
  }
  if (cluster.length > 0) closeCluster();
  return out;
}
