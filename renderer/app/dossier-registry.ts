/**
 * The tabs of a person's dossier, one line per feature tab. `DossierPage` draws them in order and
 * the dossier's address accepts exactly their keys; a feature adds a tab here and nowhere else.
 */
import { referralsTab } from '../features/directory/dossier';
import { interviewsTab, todayTab } from '../features/interviews/dossier';
import { consultationsTab, specialistTab } from '../features/consultations/dossier';
import type { DossierPanelDef, DossierTabDef } from '../features/persons/dossier/dossier-tab';
import { accessTab, consentsTab, identityTab, timelineTab } from '../features/persons/dossier/tabs';
import { prepTab } from '../features/prep/dossier';
import { vaccinationsTab } from '../features/vaccinations/dossier';
import { screeningsTab } from '../features/screenings/dossier';
import { pathwayTab } from '../features/visits/dossier';
import { waitingListsPanel } from '../features/waiting-lists/dossier';
import { treatmentsPanel } from '../features/treatments/dossier';
import { violenceTab } from '../features/violence/dossier';
import { casePlanTab } from '../features/case-plans/dossier';
import { legalTab } from '../features/legal/dossier';
import { socialSupportTab } from '../features/social-support/dossier';
import { psySupportTab } from '../features/psy-support/dossier';
import { economicAutonomyTab } from '../features/economic-autonomy/dossier';

export const DOSSIER_TABS: readonly DossierTabDef[] = [
  identityTab,
  todayTab,
  consentsTab,
  pathwayTab,
  interviewsTab,
  referralsTab,
  screeningsTab,
  vaccinationsTab,
  consultationsTab,
  specialistTab,
  prepTab,
  violenceTab,
  casePlanTab,
  economicAutonomyTab,
  legalTab,
  socialSupportTab,
  psySupportTab,
  timelineTab,
  accessTab,
].sort((a, b) => a.order - b.order);

/** Panels a feature adds inside another feature's tab, one line each; each tab draws its own. */
export const DOSSIER_PANELS: readonly DossierPanelDef[] = [waitingListsPanel, treatmentsPanel].sort(
  (a, b) => a.order - b.order,
);
