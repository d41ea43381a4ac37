/**
 * The visits of a person in the dossier's pathway section: the visits tab, the timeline's visits,
 * the open visit in the header, and the alert of a visit open at another site. A visit's priority
 * and next steps come from other sections (the interview, test results): a reader who may not read
 * those sees a PEP as a plain priority and a positive to treat as an ordinary visit, never why.
 */
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { staffNames } from '../users/staff-names';
import { visitsOfPerson, visitsTable, type VisitRow } from './repository';
import { auditSectionsShown, sectionsShown, toVisit, visitFor } from './visits-service';

const visits: SectionDefinition<VisitRow> = {
  capability: 'visits',
  section: 'pathway',
  linked: [visitsTable],
  timelineKinds: ['visit'],
  load: visitsOfPerson,
  timeline: (rows) =>
    rows.map((v) => ({
      at: v.openedAt,
      kind: 'visit',
      section: 'pathway',
      refId: v.id,
      label: v.origin,
      detail: v.step,
    })),
  alerts: (rows, { person }) => {
    const open = rows.find((v) => v.closedAt === null);
    return open && open.siteId !== person.siteId
      ? [{ kind: 'open_visit_elsewhere', at: open.openedAt, hoursLeft: null }]
      : [];
  },
  summary: async (rows, { em, canRead }) => {
    const open = rows.find((v) => v.closedAt === null);
    if (!open) return { openVisit: null };
    const shown = visitFor(toVisit(open, await staffNames(em, [open.withUserId])), canRead);
    // Its priority's reason and the needs ticked are facts of other sections (tests, interview).
    return { openVisit: shown, discloses: sectionsShown([shown]) };
  },
};

export const visitsSection = defineSection(visits);

export const visitsForPerson = sectionReader(visits, async (rows, { actor, dossier }, canRead) => {
  const names = await staffNames(
    dossier.em,
    rows.map((v) => v.withUserId),
  );
  const shown = rows.map((v) => visitFor(toVisit(v, names), canRead));
  // A priority's reason and the needs ticked are facts of other sections: audited as their reads.
  await auditSectionsShown(actor, dossier, shown);
  return shown;
});
