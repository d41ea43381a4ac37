/**
 * PrEP records of the interchange format: episodes (`prep_episode`) and follow-ups
 * (`prep_follow_up`), each from its view. The import applies the screens' rules: no date in the
 * future, a follow-up and a stop not before the start, an eGFR in the centre's range, a follow-up of
 * an episode of the same person, one active episode per person.
 */
import type { EntityManager } from 'typeorm';
import type { RecordOf } from '../../../../shared/contract/interchange';
import type { PrepEpisode, PrepFollowUp } from '../../../../shared/contract/prep';
import type { FileRecords } from '../../interchange/adapter';
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import {
  AUTHOR_COLUMN,
  dayInFuture as inFuture,
  lineRefusals,
  personMerged,
} from '../../interchange/record-rules';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { PrepEpisodeEntity, PrepFollowUpEntity } from './entities';
import { toEpisode, toFollowUp, type PrepFacts } from './prep-service';
import { activeEpisodeOf, findEpisode, type PrepEpisodeRow, type PrepFollowUpRow } from './repository';

/**
 * The views an export derives its records from, with the centre's catalogues in force (never the
 * shipped defaults: a centre that moved the eGFR alert has its own threshold). Without "today":
 * the record carries none of what depends on it.
 */
async function recordFacts(em: EntityManager): Promise<PrepFacts> {
  return {
    rules: await currentCatalogue(em, 'prep'),
    egfr: await currentCatalogue(em, 'egfr'),
    todayAt: () => '1970-01-01',
  };
}

export async function episodeViews(em: EntityManager, rows: PrepEpisodeRow[]): Promise<PrepEpisode[]> {
  const facts = await recordFacts(em);
  return rows.map((r) => toEpisode(r, [], facts, new Map(), null));
}

export async function followUpViews(em: EntityManager, rows: PrepFollowUpRow[]): Promise<PrepFollowUp[]> {
  const { egfr } = await recordFacts(em);
  return rows.map((r) => toFollowUp(r, egfr, new Map()));
}

async function episodeOf(
  em: EntityManager,
  file: FileRecords,
  id: string,
): Promise<{ personId: string; startedOn: string } | null> {
  return file.find('prep_episode', id) ?? (await findEpisode(em, id));
}

export const prepEpisodeAdapter = entityAdapter({
  type: 'prep_episode',
  entity: PrepEpisodeEntity,
  view: (rows, em) => episodeViews(em, rows),
  rowNames: AUTHOR_COLUMN,
  // One active episode per person is checked against the store: never batched.
  batched: () => false,
  checkLines(em, lines, file) {
    const activeInFile = new Map<string, string>();
    return lineRefusals(lines, async (r, refuse) => {
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
      else if (inFuture(r.startedOn, file.now)) refuse('startedOn', 'date_in_future');
      else if (r.stoppedOn && inFuture(r.stoppedOn, file.now)) refuse('stoppedOn', 'date_in_future');
      else if (r.stoppedOn && r.stoppedOn < r.startedOn) refuse('stoppedOn', 'before_prep_start');
      else if (r.status === 'active') {
        const stored = await activeEpisodeOf(em, r.personId);
        if (activeInFile.has(r.personId) || (stored && stored.id !== r.id))
          refuse('startedOn', 'prep_episode_active');
        activeInFile.set(r.personId, r.id);
      }
    });
  },
  references: (r: RecordOf<'prep_episode'>) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['restartOf', 'prep_episode', r.restartOf],
      ['authorId', 'user', r.authorId],
    ),
});

export const prepFollowUpAdapter = entityAdapter({
  type: 'prep_follow_up',
  entity: PrepFollowUpEntity,
  view: (rows, em) => followUpViews(em, rows),
  rowNames: AUTHOR_COLUMN,
  // Its checks read no other record of its type: new ones are written in batches.
  batched: () => true,
  async checkLines(em, lines, file) {
    const egfr = await currentCatalogue(em, 'egfr');
    return lineRefusals(lines, async (r, refuse) => {
      const episode = await episodeOf(em, file, r.episodeId);
      if (inFuture(r.heldOn, file.now)) refuse('heldOn', 'date_in_future');
      else if (episode && episode.personId !== r.personId) refuse('episodeId', 'episode_of_another_person');
      else if (episode && r.heldOn < episode.startedOn) refuse('heldOn', 'before_prep_start');
      else if (r.egfr !== null && (r.egfr < egfr.min || r.egfr > egfr.max))
        refuse('egfr', 'egfr_out_of_range');
    });
  },
  references: (r: RecordOf<'prep_follow_up'>) =>
    refs(
      ['episodeId', 'prep_episode', r.episodeId],
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['authorId', 'user', r.authorId],
    ),
});
