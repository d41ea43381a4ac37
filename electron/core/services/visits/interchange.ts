import type { RuleError } from '../../interchange/adapter';
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import { personOf } from '../../interchange/person-of';
import { VisitEntity } from './entities';
import { openVisitIdOf } from './repository';
import { toVisit } from './visits-service';

export const visitAdapter = entityAdapter({
  type: 'visit',
  entity: VisitEntity,
  // The full view (not `visitFor`, which hides priority reasons from some readers).
  view: (rows) => rows.map((v) => toVisit(v, new Map())),
  // The step's start is not carried: an imported step began when the visit closed (or opened).
  derive: (r, existing) => ({
    stepSince: existing?.step === r.step ? existing.stepSince : (r.closedAt ?? r.openedAt),
  }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['appointmentId', 'appointment', r.appointmentId],
    ),
  // Its checks read no other record of its type: new ones are written in batches.
  batched: () => true,
  /**
   * What the screens guarantee for every visit they save, checked before an import writes any:
   * a visit closes after it opened; a visit is closed exactly when its step is `done` (leaving
   * the pathway closes it); one person has at most one open visit, counting the store's open visit
   * unless the file gives that same visit; no visit before the person's birth or on a merged file.
   */
  async checkLines(em, lines, file) {
    const errors: RuleError[] = [];
    const openByPerson = new Map<string, number>();
    const storeOpen = new Map<string, string | null>();
    for (const { line, record: v } of lines) {
      const refuse = (field: string, reason: string) => errors.push({ line, field, reason });
      if (v.closedAt !== null && Date.parse(v.closedAt) < Date.parse(v.openedAt)) {
        refuse('closedAt', 'before_start');
        continue;
      }
      if (v.closedAt === null && v.step === 'done') {
        refuse('closedAt', 'required_when_done');
        continue;
      }
      if (v.closedAt !== null && v.step !== 'done') {
        refuse('step', 'visit_closed');
        continue;
      }
      const person = await personOf(em, file, v.personId);
      if (person?.mergedInto) {
        refuse('personId', 'person_merged');
        continue;
      }
      if (person?.birthDate && v.openedAt.slice(0, 10) < person.birthDate) {
        refuse('openedAt', 'visit_before_birth');
        continue;
      }
      if (v.closedAt !== null) continue;
      const first = openByPerson.get(v.personId);
      if (first !== undefined) {
        refuse('personId', `visit_already_open_line_${first}`);
        continue;
      }
      if (!storeOpen.has(v.personId)) storeOpen.set(v.personId, await openVisitIdOf(em, v.personId));
      const open = storeOpen.get(v.personId);
      // The store's open visit stays open unless this file closes it (gives it with a `closedAt`).
      const closedByFile = open ? file.find('visit', open)?.closedAt != null : false;
      if (open && open !== v.id && !closedByFile) {
        refuse('personId', 'visit_already_open');
        continue;
      }
      openByPerson.set(v.personId, line);
    }
    return errors;
  },
});
