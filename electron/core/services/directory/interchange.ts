import type { RuleError } from '../../interchange/adapter';
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import { personOf } from '../../interchange/person-of';
import { toEntry, toReferrals } from './directory-service';
import { DirectoryEntryEntity, ReferralEntity } from './entities';

export const directoryEntryAdapter = entityAdapter({
  type: 'directory_entry',
  entity: DirectoryEntryEntity,
  view: (rows) => rows.map(toEntry),
  // Its checks read no other record of its type: new ones are written in batches.
  batched: () => true,
  references: () => [],
});

export const referralAdapter = entityAdapter({
  type: 'referral',
  entity: ReferralEntity,
  // No staff names needed: the record carries the author's id.
  view: (rows, em) => toReferrals(em, rows, new Map()),
  rowNames: { authorId: 'createdBy' },
  // Its checks read no other record of its type: new ones are written in batches.
  batched: () => true,
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['entryId', 'directory_entry', r.entryId],
      ['authorId', 'user', r.authorId],
    ),
  /** A referral is never added to a merged file (the screen refuses it too). */
  async checkLines(em, lines, file) {
    const errors: RuleError[] = [];
    for (const { line, record: r } of lines)
      if ((await personOf(em, file, r.personId))?.mergedInto)
        errors.push({ line, field: 'personId', reason: 'person_merged' });
    return errors;
  },
});
