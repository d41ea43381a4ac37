/**
 * The route table: every channel of the contract bound to who may call it and its handler. Both
 * transports (IPC in Electron, HTTP for `parcours serve`) dispatch through this one table, so
 * nothing is reachable that is not here, and nothing here escapes the gate.
 */
import type { ChannelName, ChannelOutput, ParsedInput } from '../../../shared/contract';
import type { Permission, Section } from '../../../shared/domain/roles';
import type { BoardRow } from '../../../shared/contract/visits';
import type { Actor } from '../access/gate';
import type { CoreContext } from '../context';
import {
  breakGlassCount,
  breakGlassEvents,
  listAudit,
  reviewBreakGlass,
  unusualReading,
  verifyAudit,
} from '../services/audit/audit-service';
import { changePassword, login, logout, sessionState, unlock } from '../services/auth/auth-service';
import type { Session } from '../services/auth/sessions';
import { getCentre, saveSite, updateCentre } from '../services/centre/centre-service';
import { backupOnServer } from '../services/centre/backup-service';
import {
  catalogueVersions,
  currentCatalogues,
  saveCatalogue,
} from '../services/clinical-catalogues/clinical-catalogues-service';
import { initialize } from '../services/setup/setup-service';
import {
  createUser,
  deactivateUser,
  listProfessionals,
  listUsers,
  resetPassword,
  updateUser,
} from '../services/users/users-service';
import {
  accessLog,
  breakTheGlass,
  createPerson,
  findDuplicates,
  getConsents,
  getPerson,
  recordConsent,
  searchPersons,
  updatePerson,
} from '../services/persons/persons-service';
import { accessLogPdf, consentForm } from '../services/persons/documents';
import { mergePersons } from '../services/persons/merge';
import { composeDossier, composeTimeline } from '../dossier/compose';
import { visitsForPerson } from '../services/visits/dossier-section';
import { appointmentsForPerson } from '../services/appointments/dossier-section';
import { interviewsForPerson } from '../services/interviews/dossier-section';
import { referralsForPerson } from '../services/directory/dossier-section';
import { personOfVisit } from '../services/visits/visits-service';
import { personsOfAppointment } from '../services/appointments/appointments-service';
import { authorOfInterview } from '../services/interviews/interviews-service';
import { authorOfReferral, personOfReferral } from '../services/directory/directory-service';
import { personField, type DossierDeclaration, type DossierScope } from './access';
import {
  board,
  boardSummary,
  cancelStep,
  checkIn,
  moveVisit,
  requeueVisit,
  sectionsShown,
  setPriority,
} from '../services/visits/visits-service';
import {
  agendaSummary,
  book,
  listAppointments,
  reminders,
  setAppointmentStatus,
  updateAppointment,
} from '../services/appointments/appointments-service';
import { saveInterview } from '../services/interviews/interviews-service';
import {
  authorOfCourse,
  authorOfDose,
  giveDose,
  stopCourse,
} from '../services/vaccinations/vaccinations-service';
import { vaccinationsForPerson } from '../services/vaccinations/dossier-section';
import { violenceForPerson } from '../services/violence/dossier-section';
import {
  authorOfIncident,
  authorOfNarrative,
  readNarrative,
  saveIncident,
  saveNarrative,
  saveProtocolStep,
} from '../services/violence/violence-service';
import {
  attachToIncident,
  deleteIncidentAttachment,
  incidentAttachments,
  openIncidentAttachment,
} from '../services/violence/attachments';
import { authorOfAttachment } from '../services/attachments/repository';
import {
  attachToPlan,
  deletePlanAttachment,
  openPlanAttachment,
  planAttachments,
} from '../services/case-plans/attachments';
import {
  attachToProcedure,
  deleteProcedureAttachment,
  openProcedureAttachment,
  procedureAttachments,
} from '../services/legal/attachments';
import { stageBegin, stageChunk, stageDrop } from '../services/attachments/staging';
import { openProtocols, openProtocolsCounts } from '../services/violence/worklist';
import {
  authorOfCertificate,
  issueCertificate,
  readCertificate,
  saveCertificate,
} from '../services/violence/certificates';
import { certificatePdf as injuryCertificatePdf } from '../services/violence/documents';
import { careReferentForPerson, casePlansForPerson } from '../services/case-plans/dossier-section';
import {
  authorOfPlan,
  openPlan,
  reviewSafetyPlan,
  saveAction,
  saveItem,
  saveSafetyPlan,
  setReferent,
  setSites,
  setStatus,
} from '../services/case-plans/case-plans-service';
import { myActions, teamActions, teamCounts, worklistCounts } from '../services/case-plans/worklist';
import { legalForPerson } from '../services/legal/dossier-section';
import { addStep, authorOfProcedure, saveHearing, saveProcedure } from '../services/legal/legal-service';
import { calendar, dueThisWeek, hearingsCounts } from '../services/legal/worklist';
import { socialSupportForPerson } from '../services/social-support/dossier-section';
import { authorOfSupport, saveSupport } from '../services/social-support/social-support-service';
import { psySupportForPerson } from '../services/psy-support/dossier-section';
import {
  authorOfPsyReferral,
  authorOfSession,
  referToPsychiatry,
  saveSession,
  updatePsyReferral,
} from '../services/psy-support/psy-support-service';
import { economicAutonomyForPerson } from '../services/economic-autonomy/dossier-section';
import {
  addMicroCreditStep,
  authorOfMicroCredit,
  authorOfTraining,
  saveMicroCredit,
  saveTraining,
} from '../services/economic-autonomy/economic-autonomy-service';
import {
  authorOfMeeting,
  getMeeting,
  listMeetings,
  meetingsOfPerson,
  personsOfGet,
  personsOfSave,
  saveMeeting,
} from '../services/meetings/meetings-service';
import { certificatePdf } from '../services/vaccinations/documents';
import { vaccinationsWorklist, vaccinationsWorklistCounts } from '../services/vaccinations/worklist';
import { screeningsForPerson } from '../services/screenings/dossier-section';
import { screeningsWorklist, screeningsWorklistCounts } from '../services/screenings/worklist';
import { commitLabImport, previewLabImport } from '../services/screenings/lab-import';
import { treatmentsForPerson } from '../services/treatments/dossier-section';
import {
  authorOfToTreat,
  close as closeToTreat,
  give as giveTreatment,
  savePartners,
} from '../services/treatments/treatments-service';
import { treatmentsWorklist, treatmentsWorklistCounts } from '../services/treatments/worklist';
import {
  authorOfResult,
  authorOfSample,
  giveResult,
  saveResult,
  saveSamples,
} from '../services/screenings/screenings-service';
import {
  authorOfEpisode,
  authorOfStart,
  recordFollowUp,
  startPrep,
  stopPrep,
} from '../services/prep/prep-service';
import { prepForPersonWithRules } from '../services/prep/dossier-section';
import { prepWorklist, prepWorklistCounts } from '../services/prep/worklist';
import {
  authorOfConsultation,
  endConsultation,
  saveConsultation,
  saveSpecialistConsultation,
} from '../services/consultations/consultations-service';
import { consultationsForPerson, specialistForPerson } from '../services/consultations/dossier-section';
import { prescriptionPdf } from '../services/consultations/documents';
import {
  listDirectory,
  markVerified,
  refer,
  saveEntry,
  updateReferral,
} from '../services/directory/directory-service';
import {
  authorOfEntry,
  book as bookWaitingListEntry,
  cancel as cancelWaitingListEntry,
  refer as referToSpecialty,
} from '../services/waiting-lists/waiting-lists-service';
import { waitingListsForPerson } from '../services/waiting-lists/dossier-section';
import {
  worklist as waitingListWorklist,
  worklistCounts as waitingListCounts,
} from '../services/waiting-lists/worklist';
import { listWorkshops, saveWorkshop } from '../services/waiting-lists/workshops';

