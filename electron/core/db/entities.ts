import { AccessGrantEntity, AccessGrantReviewEntity } from '../access/entities';
import { AuditEntity } from '../audit/entities';
import { CentreEntity, SiteEntity } from '../services/centre/entities';
import { StaffUserEntity, StaffUserRoleEntity, StaffUserSiteEntity } from '../services/users/entities';
import { ConsentEntity, FileNumberCounterEntity, PersonEntity } from '../services/persons/entities';
import { VisitEntity, VisitStepEntity } from '../services/visits/entities';
import { AppointmentEntity } from '../services/appointments/entities';
import { InterviewEntity } from '../services/interviews/entities';
import { DirectoryEntryEntity, ReferralEntity } from '../services/directory/entities';
import { ResultEntity, SampleEntity, ScreeningEntity } from '../services/screenings/entities';
import { LabImportEntity } from '../services/screenings/lab-import-entity';
import { PartnerEntity, ToTreatEntity, TreatmentEntity } from '../services/treatments/entities';
import { VaccineCourseEntity, VaccineDoseEntity } from '../services/vaccinations/entities';
import {
  CertificateEntity,
  IncidentEntity,
  NarrativeEntity,
  ProtocolStepEntity,
} from '../services/violence/entities';
import {
  CareReferentEntity,
  CasePlanEntity,
  CasePlanEventEntity,
  CasePlanSiteEntity,
  PlanActionEntity,
  PlanItemEntity,
  SafetyPlanEntity,
  SafetyPlanReviewEntity,
} from '../services/case-plans/entities';
import { HearingEntity, LegalStepEntity, ProcedureEntity } from '../services/legal/entities';
import { SocialSupportEntity } from '../services/social-support/entities';
import { PsyReferralEntity, PsySessionEntity } from '../services/psy-support/entities';
import {
  MicroCreditEntity,
  MicroCreditStepEntity,
  TrainingEntity,
} from '../services/economic-autonomy/entities';
import { CoordinationMeetingEntity, MeetingCaseEntity } from '../services/meetings/entities';
import { AttachmentChunkEntity, AttachmentEntity } from '../services/attachments/entities';
import { PrepEpisodeEntity, PrepFollowUpEntity } from '../services/prep/entities';
import { CatalogueVersionEntity } from '../services/clinical-catalogues/entities';
import {
  ConsultationDiagnosisEntity,
  ConsultationEntity,
  PrescriptionEntity,
} from '../services/consultations/entities';
import { WaitingListEntryEntity, WorkshopEntity } from '../services/waiting-lists/entities';

/** Every entity of the store. A capability that adds a table adds its entity here. */
export const ENTITIES = [
  CentreEntity,
  SiteEntity,
  StaffUserEntity,
  StaffUserRoleEntity,
  StaffUserSiteEntity,
  AuditEntity,
  AccessGrantEntity,
  AccessGrantReviewEntity,
  PersonEntity,
  ConsentEntity,
  FileNumberCounterEntity,
  VisitEntity,
  VisitStepEntity,
  AppointmentEntity,
  InterviewEntity,
  DirectoryEntryEntity,
  ReferralEntity,
  ScreeningEntity,
  SampleEntity,
  ResultEntity,
  LabImportEntity,
  ToTreatEntity,
  TreatmentEntity,
  PartnerEntity,
  PrepEpisodeEntity,
  PrepFollowUpEntity,
  VaccineCourseEntity,
  VaccineDoseEntity,
  CatalogueVersionEntity,
  ConsultationEntity,
  ConsultationDiagnosisEntity,
  PrescriptionEntity,
  WorkshopEntity,
  WaitingListEntryEntity,
  IncidentEntity,
  NarrativeEntity,
  ProtocolStepEntity,
  CertificateEntity,
  CasePlanEntity,
  CasePlanSiteEntity,
  CasePlanEventEntity,
  PlanItemEntity,
  PlanActionEntity,
  SafetyPlanEntity,
  SafetyPlanReviewEntity,
  CareReferentEntity,
  ProcedureEntity,
  SocialSupportEntity,
  PsySessionEntity,
  PsyReferralEntity,
  LegalStepEntity,
  HearingEntity,
  CoordinationMeetingEntity,
  MeetingCaseEntity,
  AttachmentEntity,
  AttachmentChunkEntity,
  TrainingEntity,
  MicroCreditEntity,
  MicroCreditStepEntity,
];
