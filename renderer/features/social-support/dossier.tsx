/** What the social-support feature adds to a dossier: the "Social" tab (docs/violence-care.md, section 7: order 96). */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { known } from '../persons/dossier/timeline-text';
import { SocialSupportPanel } from './SocialSupportPanel';

function SocialSupportTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('socialSupport.forPerson', 'social', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return <SocialSupportPanel personId={personId} supports={query.data?.items ?? []} canWrite={canWrite} />;
}

export const socialSupportTab: DossierTabDef = {
  key: 'social',
  labelKey: 'socialSupport.tab.title',
  section: 'social',
  order: 96,
  Component: SocialSupportTab,
};

/** A support by its kind on the day it was given: a label key only, never its description or value. */
export const socialSupportTimeline: TimelineKindDef[] = [
  {
    kind: 'social_support',
    color: 'orange',
    describe: (_t, item) => ({ title: known(`socialSupport.kinds.${item.label}`, item.label), detail: null }),
  },
];
