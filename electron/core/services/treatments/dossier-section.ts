/**
 * Test and Treat in the dossier: the panel's items, the timeline's `to_treat` and `treatment`
 * ("treated, delay N days"), and the alerts `positive_to_treat` (red, pinned), `cure_test_due` and
 * `referral_not_attended` — raised only from the items the reader may see, so a reader without the
 * tests section never learns that something is to treat.
 */
import type { Alert, TimelineItem } from '../../../../shared/contract/dossier';
import { addCalendar, siteToday } from '../../../../shared/domain/schedules';
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { siteTimeZones } from '../centre/repository';
import {
  partnersTable,
  toTreatOfPerson,
  toTreatTable,
  treatmentsTable,
  type ToTreatWithDetails,
} from './repository';
import { toItems } from './treatments-service';

/** A test of cure due within this many days (today included) is shown as due. */
export const CURE_DUE_SOON_DAYS = 7;

export interface LoadedItem extends ToTreatWithDetails {
  timeZone: string;
}

async function loadItems(...[em, personId]: Parameters<typeof toTreatOfPerson>): Promise<LoadedItem[]> {
  const items = await toTreatOfPerson(em, personId);
  if (items.length === 0) return [];
  // Each item's dates are its site's: no default zone for a site that is not there (raised).
  const zones = await siteTimeZones(
    em,
    items.map((i) => i.siteId),
  );
  return items.map((i) => ({ ...i, timeZone: zones.get(i.siteId)! }));
}

const earliest = (dates: readonly string[]) => [...dates].sort()[0] ?? null;

const treatments: SectionDefinition<LoadedItem> = {
  capability: 'treatments',
  section: 'tests',
  linked: [toTreatTable, treatmentsTable, partnersTable],
  timelineKinds: ['to_treat', 'treatment'],
  load: loadItems,
  timeline: (rows) => {
    const items: TimelineItem[] = [];
    for (const r of rows) {
      items.push({
        at: r.createdAt,
        kind: 'to_treat',
        section: 'tests',
        refId: r.id,
        label: r.status,
        detail: r.infection,
      });
      if (r.treatment)
        items.push({
          at: r.treatment.givenAt,
          kind: 'treatment',
          section: 'tests',
          refId: r.treatment.id,
          label: r.infection,
          detail: r.delayDays === null ? null : String(r.delayDays),
        });
    }
    return items;
  },
  alerts: (rows, { now }) => {
    const alerts: Alert[] = [];
    const open = rows.filter((r) => r.status === 'open');
    if (open.length)
      alerts.push({
        kind: 'positive_to_treat',
        at: null,
        hoursLeft: null,
        dueOn: earliest(open.map((r) => r.openedOn)),
      });
    const cure = rows.filter(
      (r) =>
        r.cureTestDueOn &&
        r.cureTestDueOn <= addCalendar(siteToday(now, r.timeZone), { days: CURE_DUE_SOON_DAYS - 1 }),
    );
    if (cure.length)
      alerts.push({
        kind: 'cure_test_due',
        at: null,
        hoursLeft: null,
        dueOn: earliest(cure.map((r) => r.cureTestDueOn!)),
      });
    const missed = rows.filter(
      (r) => r.status === 'referred' && (!r.appointmentOn || r.appointmentOn < siteToday(now, r.timeZone)),
    );
    if (missed.length) alerts.push({ kind: 'referral_not_attended', at: null, hoursLeft: null });
    return alerts;
  },
};

export const treatmentsSection = defineSection(treatments);

export const treatmentsForPerson = sectionReader(treatments, (rows, { dossier }) =>
  toItems(dossier.em, rows, dossier.now),
);
