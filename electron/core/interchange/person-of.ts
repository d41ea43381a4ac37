import type { EntityManager } from 'typeorm';
import { findPerson } from '../services/persons/repository';
import type { FileRecords } from './adapter';

/** What the save rules of a person's records need of that person, from the file or the store. */
export async function personOf(
  em: EntityManager,
  file: FileRecords,
  personId: string,
): Promise<{ birthDate: string | null; mergedInto: string | null } | null> {
  const given = file.find('person', personId);
  if (given) return { birthDate: given.birthDate ?? null, mergedInto: given.mergedInto ?? null };
  return findPerson(em, personId);
}
