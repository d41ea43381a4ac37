/**
 * How each kind of timeline item is drawn, one line per feature that contributes items. The core
 * sends the kinds its capabilities declare; an unknown kind is drawn as it came.
 */
import { appointmentsTimeline } from '../features/appointments/dossier';
import { referralsTimeline } from '../features/directory/dossier';
import { interviewsTimeline } from '../features/interviews/dossier';
import { consultationsTimeline } from '../features/consultations/dossier';
import type { TimelineKindDef } from '../features/persons/dossier/dossier-tab';
import { personsTimeline } from '../features/persons/dossier/timeline-kinds';
import { prepTimeline } from '../features/prep/dossier';
import { screeningsTimeline } from '../features/screenings/dossier';
import { vaccinationsTimeline } from '../features/vaccinations/dossier';
import { visitsTimeline } from '../features/visits/dossier';
import { waitingListsTimeline } from '../features/waiting-lists/dossier';
import { treatmentsTimeline } from '../features/treatments/dossier';
import { violenceTimeline } from '../features/violence/dossier';
import { casePlanTimeline } from '../features/case-plans/dossier';
import { legalTimeline } from '../features/legal/dossier';
import { economicAutonomyTimeline } from '../features/economic-autonomy/dossier';
import { socialSupportTimeline } from '../features/social-support/dossier';
import { psySupportTimeline } from '../features/psy-support/dossier';

export const TIMELINE_KINDS: ReadonlyMap<string, TimelineKindDef> = new Map(
  [
    personsTimeline,
    visitsTimeline,
    appointmentsTimeline,
    interviewsTimeline,
    referralsTimeline,
    screeningsTimeline,
    vaccinationsTimeline,
    consultationsTimeline,
    prepTimeline,
    waitingListsTimeline,
    treatmentsTimeline,
    violenceTimeline,
    casePlanTimeline,
    legalTimeline,
    economicAutonomyTimeline,
    socialSupportTimeline,
    psySupportTimeline,
  ]
    .flat()
    .map((def) => [def.kind, def]),
);
