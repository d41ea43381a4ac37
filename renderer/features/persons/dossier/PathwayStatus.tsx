/**
 * The top of a dossier: where the person is in today's visit, their next appointment, and the
 * alerts that cannot wait (post-exposure treatment within 72 hours, never contact).
 */
import { Alert, Badge, Button, Card, Group, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../../../shared/contract/dossier';
import type { Visit } from '../../../../shared/contract/visits';
import { sectionAccess } from '../../../../shared/domain/access-policy';
import { apiErrorOf } from '../../../api/client';
import { errorText } from '../../../i18n/error-text';
import { currentLanguage } from '../../../i18n/setup';
import { interviewLink } from '../../interviews/links';
import { PositiveToTreatBanner } from '../../treatments/dossier';
import { Violence72hAlert } from '../../violence/ViolencePanel';
import { CareReferentNote } from '../../case-plans/CareReferentNote';
import { useStartInterview } from '../../interviews/start-interview';
import { useMoveVisit } from '../../visits/api';
import { formatDateTime } from '../../../i18n/dates';
import { formatTime, wholeHours } from '../format';
import { useSignedIn } from '../use-signed-in';

/** Where a person can be sent once someone has seen them. */
const NEXT_STEPS = ['waiting_doctor', 'waiting_nurse', 'waiting_specialist', 'done'] as const;

export function PepAlertBanner({ hoursLeft, at }: { hoursLeft: number; at: string | null }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <Alert color="red" variant="filled" role="alert" title={t('dossier.pep.title')}>
      {t('dossier.pep.body', { hours: wholeHours(hoursLeft, 'left'), at: formatDateTime(at, lng) })}
    </Alert>
  );
}

export function PathwayStatus({ dossier, onCheckIn }: { dossier: Dossier; onCheckIn: () => void }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const session = useSignedIn();
  const roles = session.state.user.roles;
  const canMove = sectionAccess(roles, 'pathway') === 'write';
  const pathwayShown = dossier.sections.find((s) => s.section === 'pathway')?.status === 'shown';
  const merged = dossier.person.mergedInto !== null;
  const { openVisit, nextAppointment, alerts } = dossier;
  const pep = alerts.find((a) => a.kind === 'pep_72h');
  const elsewhere = alerts.find((a) => a.kind === 'open_visit_elsewhere');

  return (
    <Stack gap="sm">
      {pep && pep.hoursLeft !== null && <PepAlertBanner hoursLeft={pep.hoursLeft} at={pep.at} />}
      <PositiveToTreatBanner alerts={alerts} />
      <Violence72hAlert alert={alerts.find((a) => a.kind === 'violence_72h')} />
      {dossier.careReferent && <CareReferentNote referent={dossier.careReferent} />}
      {pathwayShown && (
        <Card withBorder padding="md" aria-label={t('dossier.status.title')} component="section">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
            <Stack gap={4}>
              {openVisit ? (
                <>
                  <Group gap="xs">
                    <Badge maw="none" color="blue" variant="light" tt="none" size="lg">
                      {t(`catalogue.visitSteps.${openVisit.step}`)}
                    </Badge>
                    {openVisit.priority !== 'normal' && (
                      <Badge maw="none" color="red" variant="filled" tt="none" size="lg">
                        {t(`catalogue.priorities.${openVisit.priority}`)}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">
                    {t('dossier.status.openSince', { time: formatTime(openVisit.openedAt, lng) })}
                    {openVisit.withUserName &&
                      ` · ${t('dossier.status.with', { name: openVisit.withUserName })}`}
                  </Text>
                  {openVisit.nextSteps.length > 0 && (
                    <Text size="sm" c="dimmed">
                      {t('dossier.status.nextSteps', {
                        steps: openVisit.nextSteps.map((n) => t(`catalogue.needs.${n}`)).join(', '),
                      })}
                    </Text>
                  )}
                </>
              ) : (
                <Text c="dimmed">{t('dossier.status.noVisit')}</Text>
              )}
              <Text size="sm">
                {nextAppointment
                  ? t('dossier.status.nextAppointment', {
                      at: formatDateTime(nextAppointment.startsAt, lng),
                      type: t(`catalogue.appointmentTypes.${nextAppointment.type}`),
                      who: nextAppointment.professionalName ?? t('app.none'),
                    })
                  : t('dossier.status.noAppointment')}
              </Text>
              {elsewhere && (
                <Text size="sm" c="orange.8">
                  {t('dossier.status.elsewhere')}
                </Text>
              )}
            </Stack>
            {canMove && !merged && (
              <VisitActions dossier={dossier} openVisit={openVisit} onCheckIn={onCheckIn} />
            )}
          </Group>
        </Card>
      )}
    </Stack>
  );
}

function VisitActions({
  dossier,
  openVisit,
  onCheckIn,
}: {
  dossier: Dossier;
  openVisit: Visit | null;
  onCheckIn: () => void;
}) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const canInterview = sectionAccess(session.state.user.roles, 'interview') === 'write';
  const starter = useStartInterview();
  const navigate = useNavigate();
  const move = useMoveVisit();

  if (!openVisit) return <Button onClick={onCheckIn}>{t('search.checkInAction')}</Button>;

  const existing = dossier.openVisitInterview;
  const sendTo = (step: (typeof NEXT_STEPS)[number]) =>
    move.mutate(
      { visitId: openVisit.id, version: openVisit.version, step },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: t('dossier.status.moved', { step: t(`catalogue.visitSteps.${step}`) }),
          }),
        onError: (err) => notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) }),
      },
    );

  return (
    <Group gap="xs">
      {canInterview && openVisit.step === 'waiting_interview' && (
        <Button onClick={() => starter.start(openVisit)} loading={starter.pending}>
          {t('interviews.start')}
        </Button>
      )}
      {canInterview && openVisit.step === 'in_interview' && (
        <Button
          onClick={() =>
            void navigate(
              interviewLink(openVisit.personId, { visitId: openVisit.id, interviewId: existing?.id }),
            )
          }
        >
          {existing ? t('interviews.resume') : t('interviews.start')}
        </Button>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" loading={move.isPending}>
            {t('dossier.status.sendTo')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {NEXT_STEPS.filter((s) => s !== openVisit.step).map((s) => (
            <Menu.Item key={s} onClick={() => sendTo(s)}>
              {t(`catalogue.visitSteps.${s}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
