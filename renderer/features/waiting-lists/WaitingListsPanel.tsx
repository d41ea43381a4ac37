/**
 * The person's waiting-list entries in the Referrals tab: specialty, state, days waited, the
 * booking; "Orienter vers un spécialiste", and per open entry "Programmer" / "Annuler".
 */
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingListEntry } from '../../../shared/contract/waiting-lists';
import { currentLanguage } from '../../i18n/setup';
import { formatDateTime } from '../../i18n/dates';
import { useSpecialties } from './api';
import { BookDialog } from './BookDialog';
import { formatDay } from './format';
import { CancelDialog } from './CancelDialog';
import { ReferDialog } from './ReferDialog';

const STATUS_COLOR = { waiting: 'orange', booked: 'blue', seen: 'teal', cancelled: 'gray' } as const;

type Dialog = { kind: 'refer' } | { kind: 'book' | 'cancel'; entry: WaitingListEntry } | null;

export function WaitingListsPanel({
  personId,
  entries,
  canWrite,
}: {
  personId: string;
  entries: WaitingListEntry[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const specialties = useSpecialties();
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <Stack gap="xs" mt="md">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('waitingLists.panelTitle')}
        </Title>
        {canWrite && (
          <Button variant="light" onClick={() => setDialog({ kind: 'refer' })}>
            {t('waitingLists.refer')}
          </Button>
        )}
      </Group>
      {entries.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('waitingLists.empty')}
        </Text>
      )}
      {entries.map((e) => (
        <Card key={e.id} withBorder padding="sm" aria-label={specialties.labelOf(e.specialty)}>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600}>{specialties.labelOf(e.specialty)}</Text>
                <Badge color={STATUS_COLOR[e.status]} variant="light">
                  {t(`waitingLists.statuses.${e.status}`)}
                </Badge>
                {e.waitingDays !== null && (
                  <Text size="sm">{t('waitingLists.waitingDays', { count: e.waitingDays })}</Text>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {t('waitingLists.requestedOn', { date: formatDay(e.requestedOn) })} ·{' '}
                {t(`waitingLists.origins.${e.origin}`)}
                {e.requestedByName ? ` · ${t('waitingLists.by', { name: e.requestedByName })}` : ''}
              </Text>
              {e.bookedFor && e.status !== 'cancelled' && (
                <Text size="sm">
                  {t('waitingLists.bookedFor', { date: formatDateTime(e.bookedFor, lng) })}
                </Text>
              )}
              {e.note && <Text size="sm">{e.note}</Text>}
              {e.cancelledReason && (
                <Text size="sm" c="dimmed">
                  {t('waitingLists.cancelledBecause', { reason: e.cancelledReason })}
                </Text>
              )}
            </Stack>
            {canWrite && (e.status === 'waiting' || e.status === 'booked') && (
              <Group gap="xs">
                {e.status === 'waiting' && (
                  <Button size="xs" onClick={() => setDialog({ kind: 'book', entry: e })}>
                    {t('waitingLists.book')}
                  </Button>
                )}
                <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'cancel', entry: e })}>
                  {t('waitingLists.cancel')}
                </Button>
              </Group>
            )}
          </Group>
        </Card>
      ))}
      {dialog?.kind === 'refer' && (
        <ReferDialog personId={personId} origin="consultation" onDone={() => setDialog(null)} />
      )}
      {dialog?.kind === 'book' && <BookDialog entry={dialog.entry} onDone={() => setDialog(null)} />}
      {dialog?.kind === 'cancel' && <CancelDialog entry={dialog.entry} onDone={() => setDialog(null)} />}
    </Stack>
  );
}
