import { In, type EntityManager } from 'typeorm';
import { detailText } from '../../../../shared/contract/envelope';
import { invalid, type DomainError } from '../../errors';
import type { RuleError } from '../../interchange/adapter';
import { entityAdapter, refs, versioned } from '../../interchange/entity-adapter';
import { requireSite, siteExists } from '../centre/repository';
import { ConsentEntity, PersonEntity } from './entities';
import { nextFileNumber, personByFileNumber, reserveFileNumber } from './repository';
import { toPerson } from './person-view';
import { firstVisitOf } from '../visits/repository';
import { checkPersonFields, fieldsToRow, personFieldProblem } from './persons-service';
import { indexPerson, unindexPerson } from './search-index';

/** Persons: file numbers kept as given (and reserved), generated when absent; search index kept in step. */
export const personAdapter = entityAdapter({
  type: 'person',
  entity: PersonEntity,
  view: (rows) => rows.map(toPerson),
  references: (r) => refs(['siteId', 'site', r.siteId], ['mergedInto', 'person', r.mergedInto]),
  async beforeWrite(em, r, existing) {
    // Historical records may predate today's rules on visits, but never on the person's own fields.
    await checkPersonFields(em, r, new Date(), existing?.id);
    if (r.fileNumber) {
      const other = await personByFileNumber(em, r.fileNumber);
      if (other && other.id !== r.id) throw invalid('fileNumber', 'file_number_taken');
      await reserveFileNumber(em, r.siteId, r.fileNumber);
    } else if (!existing) {
      const site = await requireSite(em, r.siteId);
      r.fileNumber = await nextFileNumber(em, site.id, site.code, new Date().getUTCFullYear());
    }
  },
  /**
   * The screens' rules on a person's own fields, a file number given to two files, a birth date
   * after the person's first visit (in the file or the store): every line, before any write.
   */
  async checkLines(em, lines, file) {
    const errors: RuleError[] = [];
    const now = new Date();
    const numbers = new Map<string, number>();
    const holders = await holdersOf(
      em,
      lines.flatMap(({ record: r }) => (r.fileNumber ? [r.fileNumber] : [])),
    );
    for (const { line, record: r } of lines) {
      const refuse = (field: string, reason: string) => errors.push({ line, field, reason });
      const problem = personFieldProblem(r, now);
      if (problem) {
        refuse(problem.field ?? '-', detailText(problem.details, 'reason') ?? problem.code);
        continue;
      }
      if (r.fileNumber) {
        const first = numbers.get(r.fileNumber);
        const other = first === undefined ? (holders.get(r.fileNumber) ?? null) : null;
        // Taken in the store by another file, unless this import gives that file another number.
        const otherKeeps =
          other &&
          other.id !== r.id &&
          (file.find('person', other.id)?.fileNumber ?? other.fileNumber) === r.fileNumber;
        if (first !== undefined || otherKeeps) {
          refuse('fileNumber', 'file_number_taken');
          continue;
        }
        numbers.set(r.fileNumber, line);
      }
      // Against the store's visits (a visit of the file before its person's birth is refused on
      // the visit's own line), unless the file gives that visit again with other dates.
      const first = r.birthDate ? await firstVisitOf(em, r.id) : null;
      const openedAt = first ? (file.find('visit', first.id)?.openedAt ?? first.openedAt) : null;
      if (r.birthDate && openedAt && openedAt.slice(0, 10) < r.birthDate)
        refuse('birthDate', 'after_first_visit');
    }
    return errors;
  },
  // The way in is the screens' own (fieldsToRow: empty texts to null, birth year from the date).
  toRow: (r, now, existing) => ({
    id: r.id,
    fileNumber: r.fileNumber ?? existing?.fileNumber ?? '',
    mergedInto: r.mergedInto,
    createdBy: existing?.createdBy ?? null,
    ...fieldsToRow(r),
    ...versioned(existing, now),
    createdAt: r.createdAt ?? existing?.createdAt ?? now,
  }),
  // A number generated from the site's counter is written at once; given numbers are unique in
  // the file (checkLines) and raise the counter as they are checked, so those wait in a batch.
  batched: (r) => Boolean(r.fileNumber),
  /**
   * beforeWrite of new persons with their numbers, a batch at a time: the same checks (the
   * person's own fields, the site, the number held by a stored file) in one query per kind, and
   * each site's counter raised once to the highest number of the batch, as the records one by one
   * would leave it.
   */
  async beforeCreateMany(em, records) {
    const now = new Date();
    const holders = await holdersOf(
      em,
      records.flatMap((r) => (r.fileNumber ? [r.fileNumber] : [])),
    );
    const sites = new Map<string, boolean>();
    const highest = new Map<string, { siteId: string; fileNumber: string; n: number }>();
    const refusals: Array<DomainError | null> = [];
    for (const r of records) {
      const problem = personFieldProblem(r, now);
      if (!sites.has(r.siteId)) sites.set(r.siteId, await siteExists(em, r.siteId));
      const holder = r.fileNumber ? holders.get(r.fileNumber) : undefined;
      const refusal =
        problem ??
        (!sites.get(r.siteId)
          ? invalid('siteId', 'unknown_site')
          : holder && holder.id !== r.id
            ? invalid('fileNumber', 'file_number_taken')
            : null);
      refusals.push(refusal);
      const counted = r.fileNumber ? /-(\d{4})-(\d+)$/.exec(r.fileNumber) : null;
      if (refusal || !r.fileNumber || !counted) continue;
      const key = `${r.siteId} ${counted[1]}`;
      const n = Number(counted[2]);
      if ((highest.get(key)?.n ?? -1) < n)
        highest.set(key, { siteId: r.siteId, fileNumber: r.fileNumber, n });
    }
    for (const { siteId, fileNumber } of highest.values()) await reserveFileNumber(em, siteId, fileNumber);
    return refusals;
  },
  async afterWrite(em, row) {
    if (row.mergedInto) await unindexPerson(em, row.id);
    else await indexPerson(em, row);
  },
});

/** The stored persons holding any of these file numbers, by number: one query per few hundred. */
async function holdersOf(
  em: EntityManager,
  numbers: readonly string[],
): Promise<Map<string, { id: string; fileNumber: string }>> {
  const holders = new Map<string, { id: string; fileNumber: string }>();
  for (let start = 0; start < numbers.length; start += LOOKUP_CHUNK) {
    const rows = await em.getRepository(PersonEntity).find({
      select: { id: true, fileNumber: true },
      where: { fileNumber: In(numbers.slice(start, start + LOOKUP_CHUNK)) },
    });
    for (const row of rows) holders.set(row.fileNumber, row);
  }
  return holders;
}

const LOOKUP_CHUNK = 500;

export const consentAdapter = entityAdapter({
  type: 'consent',
  entity: ConsentEntity,
  // A consent's row is its record (no screen shows it with its person's id): the row is the view.
  view: (rows) => rows,
  references: (r) => refs(['personId', 'person', r.personId], ['recordedBy', 'user', r.recordedBy]),
  // Its checks read no other record of its type: new ones are written in batches.
  batched: () => true,
  // A decision dated in the future would stay "the latest" and block every later withdrawal.
  beforeWrite(_em, r) {
    if (Date.parse(r.recordedAt) > Date.now() + FUTURE_TOLERANCE_MS) throw invalid('recordedAt', 'in_future');
    return Promise.resolve();
  },
});

/** Clocks of two machines differ a little: a record a few minutes ahead is not "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
