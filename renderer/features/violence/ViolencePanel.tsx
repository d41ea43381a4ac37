/**
 * The violence tab: the open 72-hour protocol's alert (hours left; "time unknown" when only the
 * date is known), "new incident", then each incident (newest first) with its types, place, report,
 * its protocol's state and checklist, its certificates of injuries, its narrative read on demand,
 * and its documents.
 */
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wholeHours } from '../persons/format';
import type { Alert as DossierAlert } from '../../../shared/contract/dossier';
import type { Incident } from '../../../shared/contract/violence';
import type { ProtocolStatus } from '../../../shared/domain/violence';
import { currentLanguage } from '../../i18n/setup';
import { formatCalendarDate, formatTime } from '../persons/format';
import { DocumentsPanel } from '../attachments/DocumentsPanel';
import { CertificatesBlock } from './CertificatesBlock';
import { IncidentForm } from './IncidentForm';
import { NarrativeBlock } from './NarrativeBlock';
import { ProtocolChecklist } from './ProtocolChecklist';

const STATUS_COLOR: Record<ProtocolStatus, string> = { open: 'red', closed: 'teal', not_applicable: 'gray' };

/** The pinned alert of an open protocol (also drawn above the dossier's tabs). */
export function Violence72hAlert({ alert }: { alert: DossierAlert | undefined }) {
  const { t } = useTranslation();
  if (!alert || alert.hoursLeft === null) return null;
  return (
    <Alert color="red" variant="filled" role="alert">
      {t(alert.at ? 'violence.tab.alert' : 'violence.tab.alertUnknownTime', {
        hours: wholeHours(alert.hoursLeft, 'left'),
      })}
    </Alert>
  );
}

function IncidentCard({
  incident,
  canWrite,
  onEdit,
}: {
  incident: Incident;
  canWrite: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const date = formatCalendarDate(incident.occurredOn, lng);
  const title = incident.occurredAt
    ? t('violence.tab.occurredAt', { date, time: formatTime(incident.occurredAt, lng) })
    : t('violence.tab.occurredOn', { date });
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={3} size="h5">
              {title}
            </Title>
            {incident.dateApproximate && (
              <Text size="xs" c="dimmed">
                ({t('violence.tab.approximate')})
              </Text>
            )}
          </Group>
          {canWrite && (
            <Button size="xs" variant="subtle" onClick={onEdit}>
              {t('violence.tab.edit')}
            </Button>
          )}
        </Group>
        <Group gap={4} wrap="wrap">
          <Badge variant="filled" color="grape" tt="none" maw="none">
            {t(`violence.gbvimsTypes.${incident.gbvimsType}`)}
          </Badge>
          {incident.seedTypes.map((s) => (
            <Badge key={s} variant="light" color="grape" tt="none" maw="none">
              {t(`violence.seedTypes.${s}`)}
            </Badge>
          ))}
          {incident.trafficking && (
            <Badge variant="light" color="red" tt="none" maw="none">
              {t('violence.form.trafficking')}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t(`violence.placeKinds.${incident.placeKind}`)}
          {incident.perpetrators.length > 0 &&
            ` · ${incident.perpetrators.map((p) => t(`violence.perpetrators.${p}`)).join(', ')}`}
          {` · ${t('violence.form.reported')} : ${t(`violence.reportedTo.${incident.reported}`)}`}
          {incident.reportedOn && ` (${formatCalendarDate(incident.reportedOn, lng)})`}
        </Text>
        <Group gap="xs">
          <Title order={4} size="h6">
            {t('violence.tab.protocolTitle')}
          </Title>
          <Badge color={STATUS_COLOR[incident.protocolStatus]} tt="none" maw="none">
            {t(`violence.protocolStatuses.${incident.protocolStatus}`)}
          </Badge>
          {incident.protocolStatus === 'open' && (
            <Text size="sm" c="red" fw={500}>
              {incident.hoursLeft !== null
                ? t('violence.tab.hoursLeft', { hours: wholeHours(incident.hoursLeft, 'left') })
                : t('violence.tab.deadlinePassed')}
            </Text>
          )}
        </Group>
        {/* Outside the window the certificate and evidence advice are still worth recording. */}
        {(canWrite || incident.steps.length > 0) && (
          <ProtocolChecklist incident={incident} canWrite={canWrite} />
        )}
        <CertificatesBlock incident={incident} canWrite={canWrite} />
        <NarrativeBlock
          personId={incident.personId}
          incidentId={incident.id}
          hasNarrative={incident.hasNarrative}
          canWrite={canWrite}
        />
        <DocumentsPanel
          owner={{ kind: 'violence', personId: incident.personId, ownerId: incident.id }}
          canWrite={canWrite}
        />
      </Stack>
    </Card>
  );
}

export function ViolencePanel({
  personId,
  incidents,
  alerts,
  canWrite,
}: {
  personId: string;
  incidents: readonly Incident[];
  alerts: readonly DossierAlert[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  /** The incident corrected, `true` for a new one, false: the form is closed. */
  const [editing, setEditing] = useState<Incident | true | false>(false);
  return (
    <Stack>
      <Violence72hAlert alert={alerts.find((a) => a.kind === 'violence_72h')} />
      {canWrite && (
        <Group>
          <Button onClick={() => setEditing(true)}>{t('violence.tab.add')}</Button>
        </Group>
      )}
      {incidents.length === 0 && <Text c="dimmed">{t('violence.tab.none')}</Text>}
      {incidents.map((i) => (
        <IncidentCard key={i.id} incident={i} canWrite={canWrite} onEdit={() => setEditing(i)} />
      ))}
      {editing !== false && (
        <IncidentForm
          personId={personId}
          incident={editing === true ? null : editing}
          onDone={() => setEditing(false)}
        />
      )}
    </Stack>
  );
}
