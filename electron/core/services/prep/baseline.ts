/**
 * The PrEP baseline checklist (domain.md: HIV, creatinine, HBV, HAV, HCV, syphilis, CT/NG before
 * the start), to be read from the samples through the screenings capability's repository once it
 * lands; until then the checklist is unknown (null) rather than shown as missing.
 */
import type { EntityManager } from 'typeorm';
import type { PrepBaselineEntry } from '../../../../shared/domain/prep';
import type { IsoDate } from '../../../../shared/domain/schedules';

export function baselineOf(
  _em: EntityManager,
  _personId: string,
  _startedOn: IsoDate,
): Promise<PrepBaselineEntry[] | null> {
  return Promise.resolve(null);
}
