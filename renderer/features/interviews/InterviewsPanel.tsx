/**
 * Entretiens in the dossier. The summary for the doctor comes first, in its own block: it is what
 * the consultation starts from; the details of the interview follow on demand.
 */
import { Badge, Button, Card, Collapse, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../shared/contract/interviews';
import { formatDateTime } from '../../i18n/dates';
import { catalogueKey, currentLanguage } from '../../i18n/setup';
import { PagedFooter, usePaged } from '../../app/paging';
import { interviewLink } from './links';
import { wholeHours } from '../persons/format';

const PAGE_SIZE = 5;

export function InterviewsPanel({
  interviews,
  canWrite,
  canStartNew,
  personId,
  showEmpty,
}: {
  interviews: Interview[];
  canWrite: boolean;
  /** False while the open visit's own interview is to start or resume (the pathway status offers it). */
  canStartNew: boolean;
  personId: string;
  /** False when the section is hidden: "no interview" would then be untrue. */
  showEmpty: boolean;
}) {
  const { t } = useTranslation();
  const paged = usePaged(interviews, PAGE_SIZE);
  const navigate = useNavigate();
  return (
    <Stack>
      {canStartNew && (
        <Group justify="flex-end">
          <Button variant="light" onClick={() => void navigate(interviewLink(personId))}>
            {t('interviews.new')}
          </Button>
        </Group>
      )}
      {showEmpty && interviews.length === 0 && <Text c="dimmed">{t('interviews.none')}</Text>}
      {paged.shown.map((interview) => (
        <InterviewCard key={interview.id} interview={interview} canWrite={canWrite} />
      ))}
      {interviews.length > PAGE_SIZE && <PagedFooter paged={paged} />}
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

export function InterviewCard({ interview, canWrite }: { interview: Interview; canWrite: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lng = currentLanguage();
  const [opened, { toggle }] = useDisclosure(false);
  const none = t('app.none');
  const list = (prefix: string, values: readonly string[]) =>
    values.length ? values.map((v) => t(catalogueKey(prefix, v))).join(', ') : none;

  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-label={t('interviews.cardLabel', { at: formatDateTime(interview.heldAt, lng) })}
    >
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Text fw={600}>{formatDateTime(interview.heldAt, lng)}</Text>
          {interview.authorName && (
            <Text size="sm" c="dimmed">
              {t('interviews.by', { name: interview.authorName })}
            </Text>
          )}
          {interview.pepAlert && (
            <Badge maw="none" color="red" variant="filled" tt="none">
              {t('interviews.pepBadge', { hours: wholeHours(interview.hoursSinceRisk ?? 0, 'passed') })}
            </Badge>
          )}
        </Group>
        {canWrite && (
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() =>
              void navigate(
                interviewLink(interview.personId, {
                  interviewId: interview.id,
                  visitId: interview.visitId,
                }),
              )
            }
          >
            {t('app.edit')}
          </Button>
        )}
      </Group>
      <Card bg="teal.0" padding="sm" radius="md" data-testid="interview-summary">
        <Text size="xs" c="teal.9" tt="uppercase" fw={700}>
          {t('interviews.fields.summary')}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }} fz="md">
          {interview.summary ?? t('interviews.noSummary')}
        </Text>
      </Card>
      {interview.needs.length > 0 && (
        <Group gap={4} mt="sm">
          {interview.needs.map((n) => (
            <Badge maw="none" key={n} variant="light" tt="none" color={n === 'pep' ? 'red' : 'teal'}>
              {t(`catalogue.needs.${n}`)}
            </Badge>
          ))}
        </Group>
      )}
      <Group mt="sm">
        <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={opened}>
          {opened ? t('interviews.hideDetails') : t('interviews.showDetails')}
        </Button>
      </Group>
      <Collapse in={opened}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm" spacing="sm">
          <Field label={t('interviews.fields.reason')}>{interview.reason ?? none}</Field>
          <Field label={t('interviews.fields.lastRiskAt')}>{formatDateTime(interview.lastRiskAt, lng)}</Field>
          <Field label={t('interviews.fields.exposures')}>{list('exposures', interview.exposures)}</Field>
          <Field label={t('interviews.fields.practices')}>{interview.practices ?? none}</Field>
          <Field label={t('interviews.fields.partnersCount')}>{interview.partnersCount ?? none}</Field>
          <Field label={t('interviews.fields.prevention')}>{list('prevention', interview.prevention)}</Field>
          <Field label={t('interviews.fields.substances')}>
            {list('substances', interview.substances)}
            {interview.chemsex ? ` · ${t('interviews.fields.chemsex')}` : ''}
          </Field>
          <Field label={t('interviews.fields.violenceScreening')}>
            {t(`catalogue.violenceScreening.${interview.violenceScreening}`)}
          </Field>
          <Field label={t('interviews.fields.notes')}>{interview.notes ?? none}</Field>
        </SimpleGrid>
      </Collapse>
    </Card>
  );
}