export interface PublicCall {
  ctx: CoreContext;
  /** Where the call comes from (the login throttle counts per client); 'local' when unknown. */
  client: string;
}
export interface SessionCall extends PublicCall {
  session: Session;
  actor: Actor;
}
/** A call on a dossier: the gate has decided, the read is audited, the transaction is open. */
export interface DossierCall extends PublicCall {
  actor: Actor;
  dossier: DossierScope;
  /** The caller's session when the call comes through dispatch (an attachment commit takes its upload). */
  session?: Session;
}

type Handler<C extends ChannelName, Call> = (input: ParsedInput<C>, call: Call) => Promise<ChannelOutput<C>>;

interface SessionOptions {
  access: 'session';
  /** A centre-level permission, checked before anything else. */
  permission?: Permission;
  /** Reachable while the session is locked (unlock, logout, reading the lock state). */
  whileLocked?: boolean;
  /** Reachable before the temporary password is changed. */
  beforePasswordChange?: boolean;
  /** Background refreshes (the board): they do not count as activity for the idle lock. */
  passive?: boolean;
  /**
   * A read that may walk a whole table (audit chain, yearly report, export): after the checks,
   * dispatch runs the handler in the long-read worker on a read-only connection, so it never
   * holds up other calls. The handler must only read.
   */
  longRead?: true;
}

/**
 * Centre-level data (`why` says it, for a channel of a capability that holds a dossier section or
 * whose input names a person), or lists over many persons (the caller's roles must read the section).
 */
export type OpenTouches =
  | { kind: 'centre'; why?: string }
  | {
      kind: 'persons';
      section: Section;
      /**
       * Other sections an answer may disclose beyond `section` (the board's PEP deadline comes from
       * the interview): each one found in the answer is audited as a read of that section too.
       */
      discloses?: (out: unknown) => Section[];
    };

export type Route<C extends ChannelName> =
  | { access: 'public'; handler: Handler<C, PublicCall> }
  | (SessionOptions & {
      /** What the channel touches: the dispatcher gates and audits from this declaration. */
      touches: OpenTouches;
      handler: Handler<C, SessionCall>;
    })
  | (Omit<SessionOptions, 'access'> & {
      access: 'dossier';
      /** Which section of whose dossier: the dispatcher runs the gate and the audit from this. */
      dossier: DossierDeclaration<C>;
      handler: Handler<C, DossierCall>;
    });

export type RouteTable = { [C in ChannelName]: Route<C> };

const CENTRE = { kind: 'centre' } as const;
const PARTNERS = { kind: 'centre', why: 'the directory of partner services, not about a person' } as const;
const STAGING = {
  kind: 'centre',
  why: 'bytes held in the session memory for a gated commit, no person named',
} as const;

function persons(section: Section) {
  return { kind: 'persons', section } as const;
}

/** What the board shows beyond the pathway (a priority's reason, the PEP deadline, the needs). */
function sectionFactsOnBoard(out: unknown): Section[] {
  return sectionsShown((out as { rows?: BoardRow[] }).rows ?? []);
}

