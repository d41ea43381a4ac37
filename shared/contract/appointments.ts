import { z } from 'zod';
import { APPOINTMENT_STATUSES, APPOINTMENT_TYPES, CONTACT_CHANNELS } from '../domain/catalogues';
import { channel } from './channel';
import { forPersonInputSchema, sectionItemsSchema } from './section';
import { idSchema, isoDateTimeSchema, versionSchema } from './common';
import { dateSchema } from './persons';

export const appointmentSchema = z.object({
  id: idSchema,
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  fileNumber: z.string().nullable(),
  siteId: idSchema,
  professionalId: idSchema,
  professionalName: z.string().nullable(),
  room: z.string().nullable(),
  type: z.enum(APPOINTMENT_TYPES),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  walkInSlot: z.boolean(),
  status: z.enum(APPOINTMENT_STATUSES),
  notes: z.string().nullable(),
  version: versionSchema,
});
export type Appointment = z.infer<typeof appointmentSchema>;

const appointmentFields = {
  personId: idSchema.nullable().optional(),
  siteId: idSchema,
  professionalId: idSchema,
  room: z.string().trim().max(60).nullable().optional(),
  type: z.enum(APPOINTMENT_TYPES),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  walkInSlot: z.boolean().default(false),
  notes: z.string().trim().max(1000).nullable().optional(),
};

export const reminderSchema = z.object({
  appointmentId: idSchema,
  personId: idSchema,
  nameUsed: z.string(),
  startsAt: isoDateTimeSchema,
  type: z.enum(APPOINTMENT_TYPES),
  channels: z.array(z.enum(CONTACT_CHANNELS)),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** The message to copy, in the words the person chose; null when the person must not be contacted. */
  message: z.string().nullable(),
  contactable: z.boolean(),
  reason: z.enum(['never_contact', 'no_consent', 'no_channel']).nullable(),
});

export const appointmentsChannels = {
  /** The appointments of one person (pathway tab), newest first. */
  'appointments.forPerson': channel(forPersonInputSchema, sectionItemsSchema(appointmentSchema)),
  'appointments.list': channel(
    z
      .object({
        siteId: idSchema,
        from: isoDateTimeSchema,
        to: isoDateTimeSchema,
        professionalId: idSchema.optional(),
        room: z.string().trim().max(60).optional(),
        includeCancelled: z.boolean().default(false),
      })
      .strict(),
    z.array(appointmentSchema),
  ),
  'appointments.book': channel(z.object(appointmentFields).strict(), appointmentSchema),
  'appointments.update': channel(
    z.object({ ...appointmentFields, id: idSchema, version: versionSchema }).strict(),
    appointmentSchema,
  ),
  'appointments.setStatus': channel(
    z.object({ id: idSchema, version: versionSchema, status: z.enum(APPOINTMENT_STATUSES) }).strict(),
    appointmentSchema,
  ),
  /**
   * A span of the agenda as counts, for coordination (no pathway access): appointments by status
   * and free walk-in slots — no person, no professional.
   */
  'appointments.summary': channel(
    z.object({ siteId: idSchema, from: isoDateTimeSchema, to: isoDateTimeSchema }).strict(),
    z.object({
      byStatus: z.array(z.object({ status: z.enum(APPOINTMENT_STATUSES), count: z.number().int() })),
      walkInSlots: z.number().int(),
    }),
  ),
  /** Tomorrow's (or a given day's) reminders, respecting each person's contact preferences. */
  'appointments.reminders': channel(
    z.object({ siteId: idSchema, date: dateSchema }).strict(),
    z.array(reminderSchema),
  ),
};
