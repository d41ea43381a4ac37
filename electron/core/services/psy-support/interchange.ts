/**
 * Psychological support records of the interchange format: `psy_session` (with its private note:
 * the export is plain by design, docs/import-format.md) and `psy_referral`, each the row's
 * columns with its author. The import applies the screen's rules: a session is not held in the
 * future, a group session names its group and an individual one none, a note or a group label is
 * not only spaces; a referral names a directory entry of category `psychiatrist`.
 */
import { authoredAdapter, refs } from '../../interchange/entity-adapter';
import { instantInFuture, lineRefusals, personMerged } from '../../interchange/record-rules';
import { isBlank, PSYCHIATRIC_CATEGORY } from '../../../../shared/domain/psy-support';
import { findEntry } from '../directory/repository';
import { PsyReferralEntity, PsySessionEntity } from './entities';

export const psySessionAdapter = authoredAdapter({
  type: 'psy_session',
  entity: PsySessionEntity,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
      else if (instantInFuture(r.heldAt, file.now)) refuse('heldAt', 'date_in_future');
      else if (r.kind === 'group' && r.groupLabel === null) refuse('groupLabel', 'group_label_required');
      else if (r.kind === 'individual' && r.groupLabel !== null)
        refuse('groupLabel', 'group_label_individual');
      else if (r.groupLabel !== null && isBlank(r.groupLabel)) refuse('groupLabel', 'text_required');
      else if (r.privateNote !== null && isBlank(r.privateNote)) refuse('privateNote', 'text_required');
    }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['psychologistId', 'user', r.psychologistId],
      ['authorId', 'user', r.authorId],
    ),
});

export const psyReferralAdapter = authoredAdapter({
  type: 'psy_referral',
  entity: PsyReferralEntity,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      const entry = file.find('directory_entry', r.entryId) ?? (await findEntry(em, r.entryId));
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
      else if (instantInFuture(r.referredAt, file.now)) refuse('referredAt', 'date_in_future');
      else if (isBlank(r.reason)) refuse('reason', 'text_required');
      else if (entry && entry.category !== PSYCHIATRIC_CATEGORY) refuse('entryId', 'entry_category_mismatch');
    }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['entryId', 'directory_entry', r.entryId],
      ['authorId', 'user', r.authorId],
    ),
});
