/**
 * The route table: every channel of the contract bound to who may call it and its handler. Both
 * transports (IPC in Electron, HTTP for `parcours serve`) dispatch through this one table, so
 * nothing is reachable that is not here, and nothing here escapes the gate.
 */
import type { ChannelName, ChannelOutput, ParsedInput } from '../../../shared/contract';
import type { Permission } from '../../../shared/domain/roles';
import type { Actor } from '../access/gate';
import type { CoreContext } from '../context';
import { verifyAudit, listAudit } from '../services/audit/audit-service';
import { changePassword, login, logout, sessionState, unlock } from '../services/auth/auth-service';
import type { Session } from '../services/auth/sessions';
import { getCentre, saveSite, updateCentre } from '../services/centre/centre-service';
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
  mergePersons,
  recordConsent,
  searchPersons,
  updatePerson,
} from '../services/persons/persons-service';
import { accessLogPdf, consentForm } from '../services/persons/documents';
import { composeDossier } from '../services/persons/dossier';
import { board, checkIn, moveVisit, requeueVisit, setPriority } from '../services/visits/visits-service';
import {
  book,
  listAppointments,
  reminders,
  setAppointmentStatus,
  updateAppointment,
} from '../services/appointments/appointments-service';
import { saveInterview } from '../services/interviews/interviews-service';
import {
  listDirectory,
  markVerified,
  refer,
  saveEntry,
  updateReferral,
} from '../services/directory/directory-service';

export interface PublicCall {
  ctx: CoreContext;
}
export interface SessionCall extends PublicCall {
  session: Session;
  actor: Actor;
}

type Handler<C extends ChannelName, Call> = (input: ParsedInput<C>, call: Call) => Promise<ChannelOutput<C>>;

export type Route<C extends ChannelName> =
  | { access: 'public'; handler: Handler<C, PublicCall> }
  | {
      access: 'session';
      /** A centre-level permission; dossier sections are checked by the gate inside the handler. */
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
      handler: Handler<C, SessionCall>;
    };

