/** The vaccination records' enumerations (docs/clinical-pathway.md, section 3 and 4). */

/** A course: doses still to give, all given, or stopped by a carer (with a reason). */
export const VACCINE_COURSE_STATUSES = ['in_progress', 'complete', 'stopped'] as const;
export type VaccineCourseStatus = (typeof VACCINE_COURSE_STATUSES)[number];

/** How a course differs from its vaccine's usual schedule (mpox: one dose after smallpox vaccination). */
export const VACCINE_COURSE_VARIANTS = ['smallpox_vaccinated'] as const;
export type VaccineCourseVariant = (typeof VACCINE_COURSE_VARIANTS)[number];

/** A lot number is kept as typed, up to this length. */
export const VACCINE_LOT_MAX = 40;
/** A stop reason, up to this length. */
export const VACCINE_STOP_REASON_MAX = 500;
