import { z } from 'zod';
import { VISIT_PRIORITIES, VISIT_PRIORITY_VIEWS, VISIT_STEPS, INTERVIEW_NEEDS } from '../domain/catalogues';
import { channel } from './channel';
import { forPersonInputSchema, sectionItemsSchema } from './section';
import { idSchema, isoDateTimeSchema, versionSchema } from './common';

export const visitSchema = z.object({
  id: idSchema,
  personId: idSchema,
  siteId: idSchema,
  openedAt: isoDateTimeSchema,
  closedAt: isoDateTimeSchema.nullable(),
  origin: z.enum(['walk_in', 'appointment']),
  appointmentId: z.string().nullable(),
  step: z.enum(VISIT_STEPS),
  stepSince: isoDateTimeSchema,
  withUserId: z.string().nullable(),
  withUserName: z.string().nullable(),
  priority: z.enum(VISIT_PRIORITY_VIEWS),
  /** The needs ticked at the interview: empty for a reader who may not read the interview. */
  nextSteps: z.array(z.enum(INTERVIEW_NEEDS)),
  requeued: z.number().int(),
  version: versionSchema,
});
export type Visit = z.infer<typeof visitSchema>;

export const boardRowSchema = visitSchema.extend({
  fileNumber: z.string(),
  nameUsed: z.string(),
  pronouns: z.string().nullable(),
  /** Minutes since the person entered the current step. */
  waitingMinutes: z.number().int(),
  /**
   * When the priority runs out (a PEP must start within 72 h of the exposure): set only where the
   * reader may read the section the priority's reason comes from, otherwise null.
   */
  priorityDeadline: isoDateTimeSchema.nullable(),
});
export type BoardRow = z.infer<typeof boardRowSchema>;

export const visitsChannels = {
  /** The visits of one person (pathway tab), newest first. */
  'visits.forPerson': channel(forPersonInputSchema, sectionItemsSchema(visitSchema)),
  'visits.checkIn': channel(
    z
      .object({
        personId: idSchema,
        siteId: idSchema,
        appointmentId: idSchema.optional(),
        priority: z.enum(VISIT_PRIORITIES).default('normal'),
        step: z
          .enum(['waiting_interview', 'waiting_doctor', 'waiting_nurse', 'waiting_specialist'])
          .default('waiting_interview'),
      })
      .strict(),
    visitSchema,
  ),
  /** Open visits of a site, priorities first then by arrival: the reception board. */
  'visits.board': channel(
    z.object({ siteId: idSchema }).strict(),
    z.object({ rows: z.array(boardRowSchema), revision: z.string() }),
  ),
  /**
   * The board as counts, for coordination (no pathway access): how many people at each step, the
   * longest wait, how many priorities — no person, no reason.
   */
  'visits.summary': channel(
    z.object({ siteId: idSchema }).strict(),
    z.object({
      steps: z.array(
        z.object({
          step: z.enum(VISIT_STEPS),
          count: z.number().int(),
          longestWaitMinutes: z.number().int(),
        }),
      ),
      priorities: z.number().int(),
    }),
  ),
  'visits.move': channel(
    z
      .object({
        visitId: idSchema,
        version: versionSchema,
        step: z.enum(VISIT_STEPS),
        withUserId: idSchema.nullable().optional(),
      })
      .strict(),
    visitSchema,
  ),
  /** Called but not there: back into the queue it was in, keeping its place by arrival. */
  'visits.requeue': channel(z.object({ visitId: idSchema, version: versionSchema }).strict(), visitSchema),
  /**
   * Undo a call (an interview opened then cancelled): back to the waiting step it was called from,
   * with its waiting time; refused (`not_called`) unless the visit was called from that step.
   */
  'visits.cancelStep': channel(z.object({ visitId: idSchema, version: versionSchema }).strict(), visitSchema),
  'visits.setPriority': channel(
    z.object({ visitId: idSchema, version: versionSchema, priority: z.enum(VISIT_PRIORITIES) }).strict(),
    visitSchema,
  ),
};
