/**
 * A worklist panel, declared by the capability that owns the list (docs/clinical-pathway.md,
 * section 10): the "À faire" screen and the navigation's badge draw the panels of the reader's
 * roles from `WORKLIST_PANELS` (renderer/app/worklist-registry.ts), one line per owner.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { sectionAccess } from '../../../shared/domain/access-policy';
import type { Role, Section } from '../../../shared/domain/roles';
import type { TextKey } from '../../../shared/i18n/catalogues';

/** How often the counts are read again: a passive call on the core, so an idle screen still locks. */
export const WORKLIST_COUNTS_POLL_MS = 60_000;

/** An owner's `worklistCounts` channel, read once for all of its panels. */
export interface WorklistCountSource {
  owner: string;
  /** The counts of each of the owner's lists on these sites (none: the reader's sites). */
  fetch: (siteIds: string[] | undefined) => Promise<Record<string, number>>;
}

export interface WorklistPanelProps {
  /** The sites chosen in the panel's filter; undefined: every site of the reader. */
  siteIds: string[] | undefined;
}

export interface WorklistPanelDef {
  /** Unique: `<owner>.<list>`. */
  id: string;
  owner: string;
  labelKey: TextKey;
  /** The roles whose "À faire" shows the panel (section 10's table). */
  roles: readonly Role[];
  /** The section the list is derived from: never shown to a reader who may not read it. */
  section: Section;
  /** Position on the screen, smallest first. */
  order: number;
  counts: WorklistCountSource;
  /** The key of this list in the owner's counts. */
  countKey: string;
  Panel: ComponentType<WorklistPanelProps>;
}

/** The panels of a reader with these roles, in their order. */
export function panelsFor(panels: readonly WorklistPanelDef[], roles: readonly Role[]): WorklistPanelDef[] {
  return panels
    .filter((p) => p.roles.some((r) => roles.includes(r)) && sectionAccess(roles, p.section) !== 'none')
    .sort((a, b) => a.order - b.order);
}

const countsKey = (owner: string, siteIds: string[] | undefined) =>
  ['worklists', 'counts', owner, siteIds ?? null] as const;

function countsQuery(source: WorklistCountSource, siteIds: string[] | undefined) {
  return {
    queryKey: countsKey(source.owner, siteIds),
    queryFn: () => source.fetch(siteIds),
    refetchInterval: WORKLIST_COUNTS_POLL_MS,
    staleTime: 0,
  };
}

/** The count in a panel's header (shares the badge's reading when the sites are the reader's). */
export function useWorklistCount(panel: WorklistPanelDef, siteIds: string[] | undefined) {
  return useQuery({
    ...countsQuery(panel.counts, siteIds),
    select: (counts: Record<string, number>) => counts[panel.countKey] ?? 0,
  });
}

/** The sum of the counts of these panels on the reader's sites, each owner read once. */
export function useWorklistTotal(panels: readonly WorklistPanelDef[]): number {
  const sources = [...new Map(panels.map((p) => [p.counts.owner, p.counts])).values()];
  const results = useQueries({ queries: sources.map((s) => countsQuery(s, undefined)) });
  const byOwner = new Map(sources.map((s, i) => [s.owner, results[i]?.data]));
  return panels.reduce((sum, p) => sum + (byOwner.get(p.counts.owner)?.[p.countKey] ?? 0), 0);
}

/** Every list of the owners' counts, read again after a write (the mutations' `invalidates`). */
export const worklistCountsKey = ['worklists', 'counts'] as const;
