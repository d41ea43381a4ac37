/**
 * The community interviews of a person: the interviews tab, the timeline's interviews, the
 * interview of today's visit in the header, and the PEP alert — raised only from interviews the
 * reader may see, so a reader without the interview section never learns of an exposure.
 */
import { PEP_WINDOW_HOURS } from '../../../../shared/domain/catalogues';
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { staffNames } from '../users/staff-names';
import { openVisitIdOf } from '../visits/repository';
import { interviewsOfPerson, interviewsTable, type InterviewRow } from './repository';
import { pepAlertOf, toInterview } from './interviews-service';

const interviews: SectionDefinition<InterviewRow> = {
  capability: 'interviews',
  section: 'interview',
  linked: [interviewsTable],
  timelineKinds: ['interview'],
  load: interviewsOfPerson,
  timeline: async (rows, { em }) => {
    const names = await staffNames(
      em,
      rows.map((i) => i.createdBy),
    );
    return rows.map((i) => ({
      at: i.heldAt,
      kind: 'interview',
      section: 'interview',
      refId: i.id,
      label: pepAlertOf(i).pepAlert ? 'pep_alert' : 'interview',
      detail: i.createdBy ? (names.get(i.createdBy) ?? null) : null,
    }));
  },
  alerts: (rows, { now }) => {
    const lastRisk = rows
      .map((i) => i.lastRiskAt)
      .filter((d): d is string => !!d)
      .sort()
      .pop();
    if (!lastRisk) return [];
    const hours = (now.getTime() - Date.parse(lastRisk)) / 3600_000;
    if (hours < 0 || hours >= PEP_WINDOW_HOURS) return [];
    return [{ kind: 'pep_72h', at: lastRisk, hoursLeft: Math.round((PEP_WINDOW_HOURS - hours) * 10) / 10 }];
  },
  summary: async (rows, { em, person }) => {
    // The visits capability answers (its hot path: asked on every dossier opening).
    const open = await openVisitIdOf(em, person.id);
    const interview = open ? rows.find((i) => i.visitId === open) : undefined;
    return { openVisitInterview: interview ? { id: interview.id, version: interview.version } : null };
  },
};

export const interviewsSection = defineSection(interviews);

export const interviewsForPerson = sectionReader(interviews, async (rows, { dossier }) => {
  const names = await staffNames(
    dossier.em,
    rows.map((i) => i.createdBy),
  );
  return rows.map((i) => toInterview(i, names));
});
