/**
 * Psychological support in the dossier: the "Soutien psychologique" tab's sessions and
 * psychiatric referrals (section `psy`, concealed: a reader refused by role or consent gets no
 * count, only what they recorded). The timeline shows each session (individual or group) and each
 * psychiatric referral with its status — label keys only, never a note, a group's name or a
 * reason — to the readers the section is drawn for; no alert. The section loader never selects a
 * session's private note; the tab reads the notes of the sessions this reader was drawn, and of no
 * other.
 */
import type { EntityManager } from 'typeorm';
import type { TimelineItem } from '../../../../shared/contract/dossier';
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import {
  notesOf,
  psyReferralsTable,
  psySessionsTable,
  referralsOfPerson,
  sessionsOfPerson,
  type PsyReferralRow,
  type PsySessionHead,
} from './repository';
import { toPsyReferrals, toSessions } from './psy-support-service';

type PsyRow =
  | ({ record: 'session'; at: string } & PsySessionHead)
  | ({ record: 'referral'; at: string } & PsyReferralRow);

/** A person's sessions and referrals together, latest first. */
async function psyRecordsOf(em: EntityManager, personId: string): Promise<PsyRow[]> {
  const [sessions, referrals] = await Promise.all([
    sessionsOfPerson(em, personId),
    referralsOfPerson(em, personId),
  ]);
  const rows: PsyRow[] = [
    ...sessions.map((s) => ({ ...s, record: 'session' as const, at: s.heldAt })),
    ...referrals.map((r) => ({ ...r, record: 'referral' as const, at: r.referredAt })),
  ];
  return rows.sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : b.at.localeCompare(a.at)));
}

const psy: SectionDefinition<PsyRow> = {
  capability: 'psy-support',
  section: 'psy',
  linked: [psySessionsTable, psyReferralsTable],
  timelineKinds: ['psy_session', 'psy_referral'],
  load: psyRecordsOf,
  timeline: (rows) =>
    rows.map((r): TimelineItem =>
      r.record === 'session'
        ? { at: r.heldAt, kind: 'psy_session', section: 'psy', refId: r.id, label: r.kind, detail: null }
        : {
            at: r.referredAt,
            kind: 'psy_referral',
            section: 'psy',
            refId: r.id,
            label: r.status,
            detail: null,
          },
    ),
};

export const psySupportSection = defineSection(psy);

export const psySupportForPerson = sectionReader(psy, async (rows, { dossier }) => {
  const sessions = rows.flatMap((r) => (r.record === 'session' ? [r] : []));
  const referrals = rows.flatMap((r) => (r.record === 'referral' ? [r] : []));
  const notes = await notesOf(
    dossier.em,
    sessions.map((s) => s.id),
  );
  const items = [
    ...(await toSessions(dossier.em, sessions, notes)),
    ...(await toPsyReferrals(dossier.em, referrals)),
  ];
  const at = (i: (typeof items)[number]) => (i.record === 'session' ? i.heldAt : i.referredAt);
  return items.sort((a, b) => (at(a) === at(b) ? a.id.localeCompare(b.id) : at(b).localeCompare(at(a))));
});