/** A dossier channel whose input names the person in `personId`. */
function onPerson<C extends ChannelName>(
  section: Section,
  action: 'read' | 'write',
  extra: Partial<Pick<DossierDeclaration<C>, 'author' | 'partial' | 'names'>> = {},
): DossierDeclaration<C> {
  return { section, action, person: personField<C>('personId' as never), ...extra };
}

export const ROUTES: RouteTable = {
  'setup.status': {
    access: 'public',
    handler: (_input, { ctx }) => {
      const s = ctx.vault.state();
      return Promise.resolve(
        s.state === 'unavailable' ? { state: s.state, problem: s.problem } : { state: s.state },
      );
    },
  },
  'setup.initialize': { access: 'public', handler: (input, { ctx }) => initialize(ctx, input) },
  'auth.login': { access: 'public', handler: (input, { ctx, client }) => login(ctx, input, client) },
  'auth.logout': {
    access: 'session',
    touches: CENTRE,
    whileLocked: true,
    beforePasswordChange: true,
    handler: (_input, { ctx, session }) => logout(ctx, session),
  },
  'auth.session': {
    access: 'session',
    touches: CENTRE,
    whileLocked: true,
    beforePasswordChange: true,
    handler: (_input, { ctx, session }) => sessionState(ctx, session),
  },
  'auth.changePassword': {
    access: 'session',
    touches: CENTRE,
    beforePasswordChange: true,
    handler: (input, { ctx, session, client }) => changePassword(ctx, session, input, client),
  },
  'auth.lock': {
    access: 'session',
    touches: CENTRE,
    whileLocked: true,
    beforePasswordChange: true,
    handler: (_input, { session }) => {
      session.locked = true;
      session.stagedUpload = undefined;
      return Promise.resolve({});
    },
  },
  'auth.unlock': {
    access: 'session',
    touches: CENTRE,
    whileLocked: true,
    beforePasswordChange: true,
    handler: (input, { ctx, session, client }) => unlock(ctx, session, input, client),
  },
  // Attachment uploads (docs/violence-care.md, section 5): bytes held in the session's memory
  // until an owner's gated commit; they name no person and persist nothing.
  'attachments.stageBegin': {
    access: 'session',
    touches: STAGING,
    handler: (input, { ctx, session }) =>
      Promise.resolve(stageBegin(ctx.sessions, session, input, ctx.clock().getTime())),
  },
  'attachments.stageChunk': {
    access: 'session',
    touches: STAGING,
    handler: (input, { ctx, session }) => Promise.resolve(stageChunk(session, input, ctx.clock().getTime())),
  },
  'attachments.stageDrop': {
    access: 'session',
    touches: STAGING,
    handler: (input, { session }) => Promise.resolve(stageDrop(session, input.uploadId)),
  },
  'users.list': {
    access: 'session',
    touches: CENTRE,
    permission: 'users.manage',
    handler: (input, { ctx }) => listUsers(ctx, input),
  },
  'users.create': {
    access: 'session',
    touches: CENTRE,
    permission: 'users.manage',
    handler: (input, { ctx, actor }) => createUser(ctx, actor, input),
  },
  'users.update': {
    access: 'session',
    touches: CENTRE,
    permission: 'users.manage',
    handler: (input, { ctx, actor }) => updateUser(ctx, actor, input),
  },
  'users.resetPassword': {
    access: 'session',
    touches: CENTRE,
    permission: 'users.manage',
    handler: (input, { ctx, actor }) => resetPassword(ctx, actor, input),
  },
  'users.deactivate': {
    access: 'session',
    touches: CENTRE,
    permission: 'users.manage',
    handler: (input, { ctx, actor }) => deactivateUser(ctx, actor, input),
  },
  'users.professionals': {
    access: 'session',
    touches: CENTRE,
    handler: (input, { ctx }) => listProfessionals(ctx, input),
  },
  'centre.get': { access: 'session', touches: CENTRE, handler: (_input, { ctx }) => getCentre(ctx) },
  'centre.update': {
    access: 'session',
    touches: CENTRE,
    permission: 'centre.manage',
    handler: (input, { ctx, actor }) => updateCentre(ctx, actor, input),
  },
  'centre.backup': {
    access: 'session',
    touches: CENTRE,
    permission: 'centre.manage',
    handler: (input, { ctx, actor, client }) => backupOnServer(ctx, actor, input, client),
  },
  'centre.saveSite': {
    access: 'session',
    touches: CENTRE,
    permission: 'centre.manage',
    handler: (input, { ctx, actor }) => saveSite(ctx, actor, input),
  },
  // The clinical catalogues are centre settings: every form reads them, the coordinator edits them.
  'catalogues.current': {
    access: 'session',
    touches: CENTRE,
    handler: (_input, { ctx }) => currentCatalogues(ctx),
  },
  'catalogues.history': {
    access: 'session',
    touches: CENTRE,
    permission: 'catalogues.edit',
    handler: (input, { ctx }) => catalogueVersions(ctx, input),
  },
  'catalogues.save': {
    access: 'session',
    touches: CENTRE,
    permission: 'catalogues.edit',
    handler: (input, { ctx, actor }) => saveCatalogue(ctx, actor, input),
  },
  // The viewer names the files (number, name used): a read of identity, audited as a list.
  'audit.list': {
    access: 'session',
    touches: persons('identity'),
    permission: 'audit.read',
    longRead: true,
    handler: (input, { ctx, actor }) => listAudit(ctx, actor, input),
  },
  'audit.breakGlass': {
    access: 'session',
    touches: persons('identity'),
    permission: 'audit.read',
    handler: (input, { ctx, actor }) => breakGlassEvents(ctx, actor, input),
  },
  'audit.breakGlassCount': {
    access: 'session',
    touches: { kind: 'centre', why: 'a count of grants not yet reviewed: no person, no reason' },
    permission: 'audit.read',
    passive: true,
    handler: (_input, { ctx }) => breakGlassCount(ctx),
  },
  'audit.reviewBreakGlass': {
    access: 'session',
    touches: { kind: 'centre', why: 'the review mark of a grant; the handler audits it' },
    permission: 'audit.read',
    handler: (input, { ctx, actor }) => reviewBreakGlass(ctx, actor, input),
  },
  'audit.unusualReading': {
    access: 'session',
    touches: CENTRE,
    permission: 'audit.read',
    handler: (input, { ctx }) => unusualReading(ctx, input),
  },
  'audit.verify': {
    access: 'session',
    touches: CENTRE,
    permission: 'audit.read',
    longRead: true,
    handler: (_input, { ctx }) => verifyAudit(ctx),
  },

  // The person's file: identity and consent.
  'persons.create': {
    access: 'dossier',
    dossier: { section: 'identity', action: 'write', person: () => null },
    handler: createPerson,
  },
  'persons.update': {
    access: 'dossier',
    dossier: { section: 'identity', action: 'write', person: personField('id') },
    handler: updatePerson,
  },
  'persons.get': {
    access: 'dossier',
    dossier: { section: 'identity', action: 'read', person: personField('id') },
    handler: getPerson,
  },
  'persons.search': {
    access: 'session',
    touches: persons('identity'),
    handler: (input, { ctx, actor }) => searchPersons(ctx, input, actor.roles),
  },
  'persons.duplicates': {
    access: 'session',
    touches: persons('identity'),
    handler: (input, { ctx }) => findDuplicates(ctx, input),
  },
  'persons.merge': {
    access: 'session',
    touches: { kind: 'centre', why: 'a coordinator merges two files; the handler audits the merge' },
    permission: 'persons.merge',
    handler: (input, { ctx, actor }) => mergePersons(ctx, actor, input),
  },
  'persons.consents': { access: 'dossier', dossier: onPerson('consent', 'read'), handler: getConsents },
  'persons.recordConsent': {
    access: 'dossier',
    dossier: onPerson('consent', 'write'),
    handler: recordConsent,
  },
  'persons.consentForm': { access: 'dossier', dossier: onPerson('consent', 'read'), handler: consentForm },
  'persons.accessLog': { access: 'dossier', dossier: onPerson('identity', 'read'), handler: accessLog },
  'persons.accessLogPdf': {
    access: 'dossier',
    dossier: onPerson('identity', 'read'),
    handler: accessLogPdf,
  },
  'persons.breakGlass': {
    access: 'dossier',
    dossier: onPerson('identity', 'read'),
    handler: breakTheGlass,
  },
  'persons.dossier': {
    access: 'dossier',
    dossier: { section: 'identity', action: 'read', person: personField('id') },
    handler: (_input, { actor, dossier }) => composeDossier(actor, dossier),
  },
  'persons.timeline': {
    access: 'dossier',
    dossier: onPerson('identity', 'read'),
    handler: (_input, { actor, dossier }) => composeTimeline(actor, dossier),
  },

  // The pathway: visits and the board, appointments and the agenda.
  'visits.checkIn': { access: 'dossier', dossier: onPerson('pathway', 'write'), handler: checkIn },
  'visits.board': {
    access: 'session',
    touches: { ...persons('pathway'), discloses: sectionFactsOnBoard },
    passive: true,
    handler: (input, { ctx, actor }) => board(ctx, actor, input),
  },
  'visits.summary': {
    access: 'session',
    permission: 'reports.read',
    touches: { kind: 'centre', why: 'counts per step of a site, no person and no reason' },
    passive: true,
    handler: (input, { ctx, actor }) => boardSummary(ctx, actor, input),
  },
  'visits.forPerson': {
    access: 'dossier',
    dossier: onPerson('pathway', 'read', { partial: true }),
    handler: visitsForPerson,
  },
  'visits.move': {
    access: 'dossier',
    dossier: { section: 'pathway', action: 'write', person: personOfVisit },
    handler: moveVisit,
  },
  'visits.requeue': {
    access: 'dossier',
    dossier: { section: 'pathway', action: 'write', person: personOfVisit },
    handler: requeueVisit,
  },
  'visits.cancelStep': {
    access: 'dossier',
    dossier: { section: 'pathway', action: 'write', person: personOfVisit },
    handler: cancelStep,
  },
  'visits.setPriority': {
    access: 'dossier',
    dossier: { section: 'pathway', action: 'write', person: personOfVisit },
    handler: setPriority,
  },
  'appointments.list': {
    access: 'session',
    touches: persons('pathway'),
    passive: true,
    handler: (input, { ctx, actor }) => listAppointments(ctx, actor, input),
  },
  'appointments.summary': {
    access: 'session',
    permission: 'reports.read',
    touches: { kind: 'centre', why: 'counts by status of a site’s agenda, no person' },
    handler: (input, { ctx }) => agendaSummary(ctx, input),
  },
  'appointments.forPerson': {
    access: 'dossier',
    dossier: onPerson('pathway', 'read', { partial: true }),
    handler: appointmentsForPerson,
  },
  'appointments.book': {
    access: 'dossier',
    dossier: { section: 'pathway', action: 'write', person: (i) => i.personId ?? null },
    handler: book,
  },
  'appointments.update': {
    access: 'dossier',
    dossier: { section: 'pathway', action: 'write', person: personsOfAppointment },
    handler: updateAppointment,
  },
  'appointments.setStatus': {
    access: 'dossier',
    dossier: { section: 'pathway', action: 'write', person: personsOfAppointment },
    handler: setAppointmentStatus,
  },
  'appointments.reminders': {
    access: 'session',
    touches: persons('pathway'),
    handler: (input, { ctx }) => reminders(ctx, input),
  },

  // Screenings: samples, results, confirmations, results given (the tests section).
  'screenings.forPerson': {
    access: 'dossier',
    dossier: onPerson('tests', 'read', { partial: true }),
    handler: screeningsForPerson,
  },
  'screenings.saveSamples': {
    access: 'dossier',
    // New samples are the caller's (consent governs sharing, not collecting); marking taken the
    // samples a consultation ordered changes others' records: that needs the consent.
    dossier: onPerson('tests', 'write', {
      author: (input, { actor }) => (input.take.length ? null : actor.userId),
    }),
    handler: saveSamples,
  },
  'screenings.saveResult': {
    access: 'dossier',
    dossier: onPerson('tests', 'write', { author: (input, { em }) => authorOfSample(input, { em }) }),
    handler: saveResult,
  },
  'screenings.give': {
    access: 'dossier',
    dossier: onPerson('tests', 'write', { author: (input, { em }) => authorOfResult(input, { em }) }),
    handler: giveResult,
  },
  'screenings.worklist': {
    access: 'session',
    touches: persons('tests'),
    handler: (input, { ctx, actor }) => screeningsWorklist(ctx, actor, input),
  },
  'screenings.worklistCounts': {
    access: 'session',
    touches: persons('tests'),
    passive: true,
    handler: (input, { ctx, actor }) => screeningsWorklistCounts(ctx, actor, input),
  },
  // The laboratory's CSV file: every person is gated line by line as the save is (lab-import.ts).
  'screenings.importPreview': {
    access: 'session',
    touches: persons('tests'),
    permission: 'results.import',
    handler: (input, { ctx, actor }) => previewLabImport(ctx, actor, input),
  },
  'screenings.importCommit': {
    access: 'session',
    touches: persons('tests'),
    permission: 'results.import',
    handler: (input, { ctx, actor }) => commitLabImport(ctx, actor, input),
  },

  // Test and Treat: to-treat items, treatments, partners (the tests section: the nurse writes).
  'treatments.forPerson': {
    access: 'dossier',
    dossier: onPerson('tests', 'read', { partial: true }),
    handler: treatmentsForPerson,
  },
  'treatments.give': {
    access: 'dossier',
    // Also settles the visit's priority: named as a change of the pathway by the handler.
    dossier: onPerson('tests', 'write', { author: authorOfToTreat }),
    handler: giveTreatment,
  },
  'treatments.close': {
    access: 'dossier',
    dossier: onPerson('tests', 'write', { author: authorOfToTreat }),
    handler: closeToTreat,
  },
  'treatments.savePartners': {
    access: 'dossier',
    dossier: onPerson('tests', 'write', { author: authorOfToTreat }),
    handler: savePartners,
  },
  'treatments.worklist': {
    access: 'session',
    touches: persons('tests'),
    handler: (input, { ctx, actor }) => treatmentsWorklist(ctx, actor, input),
  },
  'treatments.worklistCounts': {
    access: 'session',
    touches: persons('tests'),
    passive: true,
    handler: (input, { ctx, actor }) => treatmentsWorklistCounts(ctx, actor, input),
  },

  // The community interview.
  'interviews.forPerson': {
    access: 'dossier',
    dossier: onPerson('interview', 'read', { partial: true }),
    handler: interviewsForPerson,
  },
  'interviews.save': {
    access: 'dossier',
    dossier: onPerson('interview', 'write', { author: authorOfInterview }),
    handler: saveInterview,
  },

  // Consultations: the doctor's (medical) and the specialists' (specialist).
  'consultations.forPerson': {
    access: 'dossier',
    dossier: onPerson('medical', 'read', { partial: true }),
    handler: consultationsForPerson,
  },
  'consultations.save': {
    access: 'dossier',
    dossier: onPerson('medical', 'write', { author: authorOfConsultation }),
    handler: saveConsultation,
  },
  'consultations.end': {
    access: 'dossier',
    // Also moves the visit: named as a change of the pathway by the handler.
    dossier: onPerson('medical', 'write', { author: authorOfConsultation }),
    handler: endConsultation,
  },
  'consultations.specialistForPerson': {
    access: 'dossier',
    dossier: onPerson('specialist', 'read', { partial: true }),
    handler: specialistForPerson,
  },
  'consultations.saveSpecialist': {
    access: 'dossier',
    dossier: onPerson('specialist', 'write', { author: authorOfConsultation }),
    handler: saveSpecialistConsultation,
  },
  'consultations.prescriptionPdf': {
    access: 'dossier',
    dossier: onPerson('medical', 'read', {
      names: (i) => ({ type: 'prescription_pdf', id: i.prescriptionId }),
    }),
    handler: prescriptionPdf,
  },

  // PrEP: episodes, follow-ups and the worklists of the follow-up.
  'prep.forPerson': {
    access: 'dossier',
    dossier: onPerson('prep', 'read', { partial: true }),
    handler: prepForPersonWithRules,
  },
  'prep.start': {
    access: 'dossier',
    dossier: onPerson('prep', 'write', { author: authorOfStart }),
    handler: startPrep,
  },
  'prep.followUp': {
    access: 'dossier',
    dossier: onPerson('prep', 'write', { author: authorOfEpisode }),
    handler: recordFollowUp,
  },
  'prep.stop': {
    access: 'dossier',
    dossier: onPerson('prep', 'write', { author: authorOfEpisode }),
    handler: stopPrep,
  },
  'prep.worklist': {
    access: 'session',
    touches: persons('prep'),
    handler: (input, { ctx, actor }) => prepWorklist(ctx, actor, input),
  },
  'prep.worklistCounts': {
    access: 'session',
    touches: persons('prep'),
    passive: true,
    handler: (input, { ctx, actor }) => prepWorklistCounts(ctx, actor, input),
  },

  // Vaccinations: courses and doses, the certificate, the doses due.
  'vaccinations.forPerson': {
    access: 'dossier',
    dossier: onPerson('vaccines', 'read', { partial: true }),
    handler: vaccinationsForPerson,
  },
  'vaccinations.giveDose': {
    access: 'dossier',
    dossier: onPerson('vaccines', 'write', { author: authorOfDose }),
    handler: giveDose,
  },
  'vaccinations.stopCourse': {
    access: 'dossier',
    dossier: onPerson('vaccines', 'write', { author: authorOfCourse }),
    handler: stopCourse,
  },
  // The whole record on paper: not for a reader who sees only the doses they gave. Its read is
  // audited by the document's name, so the person's access report says a certificate was printed.
  'vaccinations.certificatePdf': {
    access: 'dossier',
    dossier: onPerson('vaccines', 'read', {
      names: (i) => ({ type: 'vaccination_certificate', id: i.personId }),
    }),
    handler: certificatePdf,
  },
  'vaccinations.worklist': {
    access: 'session',
    touches: persons('vaccines'),
    handler: (input, { ctx, actor }) => vaccinationsWorklist(ctx, actor, input),
  },
  'vaccinations.worklistCounts': {
    access: 'session',
    touches: persons('vaccines'),
    passive: true,
    handler: (input, { ctx, actor }) => vaccinationsWorklistCounts(ctx, actor, input),
  },

  // The directory of partners, and referrals to them.
  'directory.list': {
    access: 'session',
    touches: PARTNERS,
    handler: (input, { ctx }) => listDirectory(ctx, input),
  },
  'directory.save': {
    access: 'session',
    touches: PARTNERS,
    permission: 'directory.manage',
    handler: (input, { ctx, actor }) => saveEntry(ctx, actor, input),
  },
  'directory.markVerified': {
    access: 'session',
    touches: PARTNERS,
    permission: 'directory.manage',
    handler: (input, { ctx, actor }) => markVerified(ctx, actor, input),
  },
  'directory.referralsForPerson': {
    access: 'dossier',
    dossier: onPerson('referrals', 'read', { partial: true }),
    handler: referralsForPerson,
  },
  'directory.refer': {
    access: 'dossier',
    dossier: onPerson('referrals', 'write', { author: (_input, { actor }) => actor.userId }),
    handler: refer,
  },
  'directory.updateReferral': {
    access: 'dossier',
    dossier: {
      section: 'referrals',
      action: 'write',
      person: personOfReferral,
      author: authorOfReferral,
    },
    handler: updateReferral,
  },

  // Specialist waiting lists: internal referrals (the referrals section: whoever refers may put
  // someone on a list), their booking, the specialties' worklists, and the collective workshops.
  'waitingLists.forPerson': {
    access: 'dossier',
    dossier: onPerson('referrals', 'read', { partial: true }),
    handler: waitingListsForPerson,
  },
  'waitingLists.refer': {
    access: 'dossier',
    dossier: onPerson('referrals', 'write', { author: (_input, { actor }) => actor.userId }),
    handler: referToSpecialty,
  },
  'waitingLists.book': {
    access: 'dossier',
    dossier: onPerson('referrals', 'write', { author: authorOfEntry }),
    handler: bookWaitingListEntry,
  },
  'waitingLists.cancel': {
    access: 'dossier',
    dossier: onPerson('referrals', 'write', { author: authorOfEntry }),
    handler: cancelWaitingListEntry,
  },
  'waitingLists.worklist': {
    access: 'session',
    touches: persons('referrals'),
    handler: (input, { ctx, actor }) => waitingListWorklist(ctx, actor, input),
  },
  'waitingLists.worklistCounts': {
    access: 'session',
    touches: persons('referrals'),
    passive: true,
    handler: (input, { ctx, actor }) => waitingListCounts(ctx, actor, input),
  },
  'waitingLists.workshops': {
    access: 'session',
    touches: { kind: 'centre', why: 'collective sessions and their free seats, no person' },
    handler: (input, { ctx }) => listWorkshops(ctx, input),
  },
  'waitingLists.saveWorkshop': {
    access: 'session',
    touches: { kind: 'centre', why: 'a collective session of the centre, no person' },
    permission: 'centre.manage',
    handler: (input, { ctx, actor }) => saveWorkshop(ctx, actor, input),
  },

  // Violence (docs/violence-care.md): incidents, narratives, the 72-hour protocol. Writes by the
  // social worker, the doctor and legal; the incident also sets the visit's priority (pathway),
  // named by the handler. The narrative is never sent with the tab: its own read names it.
  'violence.forPerson': {
    access: 'dossier',
    dossier: onPerson('violence', 'read', { partial: true }),
    handler: violenceForPerson,
  },
  'violence.saveIncident': {
    access: 'dossier',
    dossier: onPerson('violence', 'write', { author: authorOfIncident }),
    handler: saveIncident,
  },
  'violence.narrative': {
    access: 'dossier',
    dossier: onPerson('violence', 'read', {
      author: authorOfNarrative,
      names: (i) => ({ type: 'incident_narrative', id: i.incidentId }),
    }),
    handler: readNarrative,
  },
  'violence.saveNarrative': {
    access: 'dossier',
    dossier: onPerson('violence', 'write', { author: authorOfNarrative }),
    handler: saveNarrative,
  },
  'violence.saveProtocolStep': {
    access: 'dossier',
    dossier: onPerson('violence', 'write', { author: authorOfIncident }),
    handler: saveProtocolStep,
  },
  // The certificate of injuries: written and signed by the examining doctor (the handler refuses
  // other writers with `certificate_doctor_required`); its whole text and its PDF are reads that
  // name it, so "who looked at my file" says which certificate was opened or printed.
  'violence.saveCertificate': {
    access: 'dossier',
    dossier: onPerson('violence', 'write', { author: authorOfCertificate }),
    handler: saveCertificate,
  },
  'violence.certificate': {
    access: 'dossier',
    dossier: onPerson('violence', 'read', {
      author: authorOfCertificate,
      names: (i) => ({ type: 'injury_certificate', id: i.certificateId }),
    }),
    handler: readCertificate,
  },
  'violence.issueCertificate': {
    access: 'dossier',
    dossier: onPerson('violence', 'write', { author: authorOfCertificate }),
    handler: issueCertificate,
  },
  'violence.certificatePdf': {
    access: 'dossier',
    dossier: onPerson('violence', 'read', {
      author: authorOfCertificate,
      names: (i) => ({ type: 'injury_certificate', id: i.certificateId }),
    }),
    handler: injuryCertificatePdf,
  },
  // Documents attached to an incident (section 5 of the plan): the commit takes the session's
  // staged upload; opening one is a read naming it; a deletion is for good.
  'violence.attach': {
    access: 'dossier',
    dossier: onPerson('violence', 'write', { author: authorOfIncident }),
    handler: attachToIncident,
  },
  'violence.attachments': {
    access: 'dossier',
    dossier: onPerson('violence', 'read', { author: authorOfIncident }),
    handler: incidentAttachments,
  },
  'violence.openAttachment': {
    access: 'dossier',
    dossier: onPerson('violence', 'read', {
      author: authorOfAttachment,
      names: (i) => ({ type: 'attachment', id: i.attachmentId }),
    }),
    handler: openIncidentAttachment,
  },
  'violence.deleteAttachment': {
    access: 'dossier',
    dossier: onPerson('violence', 'write', { author: authorOfAttachment }),
    handler: deleteIncidentAttachment,
  },
  'violence.openProtocols': {
    access: 'session',
    touches: persons('violence'),
    handler: (input, { ctx, actor }) => openProtocols(ctx, actor, input),
  },
  'violence.openProtocolsCounts': {
    access: 'session',
    touches: persons('violence'),
    passive: true,
    handler: (input, { ctx, actor }) => openProtocolsCounts(ctx, actor, input),
  },

  // Case plans (docs/violence-care.md): the plan, its actions and safety plan. Opening, closing and
  // reopening also write or remove the "followed, ask X" pointer (pathway), named by the handler.
  'casePlans.forPerson': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'read', { partial: true }),
    handler: casePlansForPerson,
  },
  'casePlans.referent': {
    access: 'dossier',
    dossier: onPerson('pathway', 'read'),
    handler: careReferentForPerson,
  },
  'casePlans.open': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'write', { author: authorOfPlan }),
    handler: openPlan,
  },
  'casePlans.setStatus': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'write', { author: authorOfPlan }),
    handler: setStatus,
  },
  'casePlans.setSites': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'write', { author: authorOfPlan }),
    handler: setSites,
  },
  'casePlans.setReferent': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'write', { author: authorOfPlan }),
    handler: setReferent,
  },
  'casePlans.saveItem': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'write', { author: authorOfPlan }),
    handler: saveItem,
  },
  'casePlans.saveAction': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'write', { author: authorOfPlan }),
    handler: saveAction,
  },
  'casePlans.saveSafetyPlan': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'write', { author: authorOfPlan }),
    handler: saveSafetyPlan,
  },
  'casePlans.reviewSafetyPlan': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'write', { author: authorOfPlan }),
    handler: reviewSafetyPlan,
  },
  'casePlans.myActions': {
    access: 'session',
    touches: persons('case_plan'),
    handler: (input, { ctx, actor }) => myActions(ctx, actor, input),
  },
  'casePlans.teamActions': {
    access: 'session',
    touches: persons('case_plan'),
    handler: (input, { ctx, actor }) => teamActions(ctx, actor, input),
  },
  'casePlans.teamCounts': {
    access: 'session',
    permission: 'reports.read',
    touches: { kind: 'centre', why: 'counts of plans and actions per site and per owner, no person' },
    handler: (input, { ctx, actor }) => teamCounts(ctx, actor, input),
  },
  'casePlans.actionsCounts': {
    access: 'session',
    touches: persons('case_plan'),
    passive: true,
    handler: (input, { ctx, actor }) => worklistCounts(ctx, actor, input),
  },

  // Economic autonomy (docs/violence-care.md): trainings and micro-credit applications, section
  // `social` (written by the social worker, read by the psychologist and legal).
  'economicAutonomy.forPerson': {
    access: 'dossier',
    dossier: onPerson('social', 'read', { partial: true }),
    handler: economicAutonomyForPerson,
  },
  'economicAutonomy.saveTraining': {
    access: 'dossier',
    dossier: onPerson('social', 'write', { author: authorOfTraining }),
    handler: saveTraining,
  },
  'economicAutonomy.saveMicroCredit': {
    access: 'dossier',
    dossier: onPerson('social', 'write', { author: authorOfMicroCredit }),
    handler: saveMicroCredit,
  },
  'economicAutonomy.addMicroCreditStep': {
    access: 'dossier',
    dossier: onPerson('social', 'write', { author: authorOfMicroCredit }),
    handler: addMicroCreditStep,
  },

  // Legal (docs/violence-care.md): procedures, their steps and hearings, written by legal and the
  // social worker; the calendar and "due this week" list hearings at the reader's sites.
  // Documents attached to a case plan and to a legal procedure (as on an incident, above).
  'casePlans.attach': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'write', { author: authorOfPlan }),
    handler: attachToPlan,
  },
  'casePlans.attachments': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'read', { author: authorOfPlan }),
    handler: planAttachments,
  },
  'casePlans.openAttachment': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'read', {
      author: authorOfAttachment,
      names: (i) => ({ type: 'attachment', id: i.attachmentId }),
    }),
    handler: openPlanAttachment,
  },
  'casePlans.deleteAttachment': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'write', { author: authorOfAttachment }),
    handler: deletePlanAttachment,
  },
  'legal.attach': {
    access: 'dossier',
    dossier: onPerson('legal', 'write', { author: authorOfProcedure }),
    handler: attachToProcedure,
  },
  'legal.attachments': {
    access: 'dossier',
    dossier: onPerson('legal', 'read', { author: authorOfProcedure }),
    handler: procedureAttachments,
  },
  'legal.openAttachment': {
    access: 'dossier',
    dossier: onPerson('legal', 'read', {
      author: authorOfAttachment,
      names: (i) => ({ type: 'attachment', id: i.attachmentId }),
    }),
    handler: openProcedureAttachment,
  },
  'legal.deleteAttachment': {
    access: 'dossier',
    dossier: onPerson('legal', 'write', { author: authorOfAttachment }),
    handler: deleteProcedureAttachment,
  },
  'legal.forPerson': {
    access: 'dossier',
    dossier: onPerson('legal', 'read', { partial: true }),
    handler: legalForPerson,
  },
  'legal.saveProcedure': {
    access: 'dossier',
    dossier: onPerson('legal', 'write', { author: authorOfProcedure }),
    handler: saveProcedure,
  },
  'legal.addStep': {
    access: 'dossier',
    dossier: onPerson('legal', 'write', { author: authorOfProcedure }),
    handler: addStep,
  },
  'legal.saveHearing': {
    access: 'dossier',
    dossier: onPerson('legal', 'write', { author: authorOfProcedure }),
    handler: saveHearing,
  },
  // Social support (docs/violence-care.md, slice 7): what the social worker gave, read by the
  // psychologist and legal with the `social_legal` consent.
  'socialSupport.forPerson': {
    access: 'dossier',
    dossier: onPerson('social', 'read', { partial: true }),
    handler: socialSupportForPerson,
  },
  'socialSupport.save': {
    access: 'dossier',
    dossier: onPerson('social', 'write', { author: authorOfSupport }),
    handler: saveSupport,
  },
  // Psychological support (docs/violence-care.md, slice 7): the psychologist's sessions and
  // psychiatric referrals, read by the doctor and the social worker only with the `psy` consent.
  'psySupport.forPerson': {
    access: 'dossier',
    dossier: onPerson('psy', 'read', { partial: true }),
    handler: psySupportForPerson,
  },
  'psySupport.saveSession': {
    access: 'dossier',
    dossier: onPerson('psy', 'write', { author: authorOfSession }),
    handler: saveSession,
  },
  'psySupport.refer': {
    access: 'dossier',
    dossier: onPerson('psy', 'write', { author: (_input, { actor }) => actor.userId }),
    handler: referToPsychiatry,
  },
  'psySupport.updateReferral': {
    access: 'dossier',
    dossier: onPerson('psy', 'write', { author: authorOfPsyReferral }),
    handler: updatePsyReferral,
  },
  'legal.calendar': {
    access: 'session',
    touches: persons('legal'),
    handler: (input, { ctx, actor }) => calendar(ctx, actor, input),
  },
  'legal.dueThisWeek': {
    access: 'session',
    touches: persons('legal'),
    handler: (input, { ctx, actor }) => dueThisWeek(ctx, actor, input),
  },
  'legal.hearingsCounts': {
    access: 'session',
    touches: persons('legal'),
    passive: true,
    handler: (input, { ctx, actor }) => hearingsCounts(ctx, actor, input),
  },
  // Coordination meetings (docs/violence-care.md): the header is centre data; each person discussed
  // is gated on `case_plan` (the gate runs for every person the input or the meeting names).
  'meetings.list': {
    access: 'session',
    touches: persons('case_plan'),
    handler: (input, { ctx, actor }) => listMeetings(ctx, actor, input),
  },
  'meetings.forPerson': {
    access: 'dossier',
    dossier: onPerson('case_plan', 'read', { partial: true }),
    handler: meetingsOfPerson,
  },
  'meetings.get': {
    access: 'dossier',
    dossier: {
      section: 'case_plan',
      action: 'read',
      person: personsOfGet,
      author: authorOfMeeting,
      partial: true,
    },
    handler: getMeeting,
  },
  'meetings.save': {
    access: 'dossier',
    dossier: { section: 'case_plan', action: 'write', person: personsOfSave },
    handler: saveMeeting,
  },
};
