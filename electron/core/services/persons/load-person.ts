/** A person's file row, or `not_found`: how every dossier call finds the person it touches. */
import type { EntityManager } from 'typeorm';
import { notFound } from '../../errors';
import { findRows } from '../../db/fast-read';
import { PersonEntity, type PersonRow } from './entities';

export async function loadPerson(em: EntityManager, personId: string): Promise<PersonRow> {
  const [person] = await findRows(em, PersonEntity, { id: personId }, { column: 'id', direction: 'ASC' });
  if (!person) throw notFound('person');
  return person;
}
