import type { TFunction } from 'i18next';
import type { Sample } from '../../../shared/contract/screenings';

/** "PCR chlamydia / gonocoque (délocalisée) Gorge": the test, and its site when sampled per site. */
export function sampleLabel(t: TFunction, sample: Pick<Sample, 'testCode' | 'anatomicalSite'>): string {
  const test = t(`clinicalCatalogues.tests.${sample.testCode}`);
  return sample.anatomicalSite ? `${test} — ${t(`screenings.sites.${sample.anatomicalSite}`)}` : test;
}
