/**
 * A dossier section as a capability declares it, in its own folder: which section of the policy
 * table its records belong to, the tables that hold them (merge moves them, the "who looked at my
 * file" report and the export follow them), how to load a person's records, and what it adds to
 * the dossier — timeline items, alerts, the pathway summary — computed only from the records the
 * reader may see. The dossier, the timeline and merge iterate the registry; none of them lists a
 * capability by hand.
 */
import type { EntityManager, EntitySchema, FindOptionsWhere, QueryDeepPartialEntity } from 'typeorm';

import type { Alert, Dossier, TimelineItem } from '../../../shared/contract/dossier';
import type { Section } from '../../../shared/domain/roles';
import type { PersonRow } from '../services/persons/repository';

/** Every record of a dossier section says who wrote it: authors may read their own records. */
export interface Authored {
  createdBy: string | null;
}

/** A table holding records of a person, by the property that names the person. */
export interface LinkedTable {
  /** The record type (merge summary key, export record type). */
  name: string;
  tableName(em: EntityManager): string;
  /** Moves every record of one person to another (merge); returns how many moved. */
  move(em: EntityManager, fromPersonId: string, toPersonId: string): Promise<number>;
}

export function linkedTable<Row extends { personId: string | null }>(
  name: string,
  entity: EntitySchema<Row>,
): LinkedTable {
  return {
    name,
    tableName: (em) => em.connection.getMetadata(entity).tableName,
    async move(em, from, to) {
      // TypeORM cannot check a generic row's partial against its property paths: the row type
      // is bound by the constraint above, so the `personId` criteria are sound.
      const result = await em
        .getRepository(entity)
        .update(
          { personId: from } as FindOptionsWhere<Row>,
          { personId: to } as unknown as QueryDeepPartialEntity<Row>,
        );
      return result.affected ?? 0;
    },
  };
}

export interface ContributionContext {
  em: EntityManager;
  now: Date;
  person: PersonRow;
  /** May the reader see this section of this person in full? Derived data follows it. */
  canRead: (section: Section) => boolean;
  /** Who reads: a reader who sees only their own records of a section sees only their own parts. */
  readerId: string;
}

/**
 * The parts inside a visible record (an episode's follow-ups, a course's doses) follow the rule the
 * record passed: a reader who may not read the section in full sees the records they wrote, and
 * of those only the parts they wrote too — never another carer's visit through their own record.
 */
export function ownParts<T extends { createdBy: string | null }>(
  ctx: Pick<ContributionContext, 'canRead' | 'readerId'>,
  section: Section,
  parts: readonly T[],
): T[] {
  return ctx.canRead(section) ? [...parts] : parts.filter((p) => p.createdBy === ctx.readerId);
}

/**
 * The part of the dossier's header a section fills in (pathway status), and `discloses`: the other
 * sections whose facts that part shows (a visit's priority reason), audited as read with it.
 */
export type Summary = Partial<
  Pick<Dossier, 'openVisit' | 'nextAppointment' | 'openVisitInterview' | 'consents' | 'careReferent'>
> & { discloses?: readonly Section[] };

export interface SectionDefinition<Row extends Authored> {
  /** The capability's folder name (the same in services, contract and renderer features). */
  capability: string;
  section: Section;
  linked: readonly LinkedTable[];
  /** The kinds of timeline items it contributes (each drawn by its renderer feature). */
  timelineKinds: readonly string[];
  /** The person's records, newest first. */
  load(em: EntityManager, personId: string): Promise<Row[]>;
  timeline?(rows: readonly Row[], ctx: ContributionContext): Promise<TimelineItem[]> | TimelineItem[];
  alerts?(rows: readonly Row[], ctx: ContributionContext): Alert[];
  summary?(rows: readonly Row[], ctx: ContributionContext): Promise<Summary> | Summary;
}

/** The records of one section of one person, with what they add to the dossier. */
export interface LoadedSection {
  rows: readonly Authored[];
  /** What the records the reader may see add to the dossier (`visible` is a subset of `rows`). */
  timeline(visible: readonly Authored[], ctx: ContributionContext): Promise<TimelineItem[]>;
  alerts(visible: readonly Authored[], ctx: ContributionContext): Alert[];
  summary(visible: readonly Authored[], ctx: ContributionContext): Promise<Summary>;
}

/** A registered section, its row type erased: the registry holds sections of every capability. */
export interface DossierSection {
  capability: string;
  section: Section;
  linked: readonly LinkedTable[];
  timelineKinds: readonly string[];
  load(em: EntityManager, personId: string): Promise<LoadedSection>;
}

export function defineSection<Row extends Authored>(def: SectionDefinition<Row>): DossierSection {
  // `visible` is always a subset of the rows `load` returned, so narrowing it back is sound.
  const own = (visible: readonly Authored[]) => visible as readonly Row[];
  return {
    capability: def.capability,
    section: def.section,
    linked: def.linked,
    timelineKinds: def.timelineKinds,
    async load(em, personId) {
      const rows = await def.load(em, personId);
      return {
        rows,
        timeline: async (visible, ctx) => (def.timeline ? await def.timeline(own(visible), ctx) : []),
        alerts: (visible, ctx) => (def.alerts ? def.alerts(own(visible), ctx) : []),
        summary: async (visible, ctx) => (def.summary ? await def.summary(own(visible), ctx) : {}),
      };
    },
  };
}
