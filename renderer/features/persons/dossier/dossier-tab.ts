/**
 * What a feature declares to appear in a person's dossier (OpenMRS O3's "extension" idea): a tab
 * (address segment, label, the section it draws, its component) and the way it draws its own
 * kinds of timeline items. The features' declarations are listed in `renderer/app/dossier-registry.ts`,
 * one line each; `DossierPage` and the timeline iterate that list.
 */
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { ChannelName, ChannelOutput } from '../../../../shared/contract';
import type { Dossier, TimelineItem } from '../../../../shared/contract/dossier';
import type { SectionView } from '../../../../shared/contract/section';
import type { Role, Section } from '../../../../shared/domain/roles';
import type { Visit } from '../../../../shared/contract/visits';
import { callOrThrow } from '../../../api/client';
import type { TextKey } from '../../../i18n/setup';
import { personsKeys } from '../query-keys';
import { useSignedIn } from '../use-signed-in';
import { isConcealedSection, sectionAccess } from '../../../../shared/domain/access-policy';

export interface DossierTabProps {
  dossier: Dossier;
  /** How the gate drew the tab's section for this reader (undefined for tabs across sections). */
  view: SectionView | undefined;
  /** A merged file is read-only. */
  readOnly: boolean;
}

export interface DossierTabDef {
  /** The address segment: `#/persons/<id>/<key>`. */
  key: string;
  labelKey: TextKey;
  /** The section the tab draws: its notice ("not shared with…") and mark come from the gate's view. */
  section: Section | null;
  /** Where the tab sits among the others (lower first). */
  order: number;
  /**
   * Whether the dossier opens on this tab for this reader in this situation, and how strongly: a
   * weight (the highest wins), or null. A tab that does not declare it is never the opening tab
   * (the first tab, identity, is the default). The page only opens on a tab whose section this
   * reader may see (see opening-tab.ts), so a rule here never has to repeat the gate.
   */
  opensFor?: (reader: OpeningReader) => number | null;
  Component: ComponentType<DossierTabProps>;
}

/** Who opens the dossier and in what situation: what a tab's `opensFor` decides from. */
export interface OpeningReader {
  userId: string;
  roles: readonly Role[];
  dossier: Dossier;
  /** The person's open visit when it opened today (the workstation's day): they are here now. */
  visitToday: Visit | null;
}

/**
 * A panel a feature adds inside another feature's tab (the waiting lists in the Referrals tab):
 * drawn under the tab's own content, in `order`, with the view of the panel's own section.
 */
export interface DossierPanelDef {
  key: string;
  /** The key of the tab it sits in. */
  tab: string;
  section: Section;
  order: number;
  Component: ComponentType<DossierTabProps>;
}

export interface TimelineKindDef {
  kind: string;
  color: string;
  describe: (t: TFunction, item: TimelineItem) => { title: string; detail: string | null };
}

/** The channels that load one dossier tab: `{ personId }` in, `{ view, items }` out. */
export type SectionChannel = {
  [C in ChannelName]: ChannelOutput<C> extends { view: SectionView; items: unknown[] } ? C : never;
}[ChannelName];

/**
 * A tab's records, read through its capability's channel when the tab opens (an audited read),
 * cached under the person so that any change to them refreshes it.
 */
export function useDossierSection<C extends SectionChannel>(channel: C, personId: string, enabled = true) {
  return useQuery({
    queryKey: [...personsKeys.person(personId), 'section', channel],
    queryFn: () => callOrThrow(channel, { personId } as never) as Promise<ChannelOutput<C>>,
    enabled,
    staleTime: 0,
  });
}

/**
 * What a tab that shows one section's records and may add to it needs: may this reader write it,
 * are its records drawn, and the records (loaded only when drawn, or asked for a concealed section
 * so that the attempt is audited).
 */
export function useSectionTab<C extends SectionChannel>(
  channel: C,
  section: Section,
  { dossier, view, readOnly }: DossierTabProps,
) {
  const { user } = useSignedIn().state;
  const canWrite = !readOnly && sectionAccess(user.roles, section) === 'write';
  const drawn = isDrawn(view);
  // Opening the tab of a concealed section (violence, a case plan, legal, psychological notes)
  // the reader may not see is still asked of the core: it answers nothing, and writes the refused
  // attempt in the audit log (`denied`), where the coordinator reviews who tried.
  const attempt = !drawn && view !== undefined && isConcealedSection(section);
  const query = useDossierSection(channel, dossier.person.id, drawn || attempt);
  return { canWrite, drawn, query, personId: dossier.person.id };
}

/** The reader sees the section's records (all, or those they wrote). */
export function isDrawn(view: SectionView | undefined): boolean {
  return view?.status === 'shown' || view?.status === 'own_only';
}
