/**
 * PrEP follow-up (docs/clinical-pathway.md, section 4): an episode is active from its start; the
 * next visit is due 1 month after the start, then every 3 months after the last visit (the
 * centre's `prep` catalogue); a stop ends it with a reason; a restart is a new episode pointing to
 * the stopped one. Each follow-up keeps its creatinine, eGFR (refused outside the centre's range,
 * flagged below its alert threshold) and adherence note. Dates are the site's calendar dates.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { PrepEpisode, PrepFollowUp } from '../../../../shared/contract/prep';
import type { EgfrRules, PrepFollowUpRules } from '../../../../shared/domain/clinical-catalogues';
import type { PrepBaselineEntry } from '../../../../shared/domain/prep';
import {
  classifyFollowUp,
  nextPrepFollowUp,
  siteToday,
  type IsoDate,
} from '../../../../shared/domain/schedules';
import type { Lookup } from '../../api/access';
import type { DossierCall } from '../../api/routes';
import { conflict, invalid } from '../../errors';
import { findSite } from '../centre/repository';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { loadPerson } from '../persons/repository';
import { staffNames } from '../users/staff-names';
import { auditBaselineRead, baselineOf } from './baseline';
import {
  activeEpisodeOf,
  findEpisode,
  followUpsOfEpisode,
  insertFollowUpRow,
  latestEpisodeOf,
  saveEpisodeRow,
  type PrepEpisodeRow,
  type PrepFollowUpRow,
} from './repository';

/** What the views need besides the rows: the rules in force and the site's date today. */
export interface PrepFacts {
  rules: PrepFollowUpRules;
  egfr: EgfrRules;
  /** The site's date of each episode (sites may be in different time zones). */
  todayAt(siteId: string): IsoDate;
}

export async function prepFacts(
  em: EntityManager,
  now: Date,
  siteIds: readonly string[],
): Promise<PrepFacts> {
  const zones = new Map<string, string>();
  for (const id of new Set(siteIds)) zones.set(id, (await findSite(em, id))?.timezone ?? 'Europe/Paris');
  return {
    rules: await currentCatalogue(em, 'prep'),
    egfr: await currentCatalogue(em, 'egfr'),
    todayAt: (siteId) => siteToday(now, zones.get(siteId) ?? 'Europe/Paris'),
  };
}

export function egfrLow(egfr: number | null, rules: EgfrRules): boolean {
  return egfr !== null && egfr < rules.alertBelow;
}

export function toFollowUp(
  row: PrepFollowUpRow,
  egfr: EgfrRules,
  names: ReadonlyMap<string, string>,
): PrepFollowUp {
  return {
    id: row.id,
    episodeId: row.episodeId,
    personId: row.personId,
    siteId: row.siteId,
    heldOn: row.heldOn,
    creatinine: row.creatinine,
    egfr: row.egfr,
    egfrLow: egfrLow(row.egfr, egfr),
    adherenceNote: row.adherenceNote,
    nextDueOn: row.nextDueOn,
    authorId: row.createdBy,
    authorName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
    version: row.version,
  };
}

export function toEpisode(
  row: PrepEpisodeRow,
  followUps: readonly PrepFollowUpRow[],
  facts: PrepFacts,
  names: ReadonlyMap<string, string>,
  baseline: PrepBaselineEntry[] | null,
): PrepEpisode {
  return {
    id: row.id,
    personId: row.personId,
    siteId: row.siteId,
    startedOn: row.startedOn,
    regimen: row.regimen,
    status: row.status,
    stoppedOn: row.stoppedOn,
    stopReason: row.stopReason,
    stopNote: row.stopNote,
    restartOf: row.restartOf,
    nextDueOn: row.nextDueOn,
    lastVisitOn: row.lastVisitOn,
    state:
      row.status === 'active'
        ? classifyFollowUp(row.nextDueOn, facts.todayAt(row.siteId), facts.rules)
        : null,
    baseline,
    followUps: followUps.map((f) => toFollowUp(f, facts.egfr, names)),
    authorId: row.createdBy,
    authorName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
    version: row.version,
  };
}

/** The answer of a write: the episode as the caller may see it (the checklist only to readers of tests). */
async function episodeView(em: EntityManager, row: PrepEpisodeRow, call: DossierCall): Promise<PrepEpisode> {
  const { dossier, actor } = call;
  const all = await followUpsOfEpisode(em, row.id);
  // An author writing without the person's consent sees back only what they wrote themselves.
  const followUps = dossier.canRead('prep') ? all : all.filter((f) => f.createdBy === actor.userId);
  const facts = await prepFacts(em, dossier.now, [row.siteId]);
  const names = await staffNames(em, [row.createdBy, ...followUps.map((f) => f.createdBy)]);
  const baseline = dossier.canRead('tests') ? await baselineOf(em, row.personId, row.startedOn) : null;
  if (baseline) await auditBaselineRead(em, dossier.now, actor.userId, row.personId);
  return toEpisode(row, followUps, facts, names, baseline);
}

async function siteDate(em: EntityManager, siteId: string, now: Date): Promise<IsoDate> {
  const site = await findSite(em, siteId);
  if (!site) throw invalid('siteId', 'unknown_site');
  return siteToday(now, site.timezone);
}

function notInFuture(field: string, date: IsoDate, today: IsoDate): void {
  if (date > today) throw invalid(field, 'date_in_future');
}

