/**
 * The PrEP baseline checklist (domain.md: HIV, creatinine, HBV, HAV, HCV, syphilis, CT/NG before
 * the start), read from the samples through the screenings capability's repository.
 */
import type { EntityManager } from 'typeorm';
import { PREP_BASELINE_TESTS } from '../../../../shared/domain/clinical-catalogues';
import { PREP_BASELINE_WINDOW_DAYS, type PrepBaselineEntry } from '../../../../shared/domain/prep';
import { addCalendar, type IsoDate } from '../../../../shared/domain/schedules';
import { samplesOfPerson } from '../screenings/repository';
import { appendEvents } from '../../api/access';

/**
 * The baseline checklist of an episode: each test of `PREP_BASELINE_TESTS` is done when a sample of
 * it was taken (or resulted) within 30 days before or after the start, `ordered` when the only one
 * is still to take. Read through the screenings capability.
 */
export async function baselineOf(
  em: EntityManager,
  personId: string,
  startedOn: IsoDate,
): Promise<PrepBaselineEntry[] | null> {
  const samples = await samplesOfPerson(em, personId, {
    testCodes: PREP_BASELINE_TESTS,
    from: addCalendar(startedOn, { days: -PREP_BASELINE_WINDOW_DAYS }),
    to: addCalendar(startedOn, { days: PREP_BASELINE_WINDOW_DAYS }),
  });
  return PREP_BASELINE_TESTS.map((testCode) => {
    const own = samples.filter((s) => s.testCode === testCode);
    const done = own.find((s) => s.status === 'taken' || s.status === 'resulted');
    if (done) return { testCode, state: 'done', sampleId: done.id };
    const ordered = own.find((s) => s.status === 'ordered');
    return ordered
      ? { testCode, state: 'ordered', sampleId: ordered.id }
      : { testCode, state: 'missing', sampleId: null };
  });
}

/**
 * The checklist says which tests were sampled around the start: a read of the tests section,
 * audited as one beside the prep read the dispatcher wrote (shown only to readers of tests).
 */
export async function auditBaselineRead(
  em: EntityManager,
  now: Date,
  actorId: string,
  personId: string,
): Promise<void> {
  await appendEvents(
    em,
    [{ actorId, action: 'read', section: 'tests', personId, detail: { part: 'prep_baseline' } }],
    now,
  );
}
