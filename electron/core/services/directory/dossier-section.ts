/** The referrals of a person to partners of the directory: the referrals tab and the timeline's. */
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { referralsOfPerson, referralsTable, type ReferralRow } from './repository';
import { toReferrals } from './directory-service';

const referrals: SectionDefinition<ReferralRow> = {
  capability: 'directory',
  section: 'referrals',
  linked: [referralsTable],
  timelineKinds: ['referral'],
  load: referralsOfPerson,
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
