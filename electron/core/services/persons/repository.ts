/**
 * The person registry's tables (`person`, `consent`, `file_number_counter`): every query on them
 * but the search index (`search-index.ts`, FTS5). Other capabilities ask here (a person's file,
 * several persons at once, consents), never through the entities.
 */
import { In, IsNull, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { ConsentScope } from '../../../../shared/domain/roles';
import { findRows } from '../../db/fast-read';
import { linkedTable } from '../../dossier/section';
import { notFound } from '../../errors';
import {
  ConsentEntity,
  FileNumberCounterEntity,
  PersonEntity,
  type ConsentRow,
  type PersonRow,
} from './entities';

export type { ConsentRow, PersonRow };

/** A person's consents follow the file on a merge. */
export const consentsTable = linkedTable('consents', ConsentEntity);

/** A person's file row, or `not_found`: how every dossier call finds the person it touches. */
export async function loadPerson(em: EntityManager, personId: string): Promise<PersonRow> {
  const [person] = await findRows(em, PersonEntity, { id: personId }, { column: 'id', direction: 'ASC' });
  if (!person) throw notFound('person');
  return person;
}

export function findPerson(em: EntityManager, id: string): Promise<PersonRow | null> {
  return em.getRepository(PersonEntity).findOneBy({ id });
}

export function personByFileNumber(em: EntityManager, fileNumber: string): Promise<PersonRow | null> {
  return em.getRepository(PersonEntity).findOneBy({ fileNumber });
}

/**
 * The persons of many file numbers (a lab file's), one statement per 900 numbers, as plain rows
 * (`findRows`: no TypeORM hydration, which cost more than the read for a file of 5,000 persons).
 */
export async function personsByFileNumbers(
  em: EntityManager,
  fileNumbers: readonly string[],
): Promise<PersonRow[]> {
  const numbers = [...new Set(fileNumbers)];
  const rows: PersonRow[] = [];
  for (let start = 0; start < numbers.length; start += 900)
    rows.push(
      ...(await findRows(
        em,
        PersonEntity,
        { fileNumber: numbers.slice(start, start + 900) },
        { column: 'id', direction: 'ASC' },
      )),
    );
  return rows;
}

/** Several persons at once (a board, an agenda, a lab file's merged files): one query, plain rows. */
export function personsByIds(em: EntityManager, ids: readonly string[]): Promise<PersonRow[]> {
  return findRows(em, PersonEntity, { id: [...new Set(ids)] }, { column: 'id', direction: 'ASC' });
}

export function unmergedPersonsByIds(em: EntityManager, ids: readonly string[]): Promise<PersonRow[]> {
  return em.getRepository(PersonEntity).findBy({ id: In([...ids]), mergedInto: IsNull() });
}

export async function insertPerson(em: EntityManager, row: PersonRow): Promise<void> {
  await em.getRepository(PersonEntity).insert(row);
}

export async function savePerson(em: EntityManager, row: PersonRow): Promise<void> {
  await em.getRepository(PersonEntity).save(row);
}

export async function updatePersonRow(
  em: EntityManager,
  id: string,
  changes: Partial<Omit<PersonRow, 'id'>>,
): Promise<void> {
  await em.getRepository(PersonEntity).update({ id }, changes);
}

/** A person's consent records, newest recorded first (ties: see `consents.ts`). */
export function consentRowsOf(em: EntityManager, personId: string): Promise<ConsentRow[]> {
  return findRows(em, ConsentEntity, { personId }, { column: 'recordedAt', direction: 'DESC' });
}

/** The consent records of many persons (a lab file's, a board's), newest recorded first, plain rows. */
export function consentRowsOfPersons(em: EntityManager, personIds: readonly string[]): Promise<ConsentRow[]> {
  return findRows(
    em,
    ConsentEntity,
    { personId: [...new Set(personIds)] },
    { column: 'recordedAt', direction: 'DESC' },
  );
}

/**
 * A condition for a worklist query: the person in `personColumn` (an SQL column of the query,
 * e.g. `e.person_id`) currently consents to `scope` — their latest decision on that scope (ties:
 * the later id, as `consents.ts` orders them) says given. One correlated look-up on the consent's
 * index `(person_id, scope, recorded_at)` per candidate row, inside the list's one statement.
 * Returns the SQL to put in a `WHERE` (its parameters are set on `qb`).
 */
export function hasCurrentConsent(
  qb: SelectQueryBuilder<ObjectLiteral>,
  personColumn: string,
  scope: ConsentScope,
): string {
  const latest = qb
    .subQuery()
    .select('c.given')
    .from(ConsentEntity, 'c')
    .where(`c.personId = ${personColumn}`)
    .andWhere('c.scope = :currentConsentScope')
    .orderBy('c.recordedAt', 'DESC')
    .addOrderBy('c.id', 'DESC')
    .limit(1)
    .getQuery();
  qb.setParameter('currentConsentScope', scope).setParameter('currentConsentGiven', true);
  return `${latest} = :currentConsentGiven`;
}

/**
 * Joins a list query to the person named by `personColumn` (an SQL column of the query) for the
 * name used and the file number a worklist line shows, selected as `personNameUsed` and
 * `personFileNumber` (one look-up by primary key per row).
 */
export function joinPersonNames<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  personColumn: string,
): SelectQueryBuilder<T> {
  return qb
    .innerJoin(PersonEntity.options.name, 'listed_person', `listed_person.id = ${personColumn}`)
    .addSelect('listed_person.nameUsed', 'personNameUsed')
    .addSelect('listed_person.fileNumber', 'personFileNumber');
}

export async function insertConsentRow(em: EntityManager, row: ConsentRow): Promise<void> {
  await em.getRepository(ConsentEntity).insert(row);
}

/**
 * File numbers like MTP-2026-00042: per site and year, from a counter that only goes up, so a
 * number once given is never given again (not after a merge, not after an import).
 */
export async function nextFileNumber(
  em: EntityManager,
  siteId: string,
  siteCode: string,
  year: number,
): Promise<string> {
  const repo = em.getRepository(FileNumberCounterEntity);
  const counter = await repo.findOneBy({ siteId, year });
  const next = (counter?.last ?? 0) + 1;
  if (counter) await repo.update({ siteId, year }, { last: next });
  else await repo.insert({ siteId, year, last: next });
  return `${siteCode}-${year}-${String(next).padStart(5, '0')}`;
}

/** An imported file number raises the counter so new numbers never collide with it. */
export async function reserveFileNumber(
  em: EntityManager,
  siteId: string,
  fileNumber: string,
): Promise<void> {
  const match = /-(\d{4})-(\d+)$/.exec(fileNumber);
  if (!match) return;
  const year = Number(match[1]);
  const n = Number(match[2]);
  const repo = em.getRepository(FileNumberCounterEntity);
  const counter = await repo.findOneBy({ siteId, year });
  if (!counter) await repo.insert({ siteId, year, last: n });
  else if (counter.last < n) await repo.update({ siteId, year }, { last: n });
}
