/**
 * The handler of a dossier tab's channel (`interviews.forPerson`, …), built from the capability's
 * section definition: the dispatcher has already run the gate and audited the read; this draws the
 * section record by record (a refused reader gets only what they wrote) and maps the records the
 * reader may see to the contract's items.
 */
import type { Section } from '../../../shared/domain/roles';
import { decide, type Actor, type DossierSubject } from '../access/gate';
import type { DossierScope } from '../api/access';
import type { SectionView } from '../../../shared/contract/section';
import { drawSection } from './draw';
import type { Authored, SectionDefinition } from './section';

export interface ReaderCall {
  actor: Actor;
  dossier: DossierScope;
}

/** May this reader see this section of this person in full? Derived data follows the answer. */
export function readableBy(actor: Actor, subject: DossierSubject): (section: Section) => boolean {
  return (section) => decide(actor, 'read', section, subject).allowed;
}

export function sectionReader<Row extends Authored, Item>(
  def: SectionDefinition<Row>,
  toItems: (
    rows: Row[],
    call: ReaderCall,
    canRead: (section: Section) => boolean,
  ) => Promise<Item[]> | Item[],
): (input: unknown, call: ReaderCall) => Promise<{ view: SectionView; items: Item[] }> {
  return async (_input, call) => {
    const { em, person, access } = call.dossier;
    if (!person || !access[0]) throw new Error('a dossier tab reads one person');
    const subject = access[0].subject;
    const rows = await def.load(em, person.id);
    const { view, visible } = drawSection(call.actor, def.section, subject, rows);
    return { view, items: await toItems(visible, call, readableBy(call.actor, subject)) };
  };
}
