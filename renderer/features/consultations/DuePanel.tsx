/**
 * The left of the consultation screen: today's interview summary (only for a reader of the
 * interview section) and what is due — the needs ticked for the visit and the dossier's alerts.
 * The core computes both only from what this reader may read (a need or an alert from a section
 * they may not read never reaches them), so this panel draws what it is given.
 */
import { Badge, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../../shared/contract/dossier';
import type { Visit } from '../../../shared/contract/visits';
import { textOr } from '../../i18n/setup';
import { InterviewCard } from '../interviews/InterviewsPanel';
import { todaysInterview } from '../interviews/TodayPanel';
import { isDrawn, useDossierSection } from '../persons/dossier/dossier-tab';
import { wholeHours } from '../persons/format';

/** Alerts about the person's contact or another site: not clinical work due in this room. */
const NOT_DUE = new Set(['never_contact', 'open_visit_elsewhere']);

export function DuePanel({ dossier, visit }: { dossier: Dossier; visit: Visit | null }) {
  const { t } = useTranslation();
  const interviewView = dossier.sections.find((s) => s.section === 'interview');
  const readsInterview = isDrawn(interviewView);
  const interviews = useDossierSection('interviews.forPerson', dossier.person.id, readsInterview);
  const interview = interviews.data ? todaysInterview(interviews.data.items, visit) : null;
  const pep = dossier.alerts.find((a) => a.kind === 'pep_72h');
  const others = dossier.alerts.filter((a) => a.kind !== 'pep_72h' && !NOT_DUE.has(a.kind));
  const needs = visit?.nextSteps ?? [];

  return (
    <Stack>
      {readsInterview && (
        <Stack gap="xs" component="section" aria-label={t('consultations.panel.interview')}>
          <Title order={2} size="h4">
            {t('consultations.panel.interview')}
          </Title>
          {interviews.isLoading ? (
            <Loader size="sm" />
          ) : interview ? (
            <InterviewCard interview={interview} canWrite={false} />
          ) : (
            <Text c="dimmed" size="sm">
              {t('consultations.panel.noInterview')}
            </Text>
          )}
        </Stack>
      )}
      <Card withBorder component="section" aria-label={t('consultations.panel.due')}>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('consultations.panel.due')}
          </Title>
          {pep && pep.hoursLeft !== null && (
            <Badge color="red" variant="filled" tt="none" maw="none" h="auto" py={4}>
              {t('consultations.panel.pep', { hours: wholeHours(pep.hoursLeft, 'left') })}
            </Badge>
          )}
          {needs.length > 0 && (
            <Text size="sm">
              {t('consultations.panel.needs', {
                needs: needs.map((n) => t(`catalogue.needs.${n}`)).join(', '),
              })}
            </Text>
          )}
          {others.map((a) => (
            <Text size="sm" key={`${a.kind}/${a.at ?? ''}`} data-testid="due-alert">
              {textOr(`consultations.panel.alerts.${a.kind}`, a.kind)}
            </Text>
          ))}
          {!pep && needs.length === 0 && others.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('consultations.panel.nothingDue')}
            </Text>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
