/**
 * "Who looked at my file", read once for the screen and the printed report: the newest entries of
 * the person's audit trail with the reader's name, and the same entries grouped by account, local
 * day of the file's site, section and action (`groupAccessLog`). Grouping here, not in each
 * consumer, is what keeps the screen and the PDF line for line the same.
 */
import type { EntityManager } from 'typeorm';
import { groupAccessLog } from '../../../../shared/domain/access-log';
import type { Section } from '../../../../shared/domain/roles';
import { auditOfPerson } from '../../audit/repository';
import { findSite } from '../centre/repository';
import { staffNames } from '../users/staff-names';
import type { PersonRow } from './repository';

/** The entries shown and printed (the newest ones): a long-followed person has years of reads. */
const ACCESS_LOG_MAX = 5000;
/** A file whose site has no zone recorded (never, once set up) is shown in the centre's usual one. */
const FALLBACK_ZONE = 'Europe/Paris';

export async function readAccessLog(em: EntityManager, person: PersonRow) {
  const site = await findSite(em, person.siteId);
  const timeZone = site?.timezone ?? FALLBACK_ZONE;
  const rows = await auditOfPerson(em, person.id, ACCESS_LOG_MAX);
  const names = await staffNames(
    em,
    rows.map((r) => r.actorId),
  );
  const entries = rows.map((r) => ({
    at: r.at,
    userId: r.actorId,
    userName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    section: r.section as Section | null,
    action: r.action,
    reason: r.reason,
  }));
  const groups = groupAccessLog(
    entries.map((e) => ({ ...e, readerId: e.userId, readerName: e.userName })),
    timeZone,
  );
  return { timeZone, entries, groups };
}
