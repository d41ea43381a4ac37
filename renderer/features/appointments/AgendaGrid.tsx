/**
 * The time grid of a day or a week, in the site's time: hours down the side, one column per day,
 * closed hours greyed, appointments as blocks (side by side when they overlap). Each block is a
 * button; an empty open slot opens the booking form at that time.
 */
import { Box, Text, UnstyledButton } from '@mantine/core';
import { format } from 'date-fns';
import type { CSSProperties, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../shared/contract';
import { dateLocale } from '../../i18n/dates';
import { closedBands, openIntervals, type OpeningHours, type Placed } from './agenda-layout';
import { calendarDate, capitalizeFirst, hhmm, weekdayOf } from './site-time';

const HOUR_PX = 80;
const GUTTER_PX = 56;
const SLOT_MINUTES = 30;

const CLOSED_BACKGROUND =
  'repeating-linear-gradient(135deg, var(--mantine-color-gray-2) 0 6px, var(--mantine-color-gray-1) 6px 12px)';

function blockStyle(a: Appointment): CSSProperties {
  const base: CSSProperties = {
    borderRadius: 6,
    borderStyle: 'solid',
    borderWidth: 1,
    borderLeftWidth: 4,
    overflow: 'hidden',
    padding: '2px 6px',
    // A button centres its content: keep the time and name at the top of the block.
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'flex-start',
    textAlign: 'left',
  };
  if (a.status === 'cancelled')
    return {
      ...base,
      background: 'var(--mantine-color-gray-0)',
      borderColor: 'var(--mantine-color-gray-4)',
      opacity: 0.6,
      textDecoration: 'line-through',
    };
  if (a.status === 'no_show')
    return { ...base, background: 'var(--mantine-color-gray-2)', borderColor: 'var(--mantine-color-gray-6)' };
  if (a.status === 'arrived')
    return {
      ...base,
      background: 'var(--mantine-color-green-1)',
      borderColor: 'var(--mantine-color-green-7)',
    };
  if (a.walkInSlot)
    // Walk-in slots are visibly different: dashed, amber, with no one named.
    return {
      ...base,
      background: 'var(--mantine-color-yellow-0)',
      borderColor: 'var(--mantine-color-yellow-7)',
      borderStyle: 'dashed',
      borderLeftStyle: 'solid',
    };
  return { ...base, background: 'var(--mantine-color-teal-0)', borderColor: 'var(--mantine-color-teal-6)' };
}

function AppointmentBlock({
  placed,
  startOfGrid,
  onOpen,
}: {
  placed: Placed;
  startOfGrid: number;
  onOpen: (a: Appointment) => void;
}) {
  const { t } = useTranslation();
  const a = placed.appointment;
  const top = ((placed.start - startOfGrid) / 60) * HOUR_PX;
  const height = Math.max(22, ((placed.end - placed.start) / 60) * HOUR_PX - 2);
  const width = 100 / placed.lanes;
  const who =
    a.walkInSlot && !a.personName ? t('appointments.walkIn') : (a.personName ?? t('appointments.noPerson'));
  const time = `${hhmm(placed.start)}–${hhmm(placed.end % (24 * 60))}`;
  const type = t(`catalogue.appointmentTypes.${a.type}`);
  const status = t(`appointments.statuses.${a.status}`);
  return (
    <UnstyledButton
      onClick={(e) => {
        e.stopPropagation();
        onOpen(a);
      }}
      aria-label={t('appointments.blockLabel', {
        start: hhmm(placed.start),
        end: hhmm(placed.end),
        type,
        name: who,
        status,
      })}
      data-appointment={a.id}
      data-walk-in={a.walkInSlot || undefined}
      data-status={a.status}
      style={{
        ...blockStyle(a),
        position: 'absolute',
        top,
        height,
        left: `calc(${placed.lane * width}% + 2px)`,
        width: `calc(${width}% - 4px)`,
        zIndex: 2,
      }}
    >
      <Text size="xs" fw={700} lh={1.2} truncate>
        {time} · {who}
      </Text>
      {height >= 34 && (
        <Text size="xs" lh={1.2} c="dimmed" truncate>
          {type}
          {a.status !== 'booked' ? ` · ${status}` : ''}
          {a.professionalName ? ` · ${a.professionalName}` : ''}
        </Text>
      )}
      {height >= 52 && a.room && (
        <Text size="xs" lh={1.2} c="dimmed" truncate>
          {a.room}
        </Text>
      )}
    </UnstyledButton>
  );
}

export function AgendaGrid({
  days,
  today,
  range,
  openingHours,
  placed,
  onOpen,
  onSlot,
}: {
  days: string[];
  today: string;
  range: [number, number];
  openingHours: OpeningHours;
  placed: Placed[];
  onOpen: (a: Appointment) => void;
  onSlot: (date: string, minutes: number) => void;
}) {
  const { t } = useTranslation();
  const locale = dateLocale();
  const [start, end] = range;
  const height = ((end - start) / 60) * HOUR_PX;
  const hours: number[] = [];
  for (let m = start; m < end; m += 60) hours.push(m);
  const columns = `${GUTTER_PX}px repeat(${days.length}, minmax(0, 1fr))`;

  function slotAt(date: string, e: MouseEvent<HTMLDivElement>) {
    const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
    const minutes = start + Math.floor((y / HOUR_PX) * (60 / SLOT_MINUTES)) * SLOT_MINUTES;
    onSlot(date, Math.min(minutes, end - SLOT_MINUTES));
  }

  return (
    <Box
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden' }}
      bg="white"
    >
      <Box
        style={{
          display: 'grid',
          gridTemplateColumns: columns,
          borderBottom: '1px solid var(--mantine-color-gray-3)',
        }}
      >
        <Box />
        {days.map((day) => (
          <Box
            key={day}
            py={6}
            ta="center"
            bg={day === today ? 'teal.0' : undefined}
            style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Text size="sm" fw={day === today ? 700 : 600}>
              {capitalizeFirst(
                format(calendarDate(day), days.length > 1 ? 'EEE d MMM' : 'EEEE d MMMM', { locale }),
              )}
            </Text>
          </Box>
        ))}
      </Box>
      <Box style={{ display: 'grid', gridTemplateColumns: columns }}>
        <Box style={{ position: 'relative', height }}>
          {hours.map((m) => (
            <Text
              key={m}
              size="xs"
              c="dimmed"
              ta="right"
              pr={6}
              style={{ position: 'absolute', top: ((m - start) / 60) * HOUR_PX - 7, right: 0 }}
            >
              {m === start ? '' : t('appointments.hour', { hour: m / 60 })}
            </Text>
          ))}
        </Box>
        {days.map((day) => {
          const bands = closedBands(openIntervals(openingHours, weekdayOf(day)), start, end);
          return (
            <Box
              key={day}
              data-day={day}
              onClick={(e) => slotAt(day, e)}
              style={{
                position: 'relative',
                height,
                borderLeft: '1px solid var(--mantine-color-gray-3)',
                cursor: 'copy',
                backgroundImage: `repeating-linear-gradient(to bottom, transparent 0 ${HOUR_PX / 2 - 1}px, var(--mantine-color-gray-1) ${HOUR_PX / 2 - 1}px ${HOUR_PX / 2}px)`,
              }}
            >
              {bands.map(([a, b]) => (
                <Box
                  key={a}
                  data-closed={`${hhmm(a)}-${hhmm(b)}`}
                  title={t('appointments.closed')}
                  // The core refuses a closed slot: a click there opens nothing.
                  onClick={(e) => e.stopPropagation()}
                  style={{
                    position: 'absolute',
                    top: ((a - start) / 60) * HOUR_PX,
                    height: ((b - a) / 60) * HOUR_PX,
                    left: 0,
                    right: 0,
                    background: CLOSED_BACKGROUND,
                    cursor: 'not-allowed',
                    zIndex: 1,
                  }}
                >
                  {b - a >= 45 && (
                    <Text size="xs" c="gray.6" fw={600} px={6} pt={2}>
                      {t('appointments.closed')}
                    </Text>
                  )}
                </Box>
              ))}
              {placed
                .filter((p) => p.date === day)
                .map((p) => (
                  <AppointmentBlock key={p.appointment.id} placed={p} startOfGrid={start} onOpen={onOpen} />
                ))}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
