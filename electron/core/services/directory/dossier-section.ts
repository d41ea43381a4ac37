/** The referrals of a person to partners of the directory: the referrals tab and the timeline's. */
import { defineSection, linkedTable, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { findRows } from '../../db/fast-read';
import { ReferralEntity, type ReferralRow } from './entities';
import { toReferrals } from './directory-service';

const referrals: SectionDefinition<ReferralRow> = {
  capability: 'directory',
  section: 'referrals',
  linked: [linkedTable('referrals', ReferralEntity)],
  timelineKinds: ['referral'],
  load: (em, personId) =>
    findRows(em, ReferralEntity, { personId }, { column: 'referredAt', direction: 'DESC' }),
  timeline: async (rows, { em }) =>
    (await toReferrals(em, [...rows])).map((r) => ({
      at: r.referredAt,
      kind: 'referral',
      section: 'referrals',
      refId: r.id,
      label: r.status,
      detail: r.entryName,
    })),
};

export const referralsSection = defineSection(referrals);

export const referralsForPerson = sectionReader(referrals, (rows, { dossier }) =>
  toReferrals(dossier.em, rows),
);
