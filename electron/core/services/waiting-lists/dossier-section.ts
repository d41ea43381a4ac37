/**
 * A person's waiting-list entries, in the Referrals tab (section `referrals`: whoever may refer
 * may put someone on a specialty's list) and on the timeline (`waiting_list`).
 */
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { sectionReader } from '../../dossier/reader';
import { entriesOfPerson, waitingListTable, type WaitingListEntryRow } from './repository';
import { toEntries } from './waiting-lists-service';

const waitingLists: SectionDefinition<WaitingListEntryRow> = {
  capability: 'waiting-lists',
  section: 'referrals',
  linked: [waitingListTable],
  timelineKinds: ['waiting_list'],
  load: entriesOfPerson,
  // When the referral was recorded; its label is the entry's state now, its detail the specialty
  // (its code, which the renderer labels, or the centre's own label for a specialty it added).
  timeline: async (rows, { em }) => {
    // The dossier's hot path: the catalogue is read only for a person who has entries.
    if (rows.length === 0) return [];
    const labels = new Map(
      (await currentCatalogue(em, 'specialties')).flatMap((s) => (s.label ? [[s.code, s.label]] : [])),
    );
    return rows.map((r) => ({
      at: r.createdAt,
      kind: 'waiting_list',
      section: 'referrals',
      refId: r.id,
      label: r.status,
      detail: labels.get(r.specialty) ?? r.specialty,
    }));
  },
};

export const waitingListsSection = defineSection(waitingLists);

export const waitingListsForPerson = sectionReader(waitingLists, (rows, { dossier }) =>
  toEntries(dossier.em, rows, dossier.now),
);
