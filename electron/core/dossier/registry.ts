/**
 * Every dossier section, one line per capability, in the order the dossier draws them. The
 * dossier's header, the timeline, merge and the consistency checks iterate this list: a capability
 * registered here can never be forgotten by any of them.
 */
import { appointmentsSection } from '../services/appointments/dossier-section';
import { referralsSection } from '../services/directory/dossier-section';
import { interviewsSection } from '../services/interviews/dossier-section';
import { vaccinationsSection } from '../services/vaccinations/dossier-section';
import { prepSection } from '../services/prep/dossier-section';
import { consultationsSection, specialistSection } from '../services/consultations/dossier-section';
import { consentSection, identitySection } from '../services/persons/dossier-section';
import { screeningsSection } from '../services/screenings/dossier-section';
import { treatmentsSection } from '../services/treatments/dossier-section';
import { visitsSection } from '../services/visits/dossier-section';
import { waitingListsSection } from '../services/waiting-lists/dossier-section';
import { violenceSection } from '../services/violence/dossier-section';
import { careReferentSection, casePlansSection } from '../services/case-plans/dossier-section';
import { legalSection } from '../services/legal/dossier-section';
import { socialSupportSection } from '../services/social-support/dossier-section';
import { psySupportSection } from '../services/psy-support/dossier-section';
import { economicAutonomySection } from '../services/economic-autonomy/dossier-section';
import type { DossierSection } from './section';

export const DOSSIER_SECTIONS: readonly DossierSection[] = [
  identitySection,
  consentSection,
  visitsSection,
  appointmentsSection,
  interviewsSection,
  referralsSection,
  vaccinationsSection,
  waitingListsSection,
  screeningsSection,
  treatmentsSection,
  prepSection,
  consultationsSection,
  specialistSection,
  violenceSection,
  casePlansSection,
  careReferentSection,
  legalSection,
  socialSupportSection,
  psySupportSection,
  economicAutonomySection,
];
