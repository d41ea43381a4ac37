import { z } from 'zod';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, sectionSchema } from './common';
import { forPersonInputSchema, sectionViewSchema } from './section';
import { appointmentSchema } from './appointments';
import { consentStateSchema, personSchema } from './persons';
import { visitSchema } from './visits';

export { sectionViewSchema, type SectionView } from './section';

export const alertSchema = z.object({
  kind: z.enum([
    'pep_72h',
    'never_contact',
    'open_visit_elsewhere',
    // screenings: a result not told to the person yet / a reactive rapid test's confirmation not resulted
    'result_to_give',
    'confirmation_pending',
    // prep: the follow-up is overdue / lost (no visit 3 months after the due date) / eGFR below threshold
    'prep_overdue',
    'prep_lost',
    'egfr_low',
    // vaccinations: a dose due within the week or overdue (dueOn: the earliest)
    'vaccine_dose_due',
    // treatments: a positive still to treat (red, pinned) / a test of cure due / a hospital referral not attended
    'positive_to_treat',
    'cure_test_due',
    'referral_not_attended',
    // violence: an open 72-hour protocol (red, pinned; `at` the occurrence when its time is known, hours left)
    'violence_72h',
    // case-plans: the safety plan not reviewed during the open visit
    'safety_plan_review_due',
    // legal: a scheduled hearing within the week (dueOn: the earliest, in the site's calendar)
    'legal_hearing_soon',
  ]),
  at: isoDateTimeSchema.nullable(),
  hoursLeft: z.number().nullable(),
  /** The calendar date (`YYYY-MM-DD`) an alert is about: the vaccine dose due. */
  dueOn: z.string().optional(),
});
export type Alert = z.infer<typeof alertSchema>;

/** "Suivi pluridisciplinaire — s'adresser à …": whom to ask, never why (section `pathway`). */
export const careReferentSchema = z.object({
  referentName: z.string(),
  referentRoleKey: z.string().nullable(),
  siteCode: z.string(),
});
export type CareReferent = z.infer<typeof careReferentSchema>;

export const timelineItemSchema = z.object({
  at: isoDateTimeSchema,
  /** Declared by the capability that contributes the item (its renderer draws it). */
  kind: z.string().regex(/^[a-z_]+$/),
  section: sectionSchema,
  refId: idSchema,
  /** Short, non-clinical label keys + values: the renderer translates. */
  label: z.string(),
  detail: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

/**
 * The dossier's header as one user may see it: identity, where the person is in the pathway,
 * the alerts derived only from what this user may read, and how each section is drawn. The
 * sections' records are loaded by each tab through its own channel.
 */
export const dossierSchema = z.object({
  person: personSchema,
  siteCode: z.string(),
  sections: z.array(sectionViewSchema),
  consents: z.array(consentStateSchema),
  openVisit: visitSchema.nullable(),
  /** The interview of the open visit, when the reader may see it (start or resume it). */
  openVisitInterview: z.object({ id: idSchema, version: z.number().int() }).nullable(),
  nextAppointment: appointmentSchema.nullable(),
  alerts: z.array(alertSchema),
  /**
   * "Suivi pluridisciplinaire — s'adresser à …": that a case plan exists and whom to ask, never
   * why (section `pathway`, whatever the social/legal consent). Null when none or hidden.
   */
  careReferent: careReferentSchema.nullable(),
  breakGlassUntil: isoDateTimeSchema.nullable(),
});
export type Dossier = z.infer<typeof dossierSchema>;

export const dossierChannels = {
  'persons.dossier': channel(z.object({ id: idSchema }).strict(), dossierSchema),
  /** Everything that happened, newest first, from the sections this user may read. */
  'persons.timeline': channel(forPersonInputSchema, z.object({ items: z.array(timelineItemSchema) })),
};
