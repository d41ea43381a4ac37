/**
 * Social support records of the interchange format: `social_support`, the row's columns with its
 * author. The import applies the screen's rules: not given in the future, a value is a
 * non-negative amount with an ISO currency, a referral kind names a directory entry of its
 * category and other kinds name none.
 */
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import {
  AUTHOR_COLUMN,
  dayInFuture as inFuture,
  lineRefusals,
  personMerged,
  withAuthor,
} from '../../interchange/record-rules';
import { CURRENCY_PATTERN, entryCategoryOf } from '../../../../shared/domain/social-support';
import { findEntry } from '../directory/repository';
import { SocialSupportEntity } from './entities';

export const socialSupportAdapter = entityAdapter({
  type: 'social_support',
  entity: SocialSupportEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => false,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      const category = entryCategoryOf(r.kind);
      const entry = r.entryId
        ? (file.find('directory_entry', r.entryId) ?? (await findEntry(em, r.entryId)))
        : null;
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
      else if (inFuture(r.givenOn, file.now)) refuse('givenOn', 'date_in_future');
      else if (r.valueMinor !== null && r.valueMinor < 0) refuse('valueMinor', 'value_negative');
      else if (r.valueMinor !== null && r.currency === null) refuse('currency', 'currency_required');
      else if (r.valueMinor === null && r.currency !== null) refuse('valueMinor', 'value_required');
      else if (r.currency !== null && !CURRENCY_PATTERN.test(r.currency))
        refuse('currency', 'currency_invalid');
      else if (category !== null && !r.entryId) refuse('entryId', 'entry_required');
      else if (entry && entry.category !== category) refuse('entryId', 'entry_category_mismatch');
    }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['entryId', 'directory_entry', r.entryId],
      ['givenBy', 'user', r.givenBy],
      ['authorId', 'user', r.authorId],
    ),
});
