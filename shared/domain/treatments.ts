/**
 * Test and Treat (docs/clinical-pathway.md, section 4): the states of a to-treat item and of a
 * partner, and the pure rules on them (partner order, pseudonym, test-of-cure date).
 */
import { addCalendar, type IsoDate } from './schedules';

/** open → treated (a drug) / referred (HIV, hepatitis) → closed (referral attended, or a reason). */
export const TO_TREAT_STATUSES = ['open', 'referred', 'treated', 'closed'] as const;
export type ToTreatStatus = (typeof TO_TREAT_STATUSES)[number];

/** Why an item is closed without a treatment given here. */
export const CLOSE_REASONS = [
  'treated_elsewhere',
  'declined',
  'lost_to_follow_up',
  'error',
  'other',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
/** The reason the core writes when the hospital referral of an item is attended. */
export const REFERRAL_ATTENDED = 'referral_attended' as const;

export const PARTNER_NOTIFIERS = ['person', 'centre', 'anonymous_message'] as const;
export type PartnerNotifier = (typeof PARTNER_NOTIFIERS)[number];

/** Forward only: a step may be skipped, never undone. */
export const PARTNER_STATUSES = ['to_notify', 'notified', 'tested', 'treated'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const PSEUDONYM_MAX = 40;

/** May a partner move from `from` to `to`? Staying is allowed; going back is not. */
export function partnerMoveAllowed(from: PartnerStatus, to: PartnerStatus): boolean {
  return PARTNER_STATUSES.indexOf(to) >= PARTNER_STATUSES.indexOf(from);
}

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** Seven digits or more, once spaces, dots, dashes, brackets and a leading + are taken away. */
const PHONE = /\+?\d[\d\s().-]{5,}\d/;

/**
 * A partner is listed pseudonymously ("Tom, Grindr, March"): a text that carries a way to reach
 * someone (an e-mail address, a phone number) is refused, so no identity of a third party is kept.
 */
export function pseudonymRefusal(text: string): 'pseudonym_contact' | null {
  if (EMAIL.test(text)) return 'pseudonym_contact';
  const match = PHONE.exec(text);
  if (match && match[0].replace(/\D/g, '').length >= 7) return 'pseudonym_contact';
  return null;
}

/**
 * When the test of cure is due after a treatment: four weeks (28 days), the usual wait before a
 * control NAAT so that dead bacterial DNA is not mistaken for a persistent infection. The
 * catalogue says which tests need one (`testOfCure`); the delay is this one rule.
 */
export const CURE_TEST_DELAY_DAYS = 28;

export function cureTestDueOn(treatedOn: IsoDate): IsoDate {
  return addCalendar(treatedOn, { days: CURE_TEST_DELAY_DAYS });
}

/** The worklists of the Test and Treat slice (persons-list channels). */
export const TREATMENT_WORKLISTS = [
  'to_treat',
  'partners_to_notify',
  'cure_tests_due',
  'referrals_not_attended',
] as const;
export type TreatmentWorklist = (typeof TREATMENT_WORKLISTS)[number];
