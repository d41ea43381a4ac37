/**
 * The consultation screen (`/persons/<id>/consultation?visitId=`), opened from the board card of a
 * person waiting for the doctor or a specialist. Left: today's interview summary and what is due,
 * each block only from sections the reader may read. Right: the form — the doctor's consultation
 * (saved, or ended: saved and the visit sent to its next step in one transaction) or, for a
 * specialist, the specialty's notes.
 */
import { Alert, Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../../shared/contract/dossier';
import { sectionAccess } from '../../../shared/domain/access-policy';
import { QueryError } from '../../app/QueryError';
import { currentLanguage } from '../../i18n/setup';
import { useCurrentCatalogues } from '../clinical-catalogues/api';
import { useDossier } from '../persons/api';
import { useDossierSection } from '../persons/dossier/dossier-tab';
import { formatTime } from '../persons/format';
import { useSignedIn } from '../persons/use-signed-in';
import { ConsultationForm } from './ConsultationForm';
import { DuePanel } from './DuePanel';
import { SpecialistForm } from './SpecialistForm';

export function ConsultationPage({
  personId,
  visitId,
  prepEpisodeId = null,
}: {
  personId: string;
  visitId: string | null;
  /** Opened from the PrEP tab: the prescription is offered as that episode's. */
  prepEpisodeId?: string | null;
}) {
  const { t } = useTranslation();
  const roles = useSignedIn().state.user.roles;
  const gp = sectionAccess(roles, 'medical') === 'write';
  const specialist = !gp && sectionAccess(roles, 'specialist') === 'write';
  const dossier = useDossier(personId);
  const visits = useDossierSection('visits.forPerson', personId);
  const consultations = useDossierSection('consultations.forPerson', personId, gp);
  const specialistNotes = useDossierSection('consultations.specialistForPerson', personId, specialist);
  const catalogues = useCurrentCatalogues();
  const queries = [
    dossier,
    visits,
    catalogues,
    ...(gp ? [consultations] : []),
    ...(specialist ? [specialistNotes] : []),
  ];
  const failed = queries.find((q) => q.isError);
  if (failed) return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  // The forms start from a record and its version: never from a cached copy that is being
  // refreshed as the page opens (saved elsewhere since, it would be refused as changed).
  const refreshing = [consultations, specialistNotes].some((q) => q.isFetching && !q.isFetchedAfterMount);
  if (queries.some((q) => !q.data) || refreshing || !dossier.data || !visits.data || !catalogues.data)
    return <Loader />;
  const visit = visitId ? (visits.data.items.find((v) => v.id === visitId) ?? null) : null;

  return (
    <Stack>
      <Header dossier={dossier.data} visitOpenedAt={visit?.openedAt ?? null} specialist={specialist} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <DuePanel dossier={dossier.data} visit={visit} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {gp && consultations.data ? (
            <ConsultationForm
              // The consultation of this visit (to resume), else a new one.
              key={visitId ?? 'new'}
              dossier={dossier.data}
              visit={visit}
              prepEpisodeId={prepEpisodeId}
              existing={
                consultations.data.items.find((c) => visitId !== null && c.visitId === visitId) ?? null
              }
              catalogues={{
                tests: catalogues.data.tests.content,
                treatments: catalogues.data.treatments.content,
                diagnoses: catalogues.data.diagnoses.content,
              }}
            />
          ) : specialist && specialistNotes.data ? (
            <SpecialistForm
              key={visitId ?? 'new'}
              dossier={dossier.data}
              visit={visit}
              existing={
                specialistNotes.data.items.find((c) => visitId !== null && c.visitId === visitId) ?? null
              }
              specialties={catalogues.data.specialties.content}
            />
          ) : (
            <Alert color="yellow" role="status">
              {t('consultations.readOnly')}
            </Alert>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Header({
  dossier,
  visitOpenedAt,
  specialist,
}: {
  dossier: Dossier;
  visitOpenedAt: string | null;
  specialist: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const { person } = dossier;
  return (
    <div>
      <Title order={1}>{specialist ? t('consultations.specialist.title') : t('consultations.title')}</Title>
      <Text c="dimmed">
        {t('consultations.subtitle', { name: person.nameUsed, file: person.fileNumber })}
        {visitOpenedAt && ` · ${t('consultations.forVisit', { time: formatTime(visitOpenedAt, lng) })}`}
      </Text>
    </div>
  );
}
