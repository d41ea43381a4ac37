/** Texts of consents (screens and the consent form PDF), in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  intro:
    'Consent governs sharing between professionals, not collecting. It can be withdrawn at any time; every change is kept.',
  currentTitle: 'Current consents',
  historyTitle: 'History',
  noHistory: 'No consent recorded yet.',
  printForm: 'Print the form',
  give: 'Give',
  withdraw: 'Withdraw',
  giveFor: 'Give consent: {{scope}}',
  withdrawFor: 'Withdraw consent: {{scope}}',
  giveTitle: 'Consent given: {{scope}}',
  withdrawTitle: 'Consent withdrawn: {{scope}}',
  giveConfirm: 'Record the consent',
  withdrawConfirm: 'Record the withdrawal',
  recordedGiven: 'Consent recorded: {{scope}}.',
  recordedWithdrawn: 'Withdrawal recorded: {{scope}}.',
  note: 'Note',
  noteHelp: 'Optional: how the person expressed it.',
  missing: {
    title: 'Consent to be asked',
    scopes:
      'No answer yet for: {{scopes}}. Without agreement for the care team, the doctor does not see the interview.',
    record: 'Record the consent',
  },
  columns: {
    scope: 'Sharing',
    state: 'State',
    when: 'Date',
    by: 'Recorded by',
    note: 'Note',
  },
  state: {
    given: 'Given',
    withdrawn: 'Withdrawn',
    never: 'Not recorded',
  },
  scopes: {
    care_team: 'Care team',
    social_legal: 'Social and legal team',
    psy: 'Psychological notes',
    external_referral: 'Outside partners',
    contact: 'Contact',
    advocacy_story: 'Advocacy',
  },
  descriptions: {
    care_team: "Share the pathway and medical information within the centre's care team.",
    social_legal: 'Share violence, social and legal information with the team concerned.',
    psy: 'Share psychological notes beyond the psychologist.',
    external_referral: 'Send information to a partner when referring.',
    contact: 'Contact the person, through the channels of their contact preferences.',
    advocacy_story: "Use the person's story, anonymised, in advocacy and reports.",
  },
  pdf: {
    documentTitle: 'Consent',
    title: 'Consent to share information',
    file: 'File {{file}} — {{name}}',
    intro:
      'At the centre, information passes between professionals only with your agreement. You can give or withdraw each agreement at any time by telling a member of the team. Tick what you agree to:',
    scopes: {
      care_team:
        'Share my pathway and my medical information with the centre’s care team (community workers, nurses, doctors, specialists).',
      social_legal:
        'Share information about violence, my social situation and my legal steps with the social and legal team.',
      psy: 'Share my psychology notes beyond the psychologist who sees me.',
      external_referral: 'Pass the useful information on to a partner organisation when I am referred to it.',
      contact: 'Be contacted, only by the means and with the words I have chosen.',
      advocacy_story: 'Use my story, made anonymous, for advocacy and reports.',
    },
    accessRight: 'You can ask at any time for the list of the team members who have looked at your file.',
    date: 'Date: {{date}}',
    signature: 'Signature of the person:',
    forCentre: 'For the centre:',
    filename: 'consent-{{file}}.pdf',
  },
};
