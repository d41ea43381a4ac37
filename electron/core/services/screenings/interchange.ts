/**
 * Screening records of the interchange format: `screening`, `sample`, `result`, each from its row
 * (authors under `authorId`). The import applies the screens' rules: no date in the future, a
 * screening and its samples of one person, a CT/NG sample with its site, a result on a sample of
 * the same person, not before the sample, one per sample, its value typed by the test's
 * `ResultType`. A result keeps the interpretation and infections read at the time it was saved
 * (a catalogue edited since never rewrites them).
 */
import type { EntityManager } from 'typeorm';
import type { RecordOf } from '../../../../shared/contract/interchange';
import { refusedPart, resultValueSchema } from '../../../../shared/contract/screenings';
import type { FileRecords } from '../../interchange/adapter';
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import {
  AUTHOR_COLUMN,
  dayInFuture,
  instantInFuture,
  lineRefusals,
  personMerged,
  withAuthor,
} from '../../interchange/record-rules';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { findVisit } from '../visits/repository';
import { ResultEntity, SampleEntity, ScreeningEntity } from './entities';
import { findSample, findScreening, resultOfSample } from './repository';

async function screeningOf(
  em: EntityManager,
  file: FileRecords,
  id: string,
): Promise<{ personId: string } | null> {
  return file.find('screening', id) ?? (await findScreening(em, id));
}

async function sampleOf(
  em: EntityManager,
  file: FileRecords,
  id: string,
): Promise<{ personId: string; testCode: RecordOf<'sample'>['testCode']; takenAt: string | null } | null> {
  return file.find('sample', id) ?? (await findSample(em, id));
}

export const screeningAdapter = entityAdapter({
  type: 'screening',
  entity: ScreeningEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => true,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
      else if (dayInFuture(r.takenOn, file.now)) refuse('takenOn', 'date_in_future');
      else if (r.visitId) {
        const visit = file.find('visit', r.visitId) ?? (await findVisit(em, r.visitId));
        if (visit && visit.personId !== r.personId) refuse('visitId', 'unknown_visit');
      }
    }),
  references: (r: RecordOf<'screening'>) =>
    refs(
      ['personId', 'person', r.personId],
      ['visitId', 'visit', r.visitId],
      ['siteId', 'site', r.siteId],
      ['authorId', 'user', r.authorId],
    ),
});

export const sampleAdapter = entityAdapter({
  type: 'sample',
  entity: SampleEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => true,
  async checkLines(em, lines, file) {
    const tests = await currentCatalogue(em, 'tests');
    return lineRefusals(lines, async (r, refuse) => {
      const screening = await screeningOf(em, file, r.screeningId);
      const sites = tests[r.testCode].sites;
      if (screening && screening.personId !== r.personId) refuse('screeningId', 'sample_required');
      else if (sites.length > 0 && (!r.anatomicalSite || !sites.includes(r.anatomicalSite)))
        refuse('anatomicalSite', 'anatomical_site_required');
      else if (sites.length === 0 && r.anatomicalSite)
        refuse('anatomicalSite', 'anatomical_site_not_sampled');
      else if (r.takenAt && instantInFuture(r.takenAt, file.now)) refuse('takenAt', 'date_in_future');
      else if ((r.status === 'taken' || r.status === 'resulted') && !r.takenAt) refuse('takenAt', 'required');
    });
  },
  // `confirmsResultId` names a result, which comes after its sample: kept as given, not a reference.
  references: (r: RecordOf<'sample'>) =>
    refs(
      ['screeningId', 'screening', r.screeningId],
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['orderedBy', 'user', r.orderedBy],
      ['takenBy', 'user', r.takenBy],
      ['authorId', 'user', r.authorId],
    ),
});

export const resultAdapter = entityAdapter({
  type: 'result',
  entity: ResultEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  // One result per sample is checked against the store: never batched.
  batched: () => false,
  async checkLines(em, lines, file) {
    const tests = await currentCatalogue(em, 'tests');
    const egfr = await currentCatalogue(em, 'egfr');
    const sampled = new Set<string>();
    return lineRefusals(lines, async (r, refuse) => {
      const sample = await sampleOf(em, file, r.sampleId);
      const test = tests[r.testCode];
      const parsed = resultValueSchema(test.result, egfr).safeParse(r.value);
      const stored = await resultOfSample(em, r.sampleId);
      if (!sample || sample.personId !== r.personId || sample.testCode !== r.testCode)
        refuse('sampleId', 'sample_required');
      else if (sampled.has(r.sampleId) || (stored && stored.id !== r.id)) refuse('sampleId', 'result_exists');
      else if (instantInFuture(r.resultedAt, file.now)) refuse('resultedAt', 'date_in_future');
      else if (sample.takenAt && Date.parse(r.resultedAt) < Date.parse(sample.takenAt))
        refuse('resultedAt', 'result_before_sample');
      else if (r.value.type !== test.result.type) refuse('value.type', 'result_value_invalid');
      else if (!parsed.success) refuse(refusedPart(parsed.error.issues[0]), 'result_value_invalid');
      else if (r.givenAt && Date.parse(r.givenAt) < Date.parse(r.resultedAt))
        refuse('givenAt', 'given_before_result');
      sampled.add(r.sampleId);
    });
  },
  references: (r: RecordOf<'result'>) =>
    refs(
      ['sampleId', 'sample', r.sampleId],
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['givenBy', 'user', r.givenBy],
      ['authorId', 'user', r.authorId],
    ),
});
