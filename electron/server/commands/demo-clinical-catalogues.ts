/**
 * The demo centre's clinical catalogues and prescribers, replayed through the app's channels
 * (the services behind the centre channels, inputs parsed by the contract): the coordination opened a proctology consultation half a year ago (a second version
 * of the specialties, with its reason, in the history), and the prescribers have a professional
 * number for the prescription header. The numbers are made up (not real RPPS numbers).
 */
import type { Core } from '../../core';
import { CONTRACT } from '../../../shared/contract';
import { saveCatalogue } from '../../core/services/clinical-catalogues/clinical-catalogues-service';
import { listUsers, updateUser } from '../../core/services/users/users-service';
import { DEFAULT_SPECIALTIES } from '../../../shared/domain/clinical-catalogues';
import type { DemoActors } from './demo-data';

const PRESCRIBER_NUMBERS: Readonly<Record<string, string>> = {
  medecin: '10000000018',
  specialiste: '10000000026',
};

export async function populateClinicalCatalogues(core: Core, a: DemoActors): Promise<void> {
  const { ctx } = core;
  const realClock = ctx.clock;
  try {
    ctx.clock = () => new Date(realClock().getTime() - 182 * 86_400_000);
    await saveCatalogue(
      ctx,
      a.coordinator,
      CONTRACT['catalogues.save'].input.parse({
        catalogue: 'specialties',
        version: 0,
        content: [...DEFAULT_SPECIALTIES, { code: 'proctology', active: true, label: 'Proctologie' }],
        reason: 'Ouverture d’une consultation de proctologie le jeudi',
      }),
    );
  } finally {
    ctx.clock = realClock;
  }
  const { items } = await listUsers(ctx, CONTRACT['users.list'].input.parse({ page: 1, pageSize: 50 }));
  for (const user of items) {
    const professionalNumber = PRESCRIBER_NUMBERS[user.username];
    if (!professionalNumber) continue;
    await updateUser(
      ctx,
      a.coordinator,
      CONTRACT['users.update'].input.parse({
        id: user.id,
        version: user.version,
        displayName: user.displayName,
        roles: user.roles,
        siteIds: user.siteIds,
        professionalNumber,
      }),
    );
  }
}
