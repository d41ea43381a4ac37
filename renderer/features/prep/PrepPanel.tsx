/**
 * The PrEP tab: the current episode (state, next due date, baseline checklist, follow-ups) with its
 * actions, then the previous episodes. Prescriptions and renewals are written in the medical
 * consultation (consultations capability); the tab says where.
 */
import { Alert, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert as DossierAlert } from '../../../shared/contract/dossier';
import type { PrepEpisode, PrepPrescription } from '../../../shared/contract/prep';
import { sectionAccess } from '../../../shared/domain/access-policy';
import type { FollowUpState } from '../../../shared/domain/schedules';
import { consultationLink } from '../consultations/links';
import { useSignedIn } from '../persons/use-signed-in';
import { formatDay } from './dates';
import { FollowUpModal, StartPrepModal, StopPrepModal, type EgfrRules } from './PrepForms';

const STATE_COLOR: Record<FollowUpState, string> = {
  not_yet_due: 'teal',
  due_this_week: 'yellow',
  overdue: 'orange',
  lost_to_follow_up: 'red',
};

const PREP_ALERTS = ['prep_overdue', 'prep_lost', 'egfr_low'] as const;

type Dialog = 'start' | 'followUp' | 'stop' | null;

export function PrepPanel({
  personId,
  siteId,
  episodes,
  egfr,
  alerts,
  canWrite,
  prescriptions,
  openVisitId,
}: {
  personId: string;
  /** Where a start or a follow-up is recorded (the workstation's site); null: none chosen. */
  siteId: string | null;
  episodes: readonly PrepEpisode[];
  egfr: EgfrRules;
  alerts: readonly DossierAlert[];
  canWrite: boolean;
  /** The episodes' prescriptions and renewals; null for a reader of no medical section. */
  prescriptions: readonly PrepPrescription[] | null;
  openVisitId: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const prescribes = sectionAccess(useSignedIn().state.user.roles, 'medical') === 'write';
  const [dialog, setDialog] = useState<Dialog>(null);
  const current = episodes.find((e) => e.status === 'active') ?? null;
  const previous = episodes.filter((e) => e !== current);
  const shown = alerts.filter((a) => (PREP_ALERTS as readonly string[]).includes(a.kind));

  return (
    <Stack>
      {shown.map((a) => (
        <Alert key={a.kind} color={a.kind === 'prep_overdue' ? 'orange' : 'red'} role="alert">
          {t(`prep.alerts.${a.kind as (typeof PREP_ALERTS)[number]}`)}
        </Alert>
      ))}
      {canWrite && siteId && (
        <Group>
          {current ? (
            <>
              <Button onClick={() => setDialog('followUp')}>{t('prep.followUp.open')}</Button>
              <Button variant="default" onClick={() => setDialog('stop')}>
                {t('prep.stop.open')}
              </Button>
            </>
          ) : (
            <Button onClick={() => setDialog('start')}>
              {episodes.length ? t('prep.start.restart') : t('prep.start.open')}
            </Button>
          )}
        </Group>
      )}
      {episodes.length === 0 && <Text c="dimmed">{t('prep.none')}</Text>}
      {current && <EpisodeCard episode={current} title={t('prep.current')} prescriptions={prescriptions} />}
      {previous.length > 0 && (
        <>
          <Title order={4}>{t('prep.previous')}</Title>
          {previous.map((e) => (
            <EpisodeCard key={e.id} episode={e} title={null} prescriptions={prescriptions} />
          ))}
        </>
      )}
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          {t('prep.prescriptions')}
        </Text>
        {prescribes && current && (
          <Button
            size="compact-sm"
            variant="subtle"
            // Today's visit, if any, is the one the consultation belongs to; the prescription renews this episode.
            onClick={() => void navigate(consultationLink(personId, openVisitId, current.id))}
          >
            {t('prep.prescribe')}
          </Button>
        )}
      </Group>
      {dialog === 'start' && siteId && (
        <StartPrepModal
          personId={personId}
          siteId={siteId}
          restart={episodes.length > 0}
          onDone={() => setDialog(null)}
        />
      )}
      {dialog === 'followUp' && current && siteId && (
        <FollowUpModal episode={current} siteId={siteId} egfr={egfr} onDone={() => setDialog(null)} />
      )}
      {dialog === 'stop' && current && <StopPrepModal episode={current} onDone={() => setDialog(null)} />}
    </Stack>
  );
}

function EpisodeCard({
  episode,
  title,
  prescriptions,
}: {
  episode: PrepEpisode;
  title: string | null;
  prescriptions: readonly PrepPrescription[] | null;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-label={title ?? t('prep.title')}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            {title && <Title order={4}>{title}</Title>}
            <Badge variant="light" tt="none">
              {t(`prep.regimens.${episode.regimen}`)}
            </Badge>
            {episode.restartOf && (
              <Badge variant="outline" tt="none">
                {t('prep.restart')}
              </Badge>
            )}
            {episode.state && (
              <Badge color={STATE_COLOR[episode.state]} tt="none">
                {t(`prep.states.${episode.state}`)}
              </Badge>
            )}
          </Group>
          {episode.authorName && (
            <Text size="sm" c="dimmed">
              {t('prep.by', { name: episode.authorName })}
            </Text>
          )}
        </Group>
        <Text size="sm">
          {t('prep.startedOn', { date: formatDay(episode.startedOn) })}
          {episode.status === 'active' && ` · ${t('prep.nextDue', { date: formatDay(episode.nextDueOn) })}`}
          {episode.status === 'active' &&
            ` · ${t('prep.lastVisit', { date: formatDay(episode.lastVisitOn) })}`}
        </Text>
        {episode.stoppedOn && (
          <Text size="sm">
            {t('prep.stoppedOn', {
              date: formatDay(episode.stoppedOn),
              reason: t(`prep.stopReasons.${episode.stopReason ?? 'other'}`),
            })}
            {episode.stopNote && ` (${episode.stopNote})`}
          </Text>
        )}
        <Baseline episode={episode} />
        <FollowUps episode={episode} />
        {prescriptions && <Prescriptions items={prescriptions.filter((p) => p.episodeId === episode.id)} />}
      </Stack>
    </Card>
  );
}

function Baseline({ episode }: { episode: PrepEpisode }) {
  const { t } = useTranslation();
  if (episode.baseline === null)
    return (
      <Text size="sm" c="dimmed">
        {t('prep.baseline.hidden')}
      </Text>
    );
  return (
    <div>
      <Text size="sm" fw={600}>
        {t('prep.baseline.title')}
      </Text>
      <List size="sm" aria-label={t('prep.baseline.title')}>
        {episode.baseline.map((b) => (
          <List.Item key={b.testCode}>
            {t(`prep.baseline.tests.${b.testCode}`)} —{' '}
            <Text span c={b.state === 'done' ? 'teal' : b.state === 'ordered' ? 'yellow.8' : 'red'} size="sm">
              {t(`prep.baseline.${b.state}`)}
            </Text>
          </List.Item>
        ))}
      </List>
    </div>
  );
}

function FollowUps({ episode }: { episode: PrepEpisode }) {
  const { t } = useTranslation();
  if (episode.followUps.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('prep.followUps.none')}
      </Text>
    );
  return (
    <Table striped aria-label={t('prep.followUps.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('prep.followUps.heldOn')}</Table.Th>
          <Table.Th>{t('prep.followUps.creatinine')}</Table.Th>
          <Table.Th>{t('prep.followUps.egfr')}</Table.Th>
          <Table.Th>{t('prep.followUps.adherence')}</Table.Th>
          <Table.Th>{t('prep.followUps.nextDue')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {episode.followUps.map((f) => (
          <Table.Tr key={f.id}>
            <Table.Td>{formatDay(f.heldOn)}</Table.Td>
            <Table.Td>{f.creatinine ?? '—'}</Table.Td>
            <Table.Td>
              {f.egfr ?? '—'}
              {f.egfrLow && (
                <Badge color="red" ml="xs" size="sm" tt="none">
                  {t('prep.followUps.egfrLow')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{f.adherenceNote ?? ''}</Table.Td>
            <Table.Td>{formatDay(f.nextDueOn)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The episode's prescriptions and renewals (written in the medical consultation), newest first. */
function Prescriptions({ items }: { items: readonly PrepPrescription[] }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('prep.episodePrescriptions.none')}
      </Text>
    );
  return (
    <Table striped aria-label={t('prep.episodePrescriptions.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('prep.episodePrescriptions.issuedOn')}</Table.Th>
          <Table.Th>{t('prep.episodePrescriptions.drugs')}</Table.Th>
          <Table.Th>{t('prep.episodePrescriptions.renewals')}</Table.Th>
          <Table.Th>{t('prep.episodePrescriptions.prescriber')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>{formatDay(p.issuedOn)}</Table.Td>
            <Table.Td>{p.drugs.join(', ')}</Table.Td>
            <Table.Td>
              {p.renewals === 0
                ? t('prep.episodePrescriptions.noRenewal')
                : t('prep.episodePrescriptions.renewalCount', { count: p.renewals })}
            </Table.Td>
            <Table.Td>{p.prescriberName ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
