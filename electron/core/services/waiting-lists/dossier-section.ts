/**
 * A person's waiting-list entries, in the Referrals tab (section `referrals`: whoever may refer
 * may put someone on a specialty's list) and on the timeline (`waiting_list`).
 */
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { entriesOfPerson, waitingListTable, type WaitingListEntryRow } from './repository';
import { toEntries } from './waiting-lists-service';

const waitingLists: SectionDefinition<WaitingListEntryRow> = {
  capability: 'waiting-lists',
  section: 'referrals',
  linked: [waitingListTable],
  timelineKinds: ['waiting_list'],
  load: entriesOfPerson,
  // When the referral was recorded; its label is the entry's state now, its detail the specialty.
  timeline: (rows) =>
    rows.map((r) => ({
      at: r.createdAt,
      kind: 'waiting_list',
      section: 'referrals',
      refId: r.id,
      label: r.status,
      detail: r.specialty,
    })),
};

export const waitingListsSection = defineSection(waitingLists);

export const waitingListsForPerson = sectionReader(waitingLists, (rows, { dossier }) =>
  toEntries(dossier.em, rows, dossier.now),
);
