/**
 * Legal procedures in the dossier: the Juridique tab's procedures (section `legal`), the
 * timeline's openings, stage moves and hearings (label keys and ids only), and the alert
 * `legal_hearing_soon` — a scheduled hearing from today to today + 6 days in the site's calendar,
 * derived only from procedures the reader may see.
 */
import type { Alert, TimelineItem } from '../../../../shared/contract/dossier';
import { HEARINGS_DUE_DAYS } from '../../../../shared/domain/legal';
import { addCalendar, siteToday } from '../../../../shared/domain/schedules';
import { localDate } from '../../../../shared/domain/zoned-time';
import { defineSection, ownParts, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { siteTimeZones } from '../centre/repository';
import { toProcedure } from './legal-service';
import {
  hearingsTable,
  legalStepsTable,
  proceduresOfPerson,
  proceduresTable,
  type ProcedureWithParts,
} from './repository';

export interface LoadedProcedure extends ProcedureWithParts {
  /** The procedure's site zone: "this week" and a hearing's day are days there. */
  zone: string;
}

async function loadProcedures(
  ...[em, personId]: Parameters<typeof proceduresOfPerson>
): Promise<LoadedProcedure[]> {
  const procedures = await proceduresOfPerson(em, personId);
  if (procedures.length === 0) return [];
  const zones = await siteTimeZones(em, [...new Set(procedures.map((p) => p.siteId))]);
  return procedures.map((p) => ({ ...p, zone: zones.get(p.siteId) ?? 'Europe/Paris' }));
}

/** The earliest day (site calendar) of a scheduled hearing due this week, or null. */
export function hearingDueOn(procedures: readonly LoadedProcedure[], now: Date): string | null {
  let earliest: string | null = null;
  for (const p of procedures) {
    const today = siteToday(now, p.zone);
    const last = addCalendar(today, { days: HEARINGS_DUE_DAYS - 1 });
    for (const h of p.hearings) {
      if (h.status !== 'scheduled') continue;
      const day = localDate(new Date(h.startsAt), p.zone);
      if (day >= today && day <= last && (earliest === null || day < earliest)) earliest = day;
    }
  }
  return earliest;
}

const legal: SectionDefinition<LoadedProcedure> = {
  capability: 'legal',
  section: 'legal',
  linked: [proceduresTable, legalStepsTable, hearingsTable],
  timelineKinds: ['legal_procedure', 'legal_step', 'hearing'],
  load: loadProcedures,
  timeline: (rows, ctx) => {
    const items: TimelineItem[] = [];
    for (const p of rows) {
      items.push({
        at: p.createdAt,
        kind: 'legal_procedure',
        section: 'legal',
        refId: p.id,
        label: p.type,
        detail: null,
      });
      for (const s of ownParts(ctx, 'legal', p.steps))
        items.push({
          at: s.createdAt,
          kind: 'legal_step',
          section: 'legal',
          refId: s.id,
          label: s.stage,
          detail: null,
        });
      for (const h of ownParts(ctx, 'legal', p.hearings))
        items.push({
          at: h.startsAt,
          kind: 'hearing',
          section: 'legal',
          refId: h.id,
          label: h.status,
          detail: h.kind,
        });
    }
    return items;
  },
  alerts: (rows, ctx) => {
    const dueOn = hearingDueOn(
      rows.map((p) => ({ ...p, hearings: ownParts(ctx, 'legal', p.hearings) })),
      ctx.now,
    );
    return dueOn ? [{ kind: 'legal_hearing_soon', at: null, hoursLeft: null, dueOn } satisfies Alert] : [];
  },
};

export const legalSection = defineSection(legal);

export const legalForPerson = sectionReader(legal, (rows, { actor, dossier }, canRead) =>
  Promise.all(
    rows.map((p) =>
      toProcedure(dossier.em, {
        ...p,
        // A reader who sees only what they wrote sees only the steps and hearings they wrote too.
        steps: ownParts({ canRead, readerId: actor.userId }, 'legal', p.steps),
        hearings: ownParts({ canRead, readerId: actor.userId }, 'legal', p.hearings),
      }),
    ),
  ),
);
