/** What the psy-support feature adds to a dossier: the "Soutien psychologique" tab (docs/violence-care.md, section 7: order 94). */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { PsySupportPanel } from './PsySupportPanel';

function PsySupportTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('psySupport.forPerson', 'psy', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return <PsySupportPanel personId={personId} records={query.data?.items ?? []} canWrite={canWrite} />;
}

export const psySupportTab: DossierTabDef = {
  key: 'psy',
  labelKey: 'psySupport.tab.title',
  section: 'psy',
  order: 94,
  Component: PsySupportTab,
};
