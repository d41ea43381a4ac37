/**
 * The Tests tab: a person's samples and results, the timeline's screenings and results, and the
 * alerts "result to give" and "confirmation pending" — raised only from the samples the reader
 * may see, so a reader without the tests section never learns that a result exists.
 */
import type { Alert, TimelineItem } from '../../../../shared/contract/dossier';
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import {
  samplesWithResults,
  resultsTable,
  samplesTable,
  screeningsTable,
  type SampleWithResult,
} from './repository';
import { toSamples } from './screenings-service';

const oldest = (dates: readonly string[]): string | null => [...dates].sort()[0] ?? null;

/** A confirmation ordered after a reactive rapid test and not resulted yet. */
export function isPendingConfirmation(s: Pick<SampleWithResult, 'confirmsResultId' | 'status'>): boolean {
  return !!s.confirmsResultId && (s.status === 'ordered' || s.status === 'taken');
}

const screenings: SectionDefinition<SampleWithResult> = {
  capability: 'screenings',
  section: 'tests',
  // Results name their sample and samples their screening: moved together on a merge.
  linked: [screeningsTable, samplesTable, resultsTable],
  timelineKinds: ['screening', 'result'],
  load: samplesWithResults,
  timeline: (rows) => {
    const items: TimelineItem[] = [];
    const days = new Map<string, SampleWithResult[]>();
    for (const s of rows) days.set(s.screeningId, [...(days.get(s.screeningId) ?? []), s]);
    for (const [screeningId, samples] of days) {
      const taken = samples.filter((s) => s.takenAt);
      if (taken.length === 0) continue; // only ordered so far: nothing happened yet
      items.push({
        at: oldest(taken.map((s) => s.takenAt!))!,
        kind: 'screening',
        section: 'tests',
        refId: screeningId,
        label: 'screening',
        detail: String(taken.length),
      });
    }
    for (const s of rows)
      if (s.result)
        items.push({
          at: s.result.resultedAt,
          kind: 'result',
          section: 'tests',
          refId: s.result.id,
          label: s.result.interpretation,
          detail: s.testCode,
        });
    return items;
  },
  alerts: (rows) => {
    const alerts: Alert[] = [];
    const toGive = rows.flatMap((s) => (s.result?.toGive ? [s.result.resultedAt] : []));
    if (toGive.length) alerts.push({ kind: 'result_to_give', at: oldest(toGive), hoursLeft: null });
    const pending = rows.filter(isPendingConfirmation);
    if (pending.length)
      alerts.push({
        kind: 'confirmation_pending',
        at: oldest(pending.map((s) => s.createdAt)),
        hoursLeft: null,
      });
    return alerts;
  },
};

export const screeningsSection = defineSection(screenings);

export const screeningsForPerson = sectionReader(screenings, (rows, { dossier }) =>
  toSamples(dossier.em, rows),
);
