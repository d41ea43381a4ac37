import { centreAdapter, siteAdapter } from '../services/centre/interchange';
import { userAdapter } from '../services/users/interchange';
import { consentAdapter, personAdapter } from '../services/persons/interchange';
import { visitAdapter } from '../services/visits/interchange';
import { appointmentAdapter } from '../services/appointments/interchange';
import { interviewAdapter } from '../services/interviews/interchange';
import { directoryEntryAdapter, referralAdapter } from '../services/directory/interchange';
import { resultAdapter, sampleAdapter, screeningAdapter } from '../services/screenings/interchange';
import { partnerAdapter, toTreatAdapter, treatmentAdapter } from '../services/treatments/interchange';
import { consultationAdapter, prescriptionAdapter } from '../services/consultations/interchange';
import { vaccineCourseAdapter, vaccineDoseAdapter } from '../services/vaccinations/interchange';
import { waitingListEntryAdapter, workshopAdapter } from '../services/waiting-lists/interchange';
import { prepEpisodeAdapter, prepFollowUpAdapter } from '../services/prep/interchange';
import { catalogueVersionAdapter } from '../services/clinical-catalogues/interchange';
import {
  incidentNarrativeAdapter,
  injuryCertificateAdapter,
  protocolStepAdapter,
  violenceIncidentAdapter,
} from '../services/violence/interchange';
import {
  careReferentAdapter,
  casePlanAdapter,
  casePlanEventAdapter,
  casePlanSiteAdapter,
  planActionAdapter,
  planItemAdapter,
  safetyPlanAdapter,
  safetyPlanReviewAdapter,
} from '../services/case-plans/interchange';
import { hearingAdapter, legalProcedureAdapter, legalStepAdapter } from '../services/legal/interchange';
import { socialSupportAdapter } from '../services/social-support/interchange';
import { psyReferralAdapter, psySessionAdapter } from '../services/psy-support/interchange';
import { coordinationMeetingAdapter, meetingCaseAdapter } from '../services/meetings/interchange';
import {
  microCreditAdapter,
  microCreditStepAdapter,
  trainingAdapter,
} from '../services/economic-autonomy/interchange';
import { attachmentAdapter, attachmentPartAdapter } from '../services/attachments/interchange';
import type { RecordAdapter } from './adapter';
import type { RecordType } from '../../../shared/contract/interchange';

/** Every record type the interchange format carries, in dependency order. */
export const ADAPTERS = [
  centreAdapter,
  siteAdapter,
  userAdapter,
  directoryEntryAdapter,
  catalogueVersionAdapter,
  personAdapter,
  consentAdapter,
  appointmentAdapter,
  visitAdapter,
  interviewAdapter,
  referralAdapter,
  screeningAdapter,
  sampleAdapter,
  resultAdapter,
  toTreatAdapter,
  treatmentAdapter,
  partnerAdapter,
  consultationAdapter,
  prescriptionAdapter,
  vaccineCourseAdapter,
  vaccineDoseAdapter,
  workshopAdapter,
  waitingListEntryAdapter,
  prepEpisodeAdapter,
  prepFollowUpAdapter,
  violenceIncidentAdapter,
  incidentNarrativeAdapter,
  injuryCertificateAdapter,
  protocolStepAdapter,
  coordinationMeetingAdapter,
  casePlanAdapter,
  casePlanSiteAdapter,
  casePlanEventAdapter,
  planItemAdapter,
  planActionAdapter,
  safetyPlanAdapter,
  safetyPlanReviewAdapter,
  careReferentAdapter,
  legalProcedureAdapter,
  legalStepAdapter,
  hearingAdapter,
  socialSupportAdapter,
  psySessionAdapter,
  psyReferralAdapter,
  meetingCaseAdapter,
  trainingAdapter,
  microCreditAdapter,
  microCreditStepAdapter,
  attachmentAdapter,
  attachmentPartAdapter,
] as const;

export function adapterFor(type: Exclude<RecordType, 'header'>): RecordAdapter<typeof type> {
  const adapter = ADAPTERS.find((a) => a.type === type);
  if (!adapter) throw new Error(`no adapter for ${type}`);
  return adapter;
}
