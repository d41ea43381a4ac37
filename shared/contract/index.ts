/**
 * The whole contract between the renderer and the core: every channel, its input and output
 * schema. Nothing is reachable that is not listed here (the core binds exactly these names).
 */
import type { z } from 'zod';
import { auditChannels } from './audit';
import { authChannels } from './auth';
import { centreChannels } from './centre';
import { setupChannels } from './setup';
import { usersChannels } from './users';
import { personsChannels } from './persons';
import { dossierChannels } from './dossier';
import { visitsChannels } from './visits';
import { appointmentsChannels } from './appointments';
import { interviewsChannels } from './interviews';
import { directoryChannels } from './directory';
import { screeningsChannels } from './screenings';
import { screeningsWorklistChannels } from './screenings-worklist';
import { labImportChannels } from './lab-import';
import { treatmentsChannels } from './treatments';
import { prepChannels } from './prep';
import { cataloguesChannels } from './clinical-catalogues';
import { waitingListsChannels } from './waiting-lists';
import { vaccinationsChannels } from './vaccinations';
import { consultationsChannels } from './consultations';
import { violenceChannels } from './violence';
import { casePlansChannels } from './case-plans';
import { legalChannels } from './legal';
import { socialSupportChannels } from './social-support';
import { psySupportChannels } from './psy-support';
import { economicAutonomyChannels } from './economic-autonomy';
import { meetingsChannels } from './meetings';
import { attachmentsChannels } from './attachments';

export const CONTRACT = {
  ...setupChannels,
  ...authChannels,
  ...usersChannels,
  ...centreChannels,
  ...auditChannels,
  ...personsChannels,
  ...dossierChannels,
  ...visitsChannels,
  ...appointmentsChannels,
  ...interviewsChannels,
  ...directoryChannels,
  ...screeningsChannels,
  ...screeningsWorklistChannels,
  ...labImportChannels,
  ...treatmentsChannels,
  ...prepChannels,
  ...cataloguesChannels,
  ...waitingListsChannels,
  ...vaccinationsChannels,
  ...consultationsChannels,
  ...violenceChannels,
  ...casePlansChannels,
  ...legalChannels,
  ...socialSupportChannels,
  ...psySupportChannels,
  ...economicAutonomyChannels,
  ...meetingsChannels,
  ...attachmentsChannels,
};

export type Contract = typeof CONTRACT;
export type ChannelName = keyof Contract;
export const CHANNEL_NAMES = Object.keys(CONTRACT) as ChannelName[];

export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
/** The input as a handler receives it: parsed, defaults applied. */
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;

/** Channels reachable without a session. */
export const PUBLIC_CHANNELS: readonly ChannelName[] = ['setup.status', 'setup.initialize', 'auth.login'];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT, name);
}

export * from './envelope';
export type { SessionUser, SessionState } from './auth';
export type { StaffUser } from './users';
export type { Centre, Site } from './centre';
export type { AuditEntryView, AuditVerification, AuditAction } from './audit';
export type { Person, PersonInput, SearchResult, ConsentState } from './persons';
export type { Dossier, SectionView } from './dossier';
export type { Visit, BoardRow } from './visits';
export type { Appointment } from './appointments';
export type { Interview } from './interviews';
export type { DirectoryEntry, Referral } from './directory';
export type { VaccineCourse, VaccineDose } from './vaccinations';
