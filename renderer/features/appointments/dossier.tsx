/** What the appointments feature adds to a dossier: its timeline items (its table sits in the pathway tab). */
import type { TimelineKindDef } from '../persons/dossier/dossier-tab';
import { known } from '../persons/dossier/timeline-text';

export const appointmentsTimeline: TimelineKindDef[] = [
  {
    kind: 'appointment',
    color: 'cyan',
    describe: (t, item) => ({
      title: t('dossier.timeline.appointment', {
        type: known(`catalogue.appointmentTypes.${item.label}`, item.label),
      }),
      detail: item.detail ? known(`appointments.statuses.${item.detail}`, item.detail) : null,
    }),
  },
];
