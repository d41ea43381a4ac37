/**
 * How one section of one person is drawn for one reader, record by record: shown; only what the
 * reader wrote; hidden for lack of consent (with how many records are hidden, except for the
 * sections where that number is the secret); or not part of the reader's work. The one place where a section's records are filtered through the gate.
 */
import type { SectionView } from '../../../shared/contract/section';
import { isConcealedSection, SECTION_SCOPE, sectionAccess } from '../../../shared/domain/access-policy';
import type { Section } from '../../../shared/domain/roles';
import { decide, type Actor, type DossierSubject } from '../access/gate';
import type { Authored } from './section';

export function drawSection<T extends Authored>(
  actor: Actor,
  section: Section,
  subject: DossierSubject,
  rows: readonly T[],
): { view: SectionView; visible: T[] } {
  const scope = SECTION_SCOPE[section];
  const own = rows.filter((r) => r.createdBy === actor.userId);
  if (sectionAccess(actor.roles, section) === 'none')
    return {
      view: {
        section,
        status: own.length ? 'own_only' : 'forbidden',
        scope,
        via: own.length ? 'author' : null,
        hiddenCount: 0,
      },
      visible: own,
    };
  const general = decide(actor, 'read', section, subject);
  if (general.allowed)
    return {
      view: { section, status: 'shown', scope, via: general.via, hiddenCount: 0 },
      visible: [...rows],
    };
  return {
    view: {
      section,
      status: own.length ? 'own_only' : 'hidden_consent',
      scope,
      via: own.length ? 'author' : null,
      // For a concealed section the number of hidden records is itself the secret.
      hiddenCount: isConcealedSection(section) ? 0 : rows.length - own.length,
    },
    visible: own,
  };
}

/** A section drawn with content is a read of it. */
export function isDrawn(view: SectionView): boolean {
  return view.status === 'shown' || view.status === 'own_only';
}
