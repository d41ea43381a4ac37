/**
 * Tomorrow's reminders, to send by hand (there is no SMS gateway). People who must not be
 * contacted are greyed, with the reason and no message. The message is selectable text as well
 * as a copy button: the packaged app may refuse the clipboard.
 */
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { format } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { QueryError } from '../../app/QueryError';
import { dateLocale } from '../../i18n/dates';
import { useReminders } from './api';
import { addDays, calendarDate, siteTime, todayAt } from './site-time';

type Reminder = ChannelOutput<'appointments.reminders'>[number];

function CopyMessage({ text }: { text: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  function copy() {
    navigator.clipboard
      .writeText(text)
      .then(() => {
        setState('copied');
        window.setTimeout(() => setState('idle'), 2000);
      })
      .catch(() => setState('refused'));
  }
  return (
    <Stack gap={4} align="flex-start">
      <Button size="xs" variant={state === 'copied' ? 'filled' : 'light'} onClick={copy}>
        {state === 'copied' ? t('appointments.reminders.copied') : t('appointments.reminders.copy')}
      </Button>
      {state === 'refused' && (
        <Text size="xs" c="orange.8" role="status">
          {t('appointments.reminders.copyRefused')}
        </Text>
      )}
    </Stack>
  );
}

function ReminderRow({ reminder, timeZone }: { reminder: Reminder; timeZone: string }) {
  const { t } = useTranslation();
  const r = reminder;
  return (
    <Paper
      component="article"
      aria-label={r.nameUsed}
      withBorder
      p="sm"
      bg={r.contactable ? 'white' : 'gray.1'}
      data-contactable={r.contactable}
      style={r.contactable ? undefined : { opacity: 0.7 }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} miw={180}>
          <Group gap={8}>
            <Text fw={700} ff="monospace">
              {siteTime(r.startsAt, timeZone)}
            </Text>
            <Title order={3} size="h5" c={r.contactable ? undefined : 'dimmed'}>
              {r.nameUsed}
            </Title>
          </Group>
          <Text size="sm" c="dimmed">
            {t(`catalogue.appointmentTypes.${r.type}`)}
          </Text>
          {r.contactable ? (
            <Group gap={4}>
              {r.channels.map((c) => (
                <Badge key={c} size="sm" variant="light" tt="none">
                  {t(`appointments.channels.${c}`)}
                </Badge>
              ))}
              {r.phone && <Text size="sm">{r.phone}</Text>}
              {r.email && <Text size="sm">{r.email}</Text>}
            </Group>
          ) : (
            <Group gap={6}>
              <Badge color="gray" variant="filled" tt="none">
                {t('appointments.reminders.doNotContact')}
              </Badge>
              <Text size="sm" c="dimmed">
                {t(`appointments.reminders.reasons.${r.reason ?? 'no_channel'}`)}
              </Text>
            </Group>
          )}
        </Stack>
        {r.contactable && r.message && (
          <Group align="flex-start" wrap="nowrap" style={{ flex: 1 }} maw={560}>
            <Textarea
              aria-label={t('appointments.reminders.message', { name: r.nameUsed })}
              value={r.message}
              readOnly
              autosize
              minRows={2}
              style={{ flex: 1 }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyMessage text={r.message} />
          </Group>
        )}
      </Group>
    </Paper>
  );
}

export function RemindersPanel({ siteId, timeZone }: { siteId: string; timeZone: string }) {
  const { t } = useTranslation();
  const tomorrow = addDays(todayAt(timeZone), 1);
  const reminders = useReminders(siteId, tomorrow);
  const locale = dateLocale();
  return (
    <Stack>
      <div>
        <Title order={2} size="h3">
          {t('appointments.reminders.title', {
            date: format(calendarDate(tomorrow), 'EEEE d MMMM', { locale }),
          })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('appointments.reminders.intro')}
        </Text>
      </div>
      {reminders.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {reminders.isError && <QueryError error={reminders.error} onRetry={() => void reminders.refetch()} />}
      {reminders.data?.length === 0 && (
        <Alert color="gray" variant="light">
          {t('appointments.reminders.empty')}
        </Alert>
      )}
      {reminders.data?.map((r) => (
        <ReminderRow key={r.appointmentId} reminder={r} timeZone={timeZone} />
      ))}
    </Stack>
  );
}
