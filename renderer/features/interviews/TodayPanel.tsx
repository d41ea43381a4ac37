/**
 * "Aujourd'hui": what a carer receiving the person now starts from — the summary of today's
 * interview (what was ticked: needs, the last risk and the PEP time left) and what is due for the
 * visit. Drawn only from the interview section's records (the page shows the section's notice, and
 * nothing else, to a reader who may not read interviews).
 */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { isToday, parseISO } from 'date-fns';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../shared/contract/dossier';
import type { Interview } from '../../../shared/contract/interviews';
import type { InterviewNeed } from '../../../shared/domain/catalogues';
import type { Visit } from '../../../shared/contract/visits';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { wholeHours } from '../persons/format';
import { InterviewCard } from './InterviewsPanel';

/** The interview of the open visit, else the latest one held today. */
export function todaysInterview(interviews: readonly Interview[], visit: Visit | null): Interview | null {
  const ofVisit = visit ? interviews.filter((i) => i.visitId === visit.id) : [];
  const candidates = ofVisit.length ? ofVisit : interviews.filter((i) => isToday(parseISO(i.heldAt)));
  return [...candidates].sort((a, b) => b.heldAt.localeCompare(a.heldAt))[0] ?? null;
}

export function TodayPanel({
  interviews,
  visit,
  pep,
  canWrite,
}: {
  interviews: readonly Interview[];
  visit: Visit | null;
  pep: Alert | undefined;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  if (!visit) return <Text c="dimmed">{t('interviews.today.noVisit')}</Text>;
  const interview = todaysInterview(interviews, visit);
  const needs = (list: readonly InterviewNeed[]) => list.map((n) => t(`catalogue.needs.${n}`)).join(', ');

  return (
    <Stack gap="md">
      <Stack gap="xs" component="section" aria-label={t('interviews.today.interview')}>
        <Title order={2} size="h4">
          {t('interviews.today.interview')}
        </Title>
        {interview ? (
          <>
            <Group gap="xl" align="flex-start">
              <div>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('interviews.today.needs')}
                </Text>
                <Text size="sm">
                  {interview.needs.length ? needs(interview.needs) : t('interviews.today.noNeeds')}
                </Text>
              </div>
              <div>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('interviews.today.risk')}
                </Text>
                <Text size="sm">
                  {interview.lastRiskAt
                    ? formatDateTime(interview.lastRiskAt, lng)
                    : t('interviews.today.noRisk')}
                </Text>
                {pep && pep.hoursLeft !== null && (
                  <Badge maw="none" color="red" variant="filled" tt="none" mt={4}>
                    {t('interviews.today.pepLeft', { hours: wholeHours(pep.hoursLeft, 'left') })}
                  </Badge>
                )}
              </div>
            </Group>
            <InterviewCard interview={interview} canWrite={canWrite} />
          </>
        ) : (
          <Text c="dimmed">{t('interviews.today.noInterview')}</Text>
        )}
      </Stack>
      <Card withBorder padding="sm" component="section" aria-label={t('interviews.today.due')}>
        <Title order={2} size="h4" mb="xs">
          {t('interviews.today.due')}
        </Title>
        <Text size="sm">{t('interviews.today.step', { step: t(`catalogue.visitSteps.${visit.step}`) })}</Text>
        <Text size="sm">
          {visit.nextSteps.length
            ? t('interviews.today.nextSteps', { steps: needs(visit.nextSteps) })
            : t('interviews.today.noNextSteps')}
        </Text>
      </Card>
    </Stack>
  );
}
