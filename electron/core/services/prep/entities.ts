/**
 * PrEP: the episodes of a person (`prep_episode`: from a start to a stop; a restart is a new
 * episode pointing to the one it follows) and their follow-up visits (`prep_follow_up`). Calendar
 * dates are the site's local `YYYY-MM-DD`; the due date of the next visit is kept on the episode so
 * that the worklists read one index range (status, site, due date).
 */
import { EntitySchema } from 'typeorm';
import type { PrepRegimen } from '../../../../shared/domain/clinical-catalogues';
import type { PrepBaselineEntry, PrepEpisodeStatus, PrepStopReason } from '../../../../shared/domain/prep';
import { ID, recordColumnsSchema, type RecordColumns } from '../../db/record';

/** A calendar date `YYYY-MM-DD` (the site's local date). */
const DATE = { type: 'varchar', length: 10 } as const;

export interface PrepEpisodeRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  startedOn: string;
  regimen: PrepRegimen;
  status: PrepEpisodeStatus;
  stoppedOn: string | null;
  stopReason: PrepStopReason | null;
  stopNote: string | null;
  /** The stopped episode this one restarts. */
  restartOf: string | null;
  /**
   * Not written any more (always `[]` for new episodes): the checklist is the person's samples, a
   * fact of the tests section, computed live for readers of tests (baseline.ts). A column left for
   * a later migration to drop.
   */
  baseline: PrepBaselineEntry[];
  nextDueOn: string;
  /** The start, then the latest follow-up: "lost" counts from the due date with no visit since. */
  lastVisitOn: string;
  createdBy: string | null;
}

export const PrepEpisodeEntity = new EntitySchema<PrepEpisodeRow>({
  name: 'PrepEpisode',
  tableName: 'prep_episode',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    startedOn: { ...DATE, name: 'started_on' },
    regimen: { type: 'varchar', length: 16 },
    status: { type: 'varchar', length: 16 },
    stoppedOn: { ...DATE, name: 'stopped_on', nullable: true },
    stopReason: { type: 'varchar', length: 32, name: 'stop_reason', nullable: true },
    stopNote: { type: 'text', name: 'stop_note', nullable: true },
    restartOf: { ...ID, name: 'restart_of', nullable: true },
    baseline: { type: 'simple-json', default: '[]' },
    nextDueOn: { ...DATE, name: 'next_due_on' },
    lastVisitOn: { ...DATE, name: 'last_visit_on' },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  // The worklists: the open state first, then the site, then the date they sort on.
  indices: [{ columns: ['status', 'siteId', 'nextDueOn'] }, { columns: ['personId', 'startedOn'] }],
});

export interface PrepFollowUpRow extends RecordColumns {
  id: string;
  episodeId: string;
  personId: string;
  siteId: string;
  heldOn: string;
  /** µmol/L, as typed. */
  creatinine: number | null;
  /** mL/min/1.73 m², as typed. */
  egfr: number | null;
  adherenceNote: string | null;
  /** The next visit as computed from this one (kept: a later catalogue change rewrites nothing). */
  nextDueOn: string;
  createdBy: string | null;
}

export const PrepFollowUpEntity = new EntitySchema<PrepFollowUpRow>({
  name: 'PrepFollowUp',
  tableName: 'prep_follow_up',
  columns: {
    id: { ...ID, primary: true },
    episodeId: { ...ID, name: 'episode_id', foreignKey: { target: 'prep_episode' } },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    heldOn: { ...DATE, name: 'held_on' },
    creatinine: { type: 'real', nullable: true },
    egfr: { type: 'real', nullable: true },
    adherenceNote: { type: 'text', name: 'adherence_note', nullable: true },
    nextDueOn: { ...DATE, name: 'next_due_on' },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['episodeId', 'heldOn'] }, { columns: ['personId', 'heldOn'] }],
});
