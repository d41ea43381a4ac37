/** Texts of referrals to partners, in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  title: 'Referrals',
  new: 'Refer to a partner',
  dialogTitle: 'New referral',
  entry: 'Partner',
  entryPlaceholder: 'Search the directory',
  external: 'outside the centre',
  reason: 'Reason for the referral',
  status: 'Status',
  appointmentAt: 'Appointment date',
  feedback: 'Feedback',
  overrideReason: 'Reason (the person has not agreed to an external referral)',
  overrideHelp: 'At least 10 characters. This reason is kept with the referral and in the audit log.',
  consentMissing:
    'The person has not agreed to a referral outside the centre. Say why they are referred anyway, or cancel.',
  submit: 'Save the referral',
  created: 'Referral saved.',
  update: 'Update',
  updateTitle: 'Referral to {{name}}',
  updated: 'Referral updated.',
  empty: 'No referral.',
  referredOn: 'on {{date}}',
  by: 'by {{name}}',
  appointmentOn: 'appointment on {{date}}',
  withoutConsent: 'Without the person’s agreement: {{reason}}',
  entryRequired: 'Choose a partner.',
  conflict:
    'This referral was changed on another workstation. The list is up to date: open it again to see the latest version.',
};
