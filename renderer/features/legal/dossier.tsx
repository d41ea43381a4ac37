/**
 * What the legal feature adds to a dossier: the "Juridique" tab (procedures, steps, hearings),
 * opened first for legal staff (their own work lives there), and its items on the timeline (label
 * keys only: a type of procedure, a stage, a hearing's kind and status, never a text).
 */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { OPENING_WEIGHT } from '../persons/dossier/opening-tab';
import { known } from '../persons/dossier/timeline-text';
import { LegalPanel } from './LegalPanel';

function LegalTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('legal.forPerson', 'legal', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return <LegalPanel personId={personId} procedures={query.data?.items ?? []} canWrite={canWrite} />;
}

export const legalTab: DossierTabDef = {
  key: 'legal',
  labelKey: 'legal.tab.title',
  section: 'legal',
  order: 98,
  Component: LegalTab,
  // A lawyer's own work is the procedures (docs/violence-care.md, section 7: Juridique at 40).
  opensFor: (reader) => (reader.roles.includes('legal') ? OPENING_WEIGHT.roleWork + 10 : null),
};

export const legalTimeline: TimelineKindDef[] = [
  {
    kind: 'legal_procedure',
    color: 'indigo',
    describe: (t, item) => ({
      title: t('legal.timeline.procedure', { type: known(`legal.types.${item.label}`, item.label) }),
      detail: null,
    }),
  },
  {
    kind: 'legal_step',
    color: 'indigo',
    describe: (t, item) => ({
      title: t('legal.timeline.step', { stage: known(`legal.stages.${item.label}`, item.label) }),
      detail: null,
    }),
  },
  {
    kind: 'hearing',
    color: 'indigo',
    describe: (t, item) => ({
      title: t('legal.timeline.hearing', {
        kind: known(`legal.hearingKinds.${item.detail ?? ''}`, item.detail ?? ''),
        status: known(`legal.hearingStatuses.${item.label}`, item.label),
      }),
      detail: null,
    }),
  },
];