export type RouteTable = { [C in ChannelName]: Route<C> };

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
  'auth.login': { access: 'public', handler: (input, { ctx }) => login(ctx, input) },
  'auth.logout': {
    access: 'session',
    whileLocked: true,
    beforePasswordChange: true,
    handler: (_input, { ctx, session }) => logout(ctx, session),
  },
  'auth.session': {
    access: 'session',
    whileLocked: true,
    beforePasswordChange: true,
    handler: (_input, { ctx, session }) => sessionState(ctx, session),
  },
  'auth.changePassword': {
    access: 'session',
    beforePasswordChange: true,
    handler: (input, { ctx, session }) => changePassword(ctx, session, input),
  },
  'auth.lock': {
    access: 'session',
    whileLocked: true,
    beforePasswordChange: true,
    handler: (_input, { session }) => {
      session.locked = true;
      return Promise.resolve({});
    },
  },
  'auth.unlock': {
    access: 'session',
    whileLocked: true,
    beforePasswordChange: true,
    handler: (input, { ctx, session }) => unlock(ctx, session, input),
  },
  'users.list': {
    access: 'session',
    permission: 'users.manage',
    handler: (input, { ctx }) => listUsers(ctx, input),
  },
  'users.create': {
    access: 'session',
    permission: 'users.manage',
    handler: (input, { ctx, actor }) => createUser(ctx, actor, input),
  },
  'users.update': {
    access: 'session',
    permission: 'users.manage',
    handler: (input, { ctx, actor }) => updateUser(ctx, actor, input),
  },
  'users.resetPassword': {
    access: 'session',
    permission: 'users.manage',
    handler: (input, { ctx, actor }) => resetPassword(ctx, actor, input),
  },
  'users.deactivate': {
    access: 'session',
    permission: 'users.manage',
    handler: (input, { ctx, actor }) => deactivateUser(ctx, actor, input),
  },
  'users.professionals': { access: 'session', handler: (input, { ctx }) => listProfessionals(ctx, input) },
  'centre.get': { access: 'session', handler: (_input, { ctx }) => getCentre(ctx) },
  'centre.update': {
    access: 'session',
    permission: 'centre.manage',
    handler: (input, { ctx, actor }) => updateCentre(ctx, actor, input),
  },
  'centre.saveSite': {
    access: 'session',
    permission: 'centre.manage',
    handler: (input, { ctx, actor }) => saveSite(ctx, actor, input),
  },
  'audit.list': {
    access: 'session',
    permission: 'audit.read',
    longRead: true,
    handler: (input, { ctx }) => listAudit(ctx, input),
  },
  'audit.verify': {
    access: 'session',
    permission: 'audit.read',
    longRead: true,
    handler: (_input, { ctx }) => verifyAudit(ctx),
  },

  // Dossier sections are checked by the gate inside each handler (role × section × consent).
  'persons.create': {
    access: 'session',
    handler: (input, { ctx, actor }) => createPerson(ctx, actor, input),
  },
  'persons.update': {
    access: 'session',
    handler: (input, { ctx, actor }) => updatePerson(ctx, actor, input),
  },
  'persons.get': { access: 'session', handler: (input, { ctx, actor }) => getPerson(ctx, actor, input) },
  'persons.search': {
    access: 'session',
    handler: (input, { ctx, actor }) => searchPersons(ctx, actor, input),
  },
  'persons.duplicates': {
    access: 'session',
    handler: (input, { ctx, actor }) => findDuplicates(ctx, actor, input),
  },
  'persons.merge': {
    access: 'session',
    permission: 'persons.merge',
    handler: (input, { ctx, actor }) => mergePersons(ctx, actor, input),
  },
  'persons.consents': {
    access: 'session',
    handler: (input, { ctx, actor }) => getConsents(ctx, actor, input),
  },
  'persons.recordConsent': {
    access: 'session',
    handler: (input, { ctx, actor }) => recordConsent(ctx, actor, input),
  },
  'persons.consentForm': {
    access: 'session',
    handler: (input, { ctx, actor }) => consentForm(ctx, actor, input),
  },
  'persons.accessLog': {
    access: 'session',
    handler: (input, { ctx, actor }) => accessLog(ctx, actor, input),
  },
  'persons.accessLogPdf': {
    access: 'session',
    handler: (input, { ctx, actor }) => accessLogPdf(ctx, actor, input),
  },
  'persons.breakGlass': {
    access: 'session',
    handler: (input, { ctx, actor }) => breakTheGlass(ctx, actor, input),
  },
  'persons.dossier': {
    access: 'session',
    handler: (input, { ctx, actor }) => composeDossier(ctx, actor, input.id),
  },
  'visits.checkIn': { access: 'session', handler: (input, { ctx, actor }) => checkIn(ctx, actor, input) },
  'visits.board': {
    access: 'session',
    passive: true,
    handler: (input, { ctx, actor }) => board(ctx, actor, input),
  },
  'visits.move': { access: 'session', handler: (input, { ctx, actor }) => moveVisit(ctx, actor, input) },
  'visits.requeue': {
    access: 'session',
    handler: (input, { ctx, actor }) => requeueVisit(ctx, actor, input),
  },
  'visits.setPriority': {
    access: 'session',
    handler: (input, { ctx, actor }) => setPriority(ctx, actor, input),
  },
  'appointments.list': {
    access: 'session',
    passive: true,
    handler: (input, { ctx, actor }) => listAppointments(ctx, actor, input),
  },
  'appointments.book': { access: 'session', handler: (input, { ctx, actor }) => book(ctx, actor, input) },
  'appointments.update': {
    access: 'session',
    handler: (input, { ctx, actor }) => updateAppointment(ctx, actor, input),
  },
  'appointments.setStatus': {
    access: 'session',
    handler: (input, { ctx, actor }) => setAppointmentStatus(ctx, actor, input),
  },
  'appointments.reminders': {
    access: 'session',
    handler: (input, { ctx, actor }) => reminders(ctx, actor, input),
  },
  'interviews.save': {
    access: 'session',
    handler: (input, { ctx, actor }) => saveInterview(ctx, actor, input),
  },
  'directory.list': { access: 'session', handler: (input, { ctx }) => listDirectory(ctx, input) },
  'directory.save': {
    access: 'session',
    permission: 'directory.manage',
    handler: (input, { ctx, actor }) => saveEntry(ctx, actor, input),
  },
  'directory.markVerified': {
    access: 'session',
    permission: 'directory.manage',
    handler: (input, { ctx, actor }) => markVerified(ctx, actor, input),
  },
  'directory.refer': { access: 'session', handler: (input, { ctx, actor }) => refer(ctx, actor, input) },
  'directory.updateReferral': {
    access: 'session',
    handler: (input, { ctx, actor }) => updateReferral(ctx, actor, input),
  },
};
