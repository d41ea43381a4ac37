/** Texts of the team screen (accounts, roles, sites), in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  title: 'Team',
  intro: "Team members' accounts, their roles and their sites.",
  newMember: 'New member',
  columns: {
    name: 'Name',
    username: 'Username',
    roles: 'Roles',
    sites: 'Sites',
    lastLogin: 'Last sign-in',
    status: 'Status',
  },
  status: {
    active: 'Active',
    inactive: 'Deactivated',
    mustChange: 'Temporary password',
  },
  never: 'Never',
  createTitle: 'New team member',
  createSubmit: 'Create the account',
  professionalNumberHelp: 'RPPS or ADELI number printed on prescriptions (prescribers): letters and digits.',
  professionalNumberShort: 'RPPS / ADELI {{number}}',
  usualSiteHelp:
    'Where their sessions start on a workstation that remembers no site yet (otherwise their first site).',
  editTitle: 'Edit {{name}}',
  resetPassword: 'Reset password',
  resetTitle: "Reset {{name}}'s password?",
  resetBody:
    'Their current password will stop working. A temporary password will be shown once, to hand over in person.',
  resetConfirm: 'Reset',
  deactivate: 'Deactivate',
  deactivateTitle: "Deactivate {{name}}'s account?",
  deactivateBody: 'This person will no longer be able to sign in. Their history and the audit log are kept.',
  deactivateConfirm: 'Deactivate the account',
  deactivated: "{{name}}'s account is deactivated.",
  temporaryTitle: 'Temporary password',
  temporaryIntro:
    'Hand this password to {{name}} ({{username}}). It will not be shown again; it must be changed at the first sign-in.',
  temporaryPassword: 'Temporary password',
  temporaryDone: 'Handed over',
  conflictTitle: 'Changed in the meantime',
  actionsFor: 'Actions for {{name}}',
};
