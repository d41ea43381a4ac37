/**
 * The Test and Treat panel: each positive (newest first) with its state — waiting since N days,
 * treated with its delay, referred to hospital with the first appointment, closed with its reason —
 * the treatment given, the test of cure, and the partners; "Treat", "Close" and "Partners" for a
 * reader who writes the tests section.
 */
import { Alert, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Alert as DossierAlert } from '../../../shared/contract/dossier';
import type { ToTreat } from '../../../shared/contract/treatments';
import type { ToTreatStatus } from '../../../shared/domain/treatments';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { known } from '../persons/dossier/timeline-text';
import { formatDay } from '../prep/dates';
import { CloseForm } from './CloseForm';
import { PartnersForm } from './PartnersForm';
import { TreatmentForm } from './TreatmentForm';

const STATUS_COLOR: Record<ToTreatStatus, string> = {
  open: 'red',
  referred: 'orange',
  treated: 'teal',
  closed: 'gray',
};

type Editing = { item: ToTreat; form: 'give' | 'close' | 'partners' } | null;

export function TreatmentsPanel({
  items,
  alerts,
  canWrite,
}: {
  items: readonly ToTreat[];
  alerts: readonly DossierAlert[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const cure = alerts.find((a) => a.kind === 'cure_test_due');
  const missed = alerts.find((a) => a.kind === 'referral_not_attended');

  return (
    <Stack aria-label={t('treatments.tab.title')} component="section">
      <Text fw={600}>{t('treatments.tab.title')}</Text>
      {cure?.dueOn && (
        <Alert color="orange" role="alert">
          {t('treatments.tab.cureDue', { date: formatDay(cure.dueOn) })}
        </Alert>
      )}
      {missed && (
        <Alert color="orange" role="alert">
          {t('treatments.tab.referralNotAttended')}
        </Alert>
      )}
      {items.length === 0 && <Text c="dimmed">{t('treatments.tab.empty')}</Text>}
      {items.map((item) => (
        <ItemCard
          key={item.id}
          item={item}
          canWrite={canWrite}
          onEdit={(form) => setEditing({ item, form })}
        />
      ))}
      {editing?.form === 'give' && <TreatmentForm item={editing.item} onDone={() => setEditing(null)} />}
      {editing?.form === 'close' && <CloseForm item={editing.item} onDone={() => setEditing(null)} />}
      {editing?.form === 'partners' && <PartnersForm item={editing.item} onDone={() => setEditing(null)} />}
    </Stack>
  );
}

function ItemCard({
  item,
  canWrite,
  onEdit,
}: {
  item: ToTreat;
  canWrite: boolean;
  onEdit: (form: 'give' | 'close' | 'partners') => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const infection = t(`clinicalCatalogues.infections.${item.infection}`);
  const active = item.status === 'open' || item.status === 'referred';
  return (
    <Card withBorder padding="sm" aria-label={infection}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>{infection}</Text>
            <Badge
              color={STATUS_COLOR[item.status]}
              variant={item.status === 'open' ? 'filled' : 'light'}
              tt="none"
            >
              {t(`treatments.status.${item.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('treatments.tab.opened', { date: formatDay(item.openedOn) })}
            </Text>
          </Group>
          {canWrite && (
            <Group gap="xs">
              {item.status === 'open' && item.kind === 'drug' && (
                <Button size="xs" onClick={() => onEdit('give')}>
                  {t('treatments.tab.give')}
                </Button>
              )}
              {active && (
                <Button size="xs" variant="default" onClick={() => onEdit('close')}>
                  {t('treatments.tab.close')}
                </Button>
              )}
              <Button size="xs" variant="light" onClick={() => onEdit('partners')}>
                {t('treatments.tab.partners')}
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm">{stateLine(t, item)}</Text>
        {item.status === 'open' && item.kind === 'referral' && (
          <Text size="sm" c="dimmed">
            {t('treatments.tab.referHint')}
          </Text>
        )}
        {item.treatment && (
          <Text size="sm" c="dimmed">
            {t('treatments.tab.given', {
              drug: item.treatment.drug,
              dose: item.treatment.dose,
              route: t(`treatments.routes.${item.treatment.route}`),
              by: item.treatment.givenByName ?? t('app.none'),
            })}
            {' · '}
            {formatDateTime(item.treatment.givenAt, lng)}
          </Text>
        )}
        {item.cureTestDueOn && (
          <Text size="sm">{t('treatments.tab.cureTest', { date: formatDay(item.cureTestDueOn) })}</Text>
        )}
        {item.partners.length > 0 ? (
          <Table withRowBorders={false} verticalSpacing={2} aria-label={t('treatments.tab.partners')}>
            <Table.Tbody>
              {item.partners.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.pseudonym}</Table.Td>
                  <Table.Td>{t(`treatments.notifiers.${p.notifier}`)}</Table.Td>
                  <Table.Td>
                    {t(`treatments.partnerStatuses.${p.status}`)} · {formatDay(p.statusOn)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="xs" c="dimmed">
            {t('treatments.tab.noPartners')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function stateLine(t: TFunction, item: ToTreat): string {
  switch (item.status) {
    case 'open':
      // Counted by the core on the site's calendar: the workstation's clock is not asked.
      return t('treatments.tab.waiting', { count: item.waitingDays ?? 0 });
    case 'treated':
      return item.delayDays === 0
        ? t('treatments.tab.sameDay', { date: formatDay(item.treatedOn) })
        : t('treatments.tab.delay', { count: item.delayDays ?? 0, date: formatDay(item.treatedOn) });
    case 'referred':
      return item.appointmentOn
        ? t('treatments.tab.referred', { date: formatDay(item.appointmentOn) })
        : t('treatments.tab.referredNoDate');
    case 'closed':
      return t('treatments.tab.closed', {
        reason: known(`treatments.closeReasons.${item.closedReason ?? 'other'}`, item.closedReason ?? ''),
      });
  }
}
