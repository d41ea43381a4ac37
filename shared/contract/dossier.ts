import { z } from 'zod';
import { channel } from './channel';
import { consentScopeSchema, idSchema, isoDateTimeSchema, sectionSchema } from './common';
import { appointmentSchema } from './appointments';
import { referralSchema } from './directory';
import { interviewSchema } from './interviews';
import { consentStateSchema, personSchema } from './persons';
import { visitSchema } from './visits';

/**
 * How a section of the dossier is drawn for this user: shown; partly shown (only what the user
 * wrote); hidden because the person did not consent to share it ("not shared with the care
 * team"); or not part of this user's work. Never silently missing.
 */
export const sectionViewSchema = z.object({
  section: sectionSchema,
  status: z.enum(['shown', 'own_only', 'hidden_consent', 'forbidden']),
  scope: consentScopeSchema.nullable(),
  via: z.enum(['role', 'author', 'break_glass']).nullable(),
  hiddenCount: z.number().int(),
});
export type SectionView = z.infer<typeof sectionViewSchema>;

export const alertSchema = z.object({
  kind: z.enum(['pep_72h', 'never_contact', 'open_visit_elsewhere']),
  at: isoDateTimeSchema.nullable(),
  hoursLeft: z.number().nullable(),
});

export const timelineItemSchema = z.object({
  at: isoDateTimeSchema,
  kind: z.enum(['visit', 'appointment', 'interview', 'referral', 'consent', 'created']),
  section: sectionSchema,
  refId: idSchema,
  /** Short, non-clinical label keys + values: the renderer translates. */
  label: z.string(),
  detail: z.string().nullable(),
});

export const dossierSchema = z.object({
  person: personSchema,
  siteCode: z.string(),
  sections: z.array(sectionViewSchema),
  consents: z.array(consentStateSchema),
  openVisit: visitSchema.nullable(),
  nextAppointment: appointmentSchema.nullable(),
  alerts: z.array(alertSchema),
  visits: z.array(visitSchema),
  appointments: z.array(appointmentSchema),
  interviews: z.array(interviewSchema),
  referrals: z.array(referralSchema),
  timeline: z.array(timelineItemSchema),
  breakGlassUntil: isoDateTimeSchema.nullable(),
});
export type Dossier = z.infer<typeof dossierSchema>;

export const dossierChannels = {
  'persons.dossier': channel(z.object({ id: idSchema }).strict(), dossierSchema),
};
