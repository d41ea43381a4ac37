/** Texts of psychological support (sessions, psychiatric referrals), in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  tab: {
    title: 'Psychological support',
    none: 'No session or referral.',
    addSession: 'New session',
    addReferral: 'Psychiatric referral',
    edit: 'Correct',
    follow: 'Follow up',
    heldAt: 'On {{date}} at {{time}}',
    by: 'by {{name}}',
    duration: '{{count}} min',
    privateNote: 'Private note',
    referral: 'Psychiatric referral: {{name}}',
    referredAt: 'Referred on {{date}}',
    appointment: 'Appointment on {{date}} at {{time}}',
    feedback: 'Feedback: {{text}}',
  },
  timeline: {
    referral: 'Psychiatric referral',
  },
  kinds: {
    individual: 'Individual session',
    group: 'Group session',
  },
  session: {
    title: 'Psychological support session',
    kind: 'Kind of session',
    groupLabel: 'Group',
    heldOn: 'Date',
    heldTime: 'Time (site time)',
    durationMin: 'Duration (minutes)',
    privateNote: 'Private note',
    privateNoteHint:
      'Seen by psychologists; the doctor and the social worker read it only with the person’s “Psychological notes” consent.',
    save: 'Save',
    saved: 'Session saved.',
  },
  referral: {
    title: 'Psychiatric referral',
    followTitle: 'Follow-up of the psychiatric referral',
    entry: 'Psychiatrist (directory)',
    reason: 'Reason',
    status: 'Status',
    overrideReason: 'Reason (the person has not agreed to an external referral)',
    appointmentOn: 'Appointment date',
    appointmentTime: 'Appointment time (site time)',
    feedback: 'Psychiatrist’s feedback',
    save: 'Save',
    saved: 'Referral saved.',
  },
};
