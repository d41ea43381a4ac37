/**
 * Violence in the dossier: the tab's incidents (never a narrative), the timeline's incidents and
 * protocol steps (label keys and ids only), and the pinned alert `violence_72h` while a protocol is
 * open and before its deadline — raised only from the incidents the reader may see, so a reader
 * without the section never learns that an incident exists.
 */
import type { Alert, TimelineItem } from '../../../../shared/contract/dossier';
import { hoursLeft } from '../../../../shared/domain/violence';
import { zonedToUtc } from '../../../../shared/domain/zoned-time';
import { defineSection, ownParts, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { attachmentsTable } from '../attachments/repository';
import { siteTimeZones } from '../centre/repository';
import {
  incidentsOfPerson,
  incidentsTable,
  narrativesTable,
  protocolStepsTable,
  certificatesTable,
  type IncidentWithSteps,
} from './repository';
import { toIncidents } from './violence-service';

export interface LoadedIncident extends IncidentWithSteps {
  timeZone: string;
}

async function loadIncidents(
  ...[em, personId]: Parameters<typeof incidentsOfPerson>
): Promise<LoadedIncident[]> {
  const incidents = await incidentsOfPerson(em, personId);
  if (incidents.length === 0) return [];
  const zones = await siteTimeZones(
    em,
    incidents.map((i) => i.siteId),
  );
  return incidents.map((i) => ({ ...i, timeZone: zones.get(i.siteId) ?? 'Europe/Paris' }));
}

const violence: SectionDefinition<LoadedIncident> = {
  capability: 'violence',
  section: 'violence',
  // Attachments of every section (incidents, plans, procedures) share one table: linked once, here.
  linked: [incidentsTable, narrativesTable, protocolStepsTable, certificatesTable, attachmentsTable],
  timelineKinds: ['violence_incident', 'protocol_step', 'injury_certificate'],
  load: loadIncidents,
  timeline: (rows, ctx) => {
    const items: TimelineItem[] = [];
    for (const r of rows) {
      items.push({
        // A date without a time is shown on its day: noon at the site.
        at: r.occurredAt ?? zonedToUtc(r.occurredOn, '12:00', r.timeZone).toISOString(),
        kind: 'violence_incident',
        section: 'violence',
        refId: r.id,
        label: r.protocolStatus,
        detail: null,
      });
      for (const s of ownParts(ctx, 'violence', r.steps))
        items.push({
          at: s.doneAt,
          kind: 'protocol_step',
          section: 'violence',
          refId: s.id,
          label: s.item,
          detail: s.outcome,
        });
      // Issued certificates only, when signed; a draft is not yet an event of the file.
      for (const c of ownParts(ctx, 'violence', r.certificates))
        if (c.issuedAt)
          items.push({
            at: c.issuedAt,
            kind: 'injury_certificate',
            section: 'violence',
            refId: c.id,
            label: c.replacesId ? 'correction' : 'issued',
            detail: null,
          });
    }
    return items;
  },
  alerts: (rows, { now }) => {
    const running = rows
      .filter((r) => r.protocolStatus === 'open' && r.protocolDeadline)
      .map((r) => ({ r, left: hoursLeft(r.protocolDeadline!, now) }))
      .filter((x): x is { r: LoadedIncident; left: number } => x.left !== null)
      .sort((a, b) => a.left - b.left);
    const first = running[0];
    // `at` is null when only the date is known: the alert says "heure inconnue".
    return first
      ? [{ kind: 'violence_72h', at: first.r.occurredAt, hoursLeft: first.left } satisfies Alert]
      : [];
  },
};

export const violenceSection = defineSection(violence);

export const violenceForPerson = sectionReader(violence, (rows, { dossier, actor }, canRead) =>
  toIncidents(
    dossier.em,
    // A writer refused the section sees the incidents they recorded, with their own steps only.
    dossier.ownOnly
      ? rows.map((r) => ({
          ...r,
          steps: r.steps.filter((s) => s.createdBy === actor.userId),
          certificates: r.certificates.filter((c) => c.createdBy === actor.userId),
        }))
      : rows,
    dossier.now,
    // A step's link to a clinical record follows that record's section.
    canRead,
  ),
);
