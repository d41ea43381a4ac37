/**
 * "Who looked at my file", read once for the screen and the printed report: the newest entries of
 * the person's audit trail with the reader's name, and the same entries grouped by account, local
 * day of the file's site, section and action (`groupAccessLog`). Grouping here, not in each
 * consumer, is what keeps the screen and the PDF line for line the same.
 */
import type { EntityManager } from 'typeorm';
import { groupAccessLog } from '../../../../shared/domain/access-log';
import { isConcealedSection, worksOnlyInConcealedSections } from '../../../../shared/domain/access-policy';
import { SECTIONS, type Section } from '../../../../shared/domain/roles';
import { auditOfPerson, type AuditRow } from '../../audit/repository';
import { findSite } from '../centre/repository';
import { staffNames, staffRoles } from '../users/staff-names';
import type { PersonRow } from './repository';

/** The entries shown and printed (the newest ones): a long-followed person has years of reads. */
const ACCESS_LOG_MAX = 5000;
/** A file whose site has no zone recorded (never, once set up) is shown in the centre's usual one. */
const FALLBACK_ZONE = 'Europe/Paris';

/**
 * The access log as `canRead` may see it. For a reader who may not read some concealed section
 * (violence, case plan, legal, social, psy), "the lawyer opened this file" is the secret itself,
 * whatever part the lawyer opened: every line of a member of staff who touched such a section of
 * this person, or whose work is only in concealed sections (`worksOnlyInConcealedSections`: the
 * psychologist, the social worker, the lawyer), is left out, with the lines of those sections.
 * `withheld` says that such lines may exist, from the reader's access alone (never from the data),
 * so the report can send the person to the team that holds them.
 */
export async function readAccessLog(
  em: EntityManager,
  person: PersonRow,
  canRead: (section: Section) => boolean,
) {
  const withheld = SECTIONS.some((section) => isConcealedSection(section) && !canRead(section));
  const site = await findSite(em, person.siteId);
  const timeZone = site?.timezone ?? FALLBACK_ZONE;
  const all = await auditOfPerson(em, person.id, ACCESS_LOG_MAX);
  const rows = withheld ? await withoutConcealedWork(em, all, canRead) : all;
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

/** The lines a reader who may not read some concealed section may see (see `readAccessLog`). */
async function withoutConcealedWork(
  em: EntityManager,
  rows: readonly AuditRow[],
  canRead: (section: Section) => boolean,
): Promise<AuditRow[]> {
  const hiddenSection = (section: string | null) =>
    !!section && isConcealedSection(section as Section) && !canRead(section as Section);
  const hiddenActors = new Set(
    rows.filter((r) => r.actorId && hiddenSection(r.section)).map((r) => r.actorId),
  );
  const roles = await staffRoles(
    em,
    rows.map((r) => r.actorId),
  );
  for (const [id, held] of roles) if (worksOnlyInConcealedSections(held)) hiddenActors.add(id);
  return rows.filter((r) => !hiddenSection(r.section) && !(r.actorId && hiddenActors.has(r.actorId)));
}
