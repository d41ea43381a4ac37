/**
 * The opening hours of a site, per weekday, in the site's own time: up to four intervals a day,
 * or "always open" (no closed slot at all). The agenda greys closed hours and the core refuses an
 * appointment outside them.
 */
import { Button, CloseButton, Fieldset, Group, Stack, Switch, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import type { OpeningHours } from '../../../shared/contract/setup';
import {
  defaultWeek,
  intervalsOf,
  MAX_INTERVALS,
  WEEKDAYS,
  type Interval,
  type Weekday,
} from './opening-hours';

function nextInterval(intervals: Interval[]): Interval {
  const last = intervals[intervals.length - 1];
  if (!last) return ['09:00', '13:00'];
  const [h = 0, m = 0] = last[1].split(':').map(Number);
  const start = Math.min(h * 60 + m + 60, 22 * 60);
  const end = Math.min(start + 4 * 60, 23 * 60 + 59);
  const fmt = (x: number) =>
    `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  return [fmt(start), fmt(end)];
}

export function OpeningHoursEditor({
  value,
  onChange,
  errors,
}: {
  value: OpeningHours;
  onChange: (next: OpeningHours) => void;
  /** Form errors keyed by path; the editor shows those under `openingHours.<day>.<index>`. */
  errors: Record<string, unknown>;
}) {
  const { t } = useTranslation();

  function setDay(day: Weekday, intervals: Interval[]) {
    if (!value) return;
    onChange({ ...value, [day]: intervals });
  }

  return (
    <Fieldset legend={t('centre.openingHours.title')} variant="filled" p="sm">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {t('centre.openingHours.help')}
        </Text>
        <Switch
          label={t('centre.openingHours.alwaysOpen')}
          checked={value === null}
          onChange={(e) => onChange(e.currentTarget.checked ? null : defaultWeek())}
        />
        {value &&
          WEEKDAYS.map((day) => {
            const dayLabel = t(`centre.openingHours.days.${day}`);
            const intervals = intervalsOf(value, day);
            return (
              <Group
                key={day}
                align="flex-start"
                wrap="nowrap"
                gap="sm"
                role="group"
                aria-label={dayLabel}
                py={2}
                style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
              >
                <Text w={88} pt={4} size="sm" fw={600}>
                  {dayLabel}
                </Text>
                <Stack gap={4} style={{ flex: 1 }}>
                  {intervals.length === 0 && (
                    <Text size="sm" c="dimmed" pt={4}>
                      {t('centre.openingHours.closedDay')}
                    </Text>
                  )}
                  {intervals.map(([from, to], i) => {
                    const error = errors[`openingHours.${day}.${i}`];
                    const errorId = `hours-${day}-${i}-error`;
                    const update = (next: Interval) =>
                      setDay(
                        day,
                        intervals.map((iv, j) => (j === i ? next : iv)),
                      );
                    return (
                      <div key={i}>
                        <Group gap={6} wrap="nowrap">
                          <TimeInput
                            size="xs"
                            w={104}
                            aria-label={t('centre.openingHours.from', { day: dayLabel, number: i + 1 })}
                            value={from}
                            onChange={(e) => update([e.currentTarget.value, to])}
                            error={Boolean(error)}
                            aria-describedby={error ? errorId : undefined}
                          />
                          <Text size="sm">–</Text>
                          <TimeInput
                            size="xs"
                            w={104}
                            aria-label={t('centre.openingHours.to', { day: dayLabel, number: i + 1 })}
                            value={to}
                            onChange={(e) => update([from, e.currentTarget.value])}
                            error={Boolean(error)}
                            aria-describedby={error ? errorId : undefined}
                          />
                          <CloseButton
                            size="sm"
                            aria-label={t('centre.openingHours.removeInterval', { from, to, day: dayLabel })}
                            onClick={() =>
                              setDay(
                                day,
                                intervals.filter((_, j) => j !== i),
                              )
                            }
                          />
                        </Group>
                        {typeof error === 'string' && (
                          <Text id={errorId} size="xs" c="red.7" role="alert">
                            {error}
                          </Text>
                        )}
                      </div>
                    );
                  })}
                </Stack>
                {intervals.length < MAX_INTERVALS && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    mt={2}
                    onClick={() => setDay(day, [...intervals, nextInterval(intervals)])}
                    aria-label={`${t('centre.openingHours.addInterval')} — ${dayLabel}`}
                  >
                    + {t('centre.openingHours.addInterval')}
                  </Button>
                )}
              </Group>
            );
          })}
      </Stack>
    </Fieldset>
  );
}
