/**
 * The tab a dossier opens on when its address names none: what this reader's work needs now.
 * Each tab declares for whom and when it is the opening tab (`opensFor` in its registration, a
 * weight: the highest wins); this module only gathers the situation and applies one rule of its
 * own: a tab is never opened on when its section is not drawn for this reader (hidden, or not part
 * of their role), so no rule can open a tab on content the gate withholds. Without any claim, the
 * first tab (identity) opens. See docs/reception-and-dossier.md "Opening tab".
 */
import { isToday, parseISO } from 'date-fns';
import type { Dossier } from '../../../../shared/contract/dossier';
import type { Role } from '../../../../shared/domain/roles';
import { isDrawn, type DossierTabDef, type OpeningReader } from './dossier-tab';

/**
 * The roles that receive a person in consultation. The community worker is the reception desk and
 * the interviewer: they receive the person only while the visit is with them (see `receivesToday`).
 */
export const CARE_ROLES: readonly Role[] = ['doctor', 'nurse', 'specialist', 'psychologist'];

/** Weights the features' tabs use, named so that their order reads in one place. */
export const OPENING_WEIGHT = {
  /** What a carer receiving the person today needs first (today's interview, what is due). */
  receivingToday: 100,
  /** The next best for a carer today, when the first is not theirs to read. */
  receivingTodayFallback: 50,
  /** A role whose own work lives in this tab (social, legal). */
  roleWork: 30,
  /** A clinical item waiting for this reader's role (a result to give to the person). */
  clinicalDue: 70,
  /** A 72-hour protocol after violence is running: above everything a carer does today. */
  protocol72h: 105,
} as const;

/** The person is here today and this reader is the one receiving them (a carer, or the one they are with). */
export function receivesToday(reader: OpeningReader): boolean {
  const visit = reader.visitToday;
  if (!visit) return false;
  return visit.withUserId === reader.userId || reader.roles.some((r) => CARE_ROLES.includes(r));
}

export function openingReader(user: { id: string; roles: readonly Role[] }, dossier: Dossier): OpeningReader {
  const visit = dossier.openVisit;
  return {
    userId: user.id,
    roles: user.roles,
    dossier,
    visitToday: visit && isToday(parseISO(visit.openedAt)) ? visit : null,
  };
}

/** The key of the tab to open on: the drawn tab with the highest claim, else the first tab. */
export function openingTab(tabs: readonly DossierTabDef[], reader: OpeningReader): string {
  let best: { key: string; weight: number } | null = null;
  for (const tab of tabs) {
    const weight = tab.opensFor?.(reader) ?? null;
    if (weight === null) continue;
    if (tab.section) {
      const view = reader.dossier.sections.find((s) => s.section === tab.section);
      if (!isDrawn(view)) continue;
    }
    if (!best || weight > best.weight) best = { key: tab.key, weight };
  }
  return best?.key ?? tabs[0]?.key ?? 'identity';
}
