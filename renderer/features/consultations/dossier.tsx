/** What the consultations feature adds to a dossier: the Consultations and Specialist tabs and their timeline items. */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { specialtyLabel } from '../clinical-catalogues/labels';
import { ConsultationsPanel, SpecialistPanel } from './ConsultationsPanel';

function ConsultationsTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('consultations.forPerson', 'medical', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return (
    <ConsultationsPanel
      personId={personId}
      consultations={query.data?.items ?? []}
      canWrite={canWrite}
      showEmpty={drawn}
    />
  );
}

function SpecialistTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab(
    'consultations.specialistForPerson',
    'specialist',
    props,
  );
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return (
    <SpecialistPanel
      personId={personId}
      consultations={query.data?.items ?? []}
      canWrite={canWrite}
      showEmpty={drawn}
    />
  );
}

export const consultationsTab: DossierTabDef = {
  key: 'consultations',
  labelKey: 'consultations.tabs.consultations',
  section: 'medical',
  order: 50,
  Component: ConsultationsTab,
};

export const specialistTab: DossierTabDef = {
  key: 'specialist',
  labelKey: 'consultations.tabs.specialist',
  section: 'specialist',
  order: 55,
  Component: SpecialistTab,
};

export const consultationsTimeline: TimelineKindDef[] = [
  {
    kind: 'consultation',
    color: 'indigo',
    describe: (t, item) => ({
      title:
        item.label === 'open'
          ? t('consultations.timeline.consultationOpen')
          : t('consultations.timeline.consultation'),
      detail: item.detail ? t('consultations.timeline.by', { name: item.detail }) : null,
    }),
  },
  {
    kind: 'prescription',
    color: 'indigo',
    describe: (t, item) => ({
      title: t('consultations.timeline.prescription', { count: Number(item.label) || 0 }),
      detail: item.detail ? t('consultations.timeline.by', { name: item.detail }) : null,
    }),
  },
  {
    kind: 'specialist_consultation',
    color: 'violet',
    describe: (t, item) => ({
      title: t('consultations.timeline.specialist', { specialty: specialtyLabel(t, { code: item.label }) }),
      detail: item.detail ? t('consultations.timeline.by', { name: item.detail }) : null,
    }),
  },
];
