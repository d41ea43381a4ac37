/**
 * Psychological support (docs/violence-care.md, sections 3 and 4): sessions held by a
 * psychologist, individual or in a group, each with its private note (the `psy` scope), and
 * psychiatric referrals to a directory entry of category `psychiatrist`. Pure rules only: the core
 * and the renderer share them.
 */
export const PSY_SESSION_KINDS = ['individual', 'group'] as const;
export type PsySessionKind = (typeof PSY_SESSION_KINDS)[number];

/** The private note: the psychologist's own words, kept as typed. */
export const PSY_NOTE_MAX = 20_000;
/** The group's label, until the collective-sessions capability links a participation to it. */
export const PSY_GROUP_LABEL_MAX = 100;
/** A session lasts from 1 minute to a day's work (10 hours). */
export const PSY_DURATION_MAX_MIN = 600;
export const PSY_REFERRAL_REASON_MAX = 1000;
export const PSY_FEEDBACK_MAX = 2000;

/** A psychiatric referral names an entry of this directory category. */
export const PSYCHIATRIC_CATEGORY = 'psychiatrist' as const;

/** Text that is only spaces is no text: refused rather than stored blank. */
export function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim().length === 0;
}
