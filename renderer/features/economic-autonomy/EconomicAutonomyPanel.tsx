/**
 * The "Autonomie économique" tab: the person's vocational trainings (field, dates, status) and
 * micro-credit applications (amount, purpose, status and steps), each with its form. A final
 * training or application takes no further change.
 */
import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EconomicAutonomyItem, MicroCredit, Training } from '../../../shared/contract/economic-autonomy';
import { allowedTrainingStatuses, nextMicroCreditStatuses } from '../../../shared/domain/economic-autonomy';
import { currentLanguage } from '../../i18n/setup';
import { formatCalendarDate } from '../persons/format';
import { MicroCreditForm } from './MicroCreditForm';
import { MicroCreditStepForm } from './MicroCreditStepForm';
import { TrainingForm } from './TrainingForm';

type Editing =
  | { kind: 'training'; training: Training | null }
  | { kind: 'micro_credit'; application: MicroCredit | null }
  | { kind: 'step'; application: MicroCredit }
  | null;

function formatAmount(minor: number, currency: string, lng: string): string {
  return new Intl.NumberFormat(lng, { style: 'currency', currency }).format(minor / 100);
}

function TrainingCard({
  training,
  canWrite,
  edit,
}: {
  training: Training;
  canWrite: boolean;
  edit: (e: Editing) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const title = training.fieldLabel ?? t(`economicAutonomy.fields.${training.field}`);
  const status = t(`economicAutonomy.trainingStatuses.${training.status}`);
  return (
    <Card withBorder component="section" aria-label={title}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Title order={4} size="h6">
            {title}
          </Title>
          <Badge variant="light" tt="none" maw="none">
            {t('economicAutonomy.tab.statusOn', { status, date: formatCalendarDate(training.statusOn, lng) })}
          </Badge>
        </Group>
        {canWrite && allowedTrainingStatuses(training.status).length > 1 && (
          <Button size="xs" variant="subtle" onClick={() => edit({ kind: 'training', training })}>
            {t('economicAutonomy.tab.edit')}
          </Button>
        )}
      </Group>
      <Text size="sm">
        {training.endsOn
          ? t('economicAutonomy.tab.dates', {
              start: formatCalendarDate(training.startsOn, lng),
              end: formatCalendarDate(training.endsOn, lng),
            })
          : t('economicAutonomy.tab.from', { start: formatCalendarDate(training.startsOn, lng) })}
        {training.providerName && ` · ${t('economicAutonomy.tab.provider', { name: training.providerName })}`}
      </Text>
    </Card>
  );
}

function MicroCreditCard({
  application,
  canWrite,
  edit,
}: {
  application: MicroCredit;
  canWrite: boolean;
  edit: (e: Editing) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const title = formatAmount(application.amountMinor, application.currency, lng);
  const open = nextMicroCreditStatuses(application.status).length > 0;
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={4} size="h6">
              {title}
            </Title>
            <Badge color={open ? 'indigo' : 'gray'} variant="light" tt="none" maw="none">
              {t(`economicAutonomy.microCreditStatuses.${application.status}`)}
            </Badge>
          </Group>
          {canWrite && open && (
            <Group gap="xs">
              <Button size="xs" variant="subtle" onClick={() => edit({ kind: 'micro_credit', application })}>
                {t('economicAutonomy.tab.edit')}
              </Button>
              <Button size="xs" variant="light" onClick={() => edit({ kind: 'step', application })}>
                {t('economicAutonomy.tab.nextStep')}
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm">{application.purpose}</Text>
        <Text size="sm" c="dimmed">
          {t('economicAutonomy.tab.appliedOn', { date: formatCalendarDate(application.appliedOn, lng) })}
          {application.lenderName &&
            ` · ${t('economicAutonomy.tab.lender', { name: application.lenderName })}`}
        </Text>
        {application.steps.length > 0 && (
          <List size="sm" aria-label={t('economicAutonomy.tab.steps')}>
            {application.steps.map((s) => (
              <List.Item key={s.id}>
                {formatCalendarDate(s.on, lng)} · {t(`economicAutonomy.microCreditStatuses.${s.status}`)}
                {s.note && ` · ${s.note}`}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

export function EconomicAutonomyPanel({
  personId,
  items,
  canWrite,
}: {
  personId: string;
  items: readonly EconomicAutonomyItem[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const done = () => setEditing(null);
  const trainings = items.filter((i): i is Training => i.kind === 'training');
  const applications = items.filter((i): i is MicroCredit => i.kind === 'micro_credit');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('economicAutonomy.tab.trainings')}
        </Title>
        {canWrite && (
          <Button size="xs" onClick={() => setEditing({ kind: 'training', training: null })}>
            {t('economicAutonomy.tab.addTraining')}
          </Button>
        )}
      </Group>
      {trainings.length === 0 && <Text c="dimmed">{t('economicAutonomy.tab.noTraining')}</Text>}
      {trainings.map((tr) => (
        <TrainingCard key={tr.id} training={tr} canWrite={canWrite} edit={setEditing} />
      ))}
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('economicAutonomy.tab.microCredits')}
        </Title>
        {canWrite && (
          <Button size="xs" onClick={() => setEditing({ kind: 'micro_credit', application: null })}>
            {t('economicAutonomy.tab.addMicroCredit')}
          </Button>
        )}
      </Group>
      {applications.length === 0 && <Text c="dimmed">{t('economicAutonomy.tab.noMicroCredit')}</Text>}
      {applications.map((a) => (
        <MicroCreditCard key={a.id} application={a} canWrite={canWrite} edit={setEditing} />
      ))}
      {editing?.kind === 'training' && (
        <TrainingForm personId={personId} training={editing.training} onDone={done} />
      )}
      {editing?.kind === 'micro_credit' && (
        <MicroCreditForm personId={personId} application={editing.application} onDone={done} />
      )}
      {editing?.kind === 'step' && <MicroCreditStepForm application={editing.application} onDone={done} />}
    </Stack>
  );
}