/** The episode a follow-up or a stop is about: the person's, still active, as the form saw it. */
async function activeEpisode(
  em: EntityManager,
  input: { personId: string; episodeId: string; version: number },
  field: string,
): Promise<PrepEpisodeRow> {
  const episode = await findEpisode(em, input.episodeId);
  if (!episode || episode.personId !== input.personId || episode.status !== 'active')
    throw invalid(field, 'prep_not_active');
  if (episode.version !== input.version) throw conflict('prep_episode');
  return episode;
}

/**
 * Who wrote the episode a start touches: the active one's author (a start then only reaches the
 * refusal `prep_episode_active` for a reader of the section); with none, the caller creates one.
 */
export async function authorOfStart(input: In<'prep.start'>, { em, actor }: Lookup): Promise<string | null> {
  const active = await activeEpisodeOf(em, input.personId);
  return active ? active.createdBy : actor.userId;
}

/** Who started the episode a follow-up or a stop is about (none: the section's consent decides). */
export async function authorOfEpisode(
  input: In<'prep.followUp'> | In<'prep.stop'>,
  { em }: Lookup,
): Promise<string | null> {
  const episode = await findEpisode(em, input.episodeId);
  return episode && episode.personId === input.personId ? episode.createdBy : null;
}

export async function startPrep(input: In<'prep.start'>, call: DossierCall): Promise<PrepEpisode> {
  const { em, now } = call.dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const today = await siteDate(em, input.siteId, now);
  notInFuture('startedOn', input.startedOn, today);
  if (await activeEpisodeOf(em, person.id)) throw invalid('startedOn', 'prep_episode_active');
  const previous = await latestEpisodeOf(em, person.id);
  if (previous?.stoppedOn && input.startedOn < previous.stoppedOn)
    throw invalid('startedOn', 'prep_restart_before_stop');
  const rules = await currentCatalogue(em, 'prep');
  const at = now.toISOString();
  const row: PrepEpisodeRow = {
    id: randomUUID(),
    personId: person.id,
    siteId: input.siteId,
    startedOn: input.startedOn,
    regimen: input.regimen,
    status: 'active',
    stoppedOn: null,
    stopReason: null,
    stopNote: null,
    restartOf: previous?.id ?? null,
    // No copy of the checklist: it is the person's samples (tests data), read live for readers of tests.
    baseline: [],
    nextDueOn: nextPrepFollowUp({ startedOn: input.startedOn }, rules),
    lastVisitOn: input.startedOn,
    createdBy: call.actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await saveEpisodeRow(em, row);
  call.dossier.wrote({ type: 'prep_episode', id: row.id, action: 'create' });
  return episodeView(em, row, call);
}

export async function recordFollowUp(input: In<'prep.followUp'>, call: DossierCall): Promise<PrepEpisode> {
  const { em, now } = call.dossier;
  const episode = await activeEpisode(em, input, 'heldOn');
  const today = await siteDate(em, input.siteId, now);
  notInFuture('heldOn', input.heldOn, today);
  if (input.heldOn < episode.startedOn) throw invalid('heldOn', 'before_prep_start');
  const egfr = await currentCatalogue(em, 'egfr');
  const egfrValue = input.egfr ?? null;
  if (egfrValue !== null && (egfrValue < egfr.min || egfrValue > egfr.max))
    throw invalid('egfr', 'egfr_out_of_range');
  const rules = await currentCatalogue(em, 'prep');
  const at = now.toISOString();
  const followUp: PrepFollowUpRow = {
    id: randomUUID(),
    episodeId: episode.id,
    personId: episode.personId,
    siteId: input.siteId,
    heldOn: input.heldOn,
    creatinine: input.creatinine ?? null,
    egfr: egfrValue,
    adherenceNote: input.adherenceNote || null,
    nextDueOn: nextPrepFollowUp({ startedOn: episode.startedOn, lastFollowUpOn: input.heldOn }, rules),
    createdBy: call.actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await insertFollowUpRow(em, followUp);
  // A visit typed late (older than the last one) does not move the schedule back.
  const lastVisitOn = input.heldOn > episode.lastVisitOn ? input.heldOn : episode.lastVisitOn;
  const updated: PrepEpisodeRow = {
    ...episode,
    lastVisitOn,
    nextDueOn: nextPrepFollowUp({ startedOn: episode.startedOn, lastFollowUpOn: lastVisitOn }, rules),
    updatedAt: at,
    version: episode.version + 1,
  };
  await saveEpisodeRow(em, updated);
  call.dossier.wrote({ type: 'prep_follow_up', id: followUp.id, action: 'create' });
  call.dossier.wrote({ type: 'prep_episode', id: episode.id, action: 'update' });
  return episodeView(em, updated, call);
}

export async function stopPrep(input: In<'prep.stop'>, call: DossierCall): Promise<PrepEpisode> {
  const { em, now } = call.dossier;
  const episode = await activeEpisode(em, input, 'stoppedOn');
  notInFuture('stoppedOn', input.stoppedOn, await siteDate(em, episode.siteId, now));
  if (input.stoppedOn < episode.startedOn) throw invalid('stoppedOn', 'before_prep_start');
  const updated: PrepEpisodeRow = {
    ...episode,
    status: 'stopped',
    stoppedOn: input.stoppedOn,
    stopReason: input.reason,
    stopNote: input.note || null,
    updatedAt: now.toISOString(),
    version: episode.version + 1,
  };
  await saveEpisodeRow(em, updated);
  call.dossier.wrote({ type: 'prep_episode', id: episode.id, action: 'update' });
  return episodeView(em, updated, call);
}
