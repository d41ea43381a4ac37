/** The person's own timeline items: the file's creation and the consent decisions. */
import type { TimelineKindDef } from './dossier-tab';
import { known } from './timeline-text';

export const personsTimeline: TimelineKindDef[] = [
  {
    kind: 'created',
    color: 'gray',
    describe: (t, item) => ({ title: t('dossier.timeline.created'), detail: item.detail }),
  },
  {
    kind: 'consent',
    color: 'orange',
    describe: (t, item) => ({
      title: t(
        item.label === 'given' ? 'dossier.timeline.consentGiven' : 'dossier.timeline.consentWithdrawn',
        {
          scope: known(`consents.scopes.${item.detail ?? ''}`, item.detail),
        },
      ),
      detail: null,
    }),
  },
];
