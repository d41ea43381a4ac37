/**
 * The pure logic behind the reception board, the agenda and the directory screens: site time
 * across a DST change, closed bands from opening hours, side-by-side overlaps, the opening-hours
 * editor's checks and the directory's "older than 12 months" rule.
 */
import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../shared/contract';
import {
  assignLanes,
  closedBands,
  hoursShown,
  openIntervals,
  placeAll,
} from '../../renderer/features/appointments/agenda-layout';
import {
  addDays,
  mondayOf,
  siteClock,
  siteInstant,
  weekdayOf,
} from '../../renderer/features/appointments/site-time';
import { hoursProblems, normalizeHours } from '../../renderer/features/centre/opening-hours';
import { isStale } from '../../renderer/features/directory/verification';
import { waitingColor } from '../../renderer/features/visits/board-layout';

function appointment(id: string, startsAt: string, endsAt: string): Appointment {
  return {
    id,
    personId: null,
    personName: null,
    fileNumber: null,
    siteId: 's',
    professionalId: 'p',
    professionalName: null,
    room: null,
    type: 'screening',
    startsAt,
    endsAt,
    walkInSlot: false,
    status: 'booked',
    notes: null,
    version: 1,
  };
}

describe('site time', () => {
  it('reads and writes wall-clock times in the site zone, on both sides of a DST change', () => {
    expect(siteInstant('2026-03-28', '09:00', 'Europe/Paris').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(siteInstant('2026-03-30', '09:00', 'Europe/Paris').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(siteClock(new Date('2026-03-30T07:00:00Z'), 'Europe/Paris')).toEqual({
      date: '2026-03-30',
      minutes: 9 * 60,
      weekday: 1,
    });
    expect(siteInstant('2026-07-01', '10:30', 'America/Martinique').toISOString()).toBe(
      '2026-07-01T14:30:00.000Z',
    );
  });

  it('does calendar arithmetic without time zones', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekdayOf('2026-11-22')).toBe(7);
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
  });
});

describe('agenda layout', () => {
  const hours = { '1': [['09:00', '13:00'] as [string, string], ['14:00', '18:00'] as [string, string]] };

  it('greys what lies outside the opening intervals, and nothing for a site always open', () => {
    expect(closedBands(openIntervals(hours, 1), 8 * 60, 19 * 60)).toEqual([
      [480, 540],
      [780, 840],
      [1080, 1140],
    ]);
    expect(closedBands(openIntervals(hours, 6), 480, 1140)).toEqual([[480, 1140]]);
    expect(closedBands(openIntervals(null, 6), 480, 1140)).toEqual([]);
  });

  it('shows whole hours covering the opening hours and every appointment', () => {
    expect(hoursShown(hours, [1], [])).toEqual([480, 1140]);
    expect(hoursShown(hours, [1], [{ start: 7 * 60 + 15, end: 7 * 60 + 45 }])).toEqual([420, 1140]);
  });

  it('puts overlapping appointments side by side and leaves the others full width', () => {
    const placed = assignLanes(
      placeAll(
        [
          appointment('a', '2026-11-23T09:00:00+01:00', '2026-11-23T10:00:00+01:00'),
          appointment('b', '2026-11-23T09:30:00+01:00', '2026-11-23T10:30:00+01:00'),
          appointment('c', '2026-11-23T10:00:00+01:00', '2026-11-23T10:15:00+01:00'),
          appointment('d', '2026-11-23T15:00:00+01:00', '2026-11-23T15:30:00+01:00'),
        ],
        'Europe/Paris',
      ),
    );
    const byId = Object.fromEntries(placed.map((p) => [p.appointment.id, [p.lane, p.lanes]]));
    expect(byId).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2], d: [0, 1] });
  });
});

describe('opening hours editor', () => {
  it('names each wrong interval by its contract path', () => {
    expect(
      hoursProblems({
        '1': [
          ['14:00', '18:00'],
          ['09:00', '13:00'],
        ],
        '2': [['10:00', '09:00']],
        '3': [
          ['09:00', '13:00'],
          ['12:00', '15:00'],
        ],
        '4': [['9h', '12:00']],
      }),
    ).toEqual({
      'openingHours.2.0': 'intervalOrder',
      'openingHours.3.1': 'overlap',
      'openingHours.4.0': 'timeFormat',
    });
    expect(hoursProblems(null)).toEqual({});
  });

  it('sends intervals in order and leaves closed days out', () => {
    expect(
      normalizeHours({
        '1': [
          ['14:00', '18:00'],
          ['09:00', '13:00'],
        ],
        '2': [],
      }),
    ).toEqual({
      '1': [
        ['09:00', '13:00'],
        ['14:00', '18:00'],
      ],
    });
  });
});

describe('board and directory rules', () => {
  it('colours waiting times from 30 and 60 minutes', () => {
    expect([waitingColor(29), waitingColor(30), waitingColor(60)]).toEqual(['dimmed', 'orange.8', 'red.8']);
  });

  it('marks an entry never checked, or checked more than 12 months ago', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(isStale(null, now)).toBe(true);
    expect(isStale('2025-11-21T10:00:00Z', now)).toBe(true);
    expect(isStale('2025-12-01T10:00:00Z', now)).toBe(false);
  });
});
