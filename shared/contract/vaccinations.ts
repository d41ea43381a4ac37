/**
 * Vaccinations (docs/clinical-pathway.md, slice 7): a person's vaccine courses with their doses and
 * next dose due, giving a dose, stopping a course, the vaccination certificate, and the worklist of
 * doses due.
 */
import { z } from 'zod';
import { VACCINE_CODES } from '../domain/clinical-catalogues';
import { parseCalendarDate } from '../domain/schedules';
import {
  VACCINE_COURSE_STATUSES,
  VACCINE_COURSE_VARIANTS,
  VACCINE_LOT_MAX,
  VACCINE_STOP_REASON_MAX,
} from '../domain/vaccinations';
import { channel } from './channel';
import { idSchema, localeSchema, versionSchema } from './common';
import { pdfSchema } from './persons';
import { forPersonInputSchema, sectionItemsSchema } from './section';
import { worklistCountsInputSchema, worklistInputSchema, worklistPageSchema } from './worklist';

/** A calendar date `YYYY-MM-DD` that exists (2027-02-29 does not). */
export const calendarDateSchema = z
  .string()
  .refine((text) => parseCalendarDate(text) !== null, { message: 'invalid_date' });

export const vaccineDoseSchema = z.object({
  id: idSchema,
  courseId: idSchema,
  personId: idSchema,
  siteId: idSchema,
  /** 1-based, counted in its course when it was given. */
  doseNumber: z.number().int().min(1),
  givenOn: calendarDateSchema,
  lot: z.string(),
  givenBy: idSchema,
  givenByName: z.string().nullable(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type VaccineDose = z.infer<typeof vaccineDoseSchema>;

export const vaccineCourseSchema = z.object({
  id: idSchema,
  personId: idSchema,
  siteId: idSchema,
  vaccineCode: z.enum(VACCINE_CODES),
  startedOn: calendarDateSchema,
  variant: z.enum(VACCINE_COURSE_VARIANTS).nullable(),
  status: z.enum(VACCINE_COURSE_STATUSES),
  /** Doses the schedule needs for this course (its variant counted). */
  dosesNeeded: z.number().int().min(1),
  nextDueOn: calendarDateSchema.nullable(),
  /** The dose the next due date is for (1-based). */
  nextDose: z.number().int().min(1).nullable(),
  /** The earliest the next dose may be given (the schedule's interval since the last dose). */
  earliestNextOn: calendarDateSchema.nullable(),
  stoppedOn: calendarDateSchema.nullable(),
  stopReason: z.string().nullable(),
  /** Oldest first. */
  doses: z.array(vaccineDoseSchema),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type VaccineCourse = z.infer<typeof vaccineCourseSchema>;

/** The worklist's lists: doses due from today within the week, and doses past their date. */
export const VACCINE_WORKLISTS = ['due', 'overdue'] as const;
export type VaccineWorklist = (typeof VACCINE_WORKLISTS)[number];

export const vaccineWorklistRowSchema = z.object({
  courseId: idSchema,
  personId: idSchema,
  fileNumber: z.string(),
  nameUsed: z.string(),
  siteId: idSchema,
  vaccineCode: z.enum(VACCINE_CODES),
  nextDose: z.number().int().nullable(),
  nextDueOn: calendarDateSchema,
  /** The course is complete and this is its booster (the catalogue's `boosterAfterMonths`). */
  booster: z.boolean(),
});
export type VaccineWorklistRow = z.infer<typeof vaccineWorklistRowSchema>;

/** Keyset paging: the last line of the page (due date, course id). */
const worklistCursorSchema = z.object({ nextDueOn: calendarDateSchema, id: idSchema }).strict();

export const vaccinationsChannels = {
  /** The vaccines tab of a dossier: each course with its doses and next dose due. */
  'vaccinations.forPerson': channel(forPersonInputSchema, sectionItemsSchema(vaccineCourseSchema)),
  /**
   * Records a dose: into the person's course of that vaccine in progress, else a new course starts
   * with it. `givenBy` defaults to the signed-in carer; the dose number and the next due date are
   * computed, never typed.
   */
  'vaccinations.giveDose': channel(
    z
      .object({
        personId: idSchema,
        vaccineCode: z.enum(VACCINE_CODES),
        givenOn: calendarDateSchema,
        /** Kept exactly as typed. */
        lot: z
          .string()
          .max(VACCINE_LOT_MAX)
          .refine((lot) => lot.trim().length > 0, { message: 'lot_required' }),
        givenBy: idSchema.optional(),
        /** The site the dose is given at; defaults to the person's site. */
        siteId: idSchema.optional(),
        /** Mpox: the person was vaccinated against smallpox (one dose is enough); read on a new course. */
        smallpoxVaccinated: z.boolean().default(false),
      })
      .strict(),
    vaccineCourseSchema,
  ),
  'vaccinations.stopCourse': channel(
    z
      .object({
        personId: idSchema,
        courseId: idSchema,
        stoppedOn: calendarDateSchema,
        reason: z
          .string()
          .max(VACCINE_STOP_REASON_MAX)
          .refine((reason) => reason.trim().length > 0, { message: 'stop_reason_required' }),
        version: versionSchema,
      })
      .strict(),
    vaccineCourseSchema,
  ),
  /** The vaccination certificate (PDF, in memory), in the language asked for else the centre's. */
  'vaccinations.certificatePdf': channel(
    z.object({ personId: idSchema, locale: localeSchema.optional() }).strict(),
    pdfSchema,
  ),
  /** Courses whose next dose is due (this week) or overdue, on the reader's sites unless filtered. */
  'vaccinations.worklist': channel(
    worklistInputSchema(z.enum(VACCINE_WORKLISTS), worklistCursorSchema),
    worklistPageSchema(vaccineWorklistRowSchema, worklistCursorSchema),
  ),
  'vaccinations.worklistCounts': channel(
    worklistCountsInputSchema,
    z.object({ due: z.number().int().min(0), overdue: z.number().int().min(0) }),
  ),
};
