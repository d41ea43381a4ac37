/** Texts of the set-up wizard, in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  title: 'Setting up Parcours',
  intro: 'A few details to prepare this centre. You can change them later in the centre settings.',
  steps: {
    centre: 'Centre',
    centreDescription: 'Name and language',
    sites: 'Sites',
    sitesDescription: 'Where people are seen',
    admin: 'Coordinator',
    adminDescription: 'First account',
    recovery: 'Recovery code',
    recoveryDescription: 'Write it down',
  },
  siteLegend: 'Site {{number}}',
  addSite: 'Add a site',
  removeSite: 'Remove site {{number}}',
  sitesHelp: 'At least one site. The code is short and in capitals (for example MTP).',
  adminHelp:
    'This coordinator account manages the team, the settings and the audit log. The password must have at least {{minimum}} characters.',
  submit: 'Create the centre',
  recoveryTitle: 'Recovery code',
  recoveryIntro:
    "This code recovers the centre's data if no coordinator account can sign in any more. It will never be shown again.",
  recoveryAdvice: 'Copy it onto paper and keep it locked away, apart from the computer.',
  recoveryCodeLabel: "The centre's recovery code",
  recoveryConfirm: 'I have written it down and stored it safely',
  continue: 'Continue',
};
