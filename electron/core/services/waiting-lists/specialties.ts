/** The specialties a person may be referred to now: the active codes of the centre's catalogue. */
import type { EntityManager } from 'typeorm';
import type { SpecialtyDefinition } from '../../../../shared/domain/clinical-catalogues';
import { invalid } from '../../errors';
import { currentCatalogue } from '../clinical-catalogues/repository';

export async function activeSpecialties(em: EntityManager): Promise<SpecialtyDefinition[]> {
  return (await currentCatalogue(em, 'specialties')).filter((s) => s.active);
}

/** Refuses a code the catalogue does not offer (unknown, or retired) next to `field`. */
export async function requireSpecialty(em: EntityManager, code: string, field = 'specialty'): Promise<void> {
  if (!(await activeSpecialties(em)).some((s) => s.code === code)) throw invalid(field, 'unknown_specialty');
}
