/**
 * "Who looked at my file", read once for the screen and the printed report: the newest entries of
 * the person's audit trail with the reader's name, and the same entries grouped by account, local
 * day of the file's site, section and action (`groupAccessLog`). Grouping here, not in each
 * consumer, is what keeps the screen and the PDF line for line the same.
 */
import type { EntityManager } from 'typeorm';
import { groupAccessLog } from '../../../../shared/domain/access-log';
import { isConcealedSection } from '../../../../shared/domain/access-policy';
import { SECTIONS, type Section } from '../../../../shared/domain/roles';
import { auditOfPerson } from '../../audit/repository';
import { findSite } from '../centre/repository';
import { staffNames } from '../users/staff-names';
import type { PersonRow } from './repository';

/** The entries shown and printed (the newest ones): a long-followed person has years of reads. */
const ACCESS_LOG_MAX = 5000;
/** A file whose site has no zone recorded (never, once set up) is shown in the centre's usual one. */
const FALLBACK_ZONE = 'Europe/Paris';

/**
 * The access log as `canRead` may see it. The reads and changes of a concealed section (violence,
 * case plan, legal, social, psy) the reader may not read are left out: "the lawyer read the legal
 * part" is the secret itself. `withheld` says that such lines may exist, from the reader's access
 * alone (never from the data), so the report can send the person to the team that holds them.
 */
export async function readAccessLog(
  em: EntityManager,
  person: PersonRow,
  canRead: (section: Section) => boolean,
) {
  const withheld = SECTIONS.some((section) => isConcealedSection(section) && !canRead(section));
  const site = await findSite(em, person.siteId);
  const timeZone = site?.timezone ?? FALLBACK_ZONE;
  const rows = (await auditOfPerson(em, person.id, ACCESS_LOG_MAX)).filter(
    (r) => !r.section || !isConcealedSection(r.section as Section) || canRead(r.section as Section),
  );
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
  return { timeZone, entries, groups, withheld };
}
