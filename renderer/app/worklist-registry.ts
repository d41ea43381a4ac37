/**
 * The panels of "À faire" (`/work`), one line per capability that owns worklists: each declares
 * its panels (list, roles, section, counts, component) in its own feature folder.
 */
import { prepWorklistPanels } from '../features/prep/PrepWorklistPanel';
import { screeningsWorklistPanels } from '../features/screenings/ScreeningsWorklistPanel';
import { treatmentsWorklistPanels } from '../features/treatments/TreatmentsWorklistPanel';
import { vaccinationsWorklistPanels } from '../features/vaccinations/VaccinationsWorklistPanel';
import { violenceWorklistPanels } from '../features/violence/ViolenceWorklistPanel';
import { casePlansWorklistPanels } from '../features/case-plans/CasePlansWorklistPanel';
import { legalWorklistPanels } from '../features/legal/LegalWorklistPanel';
import { waitingListsWorklistPanels } from '../features/waiting-lists/WaitingListWorklistPanel';
import type { WorklistPanelDef } from '../features/worklists/worklist-panel';

export const WORKLIST_PANELS: readonly WorklistPanelDef[] = [
  ...screeningsWorklistPanels,
  ...treatmentsWorklistPanels,
  ...prepWorklistPanels,
  ...vaccinationsWorklistPanels,
  ...violenceWorklistPanels,
  ...casePlansWorklistPanels,
  ...legalWorklistPanels,
  ...waitingListsWorklistPanels,
];
