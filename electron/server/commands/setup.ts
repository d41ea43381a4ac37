import { detailText } from '../../../shared/contract/envelope';
import type { Core } from '../../core';
import { createCentre } from '../../core/services/setup/setup-service';
import { allSites } from '../../core/services/centre/repository';
import { allUsers } from '../../core/services/users/repository';
import { randomUUID } from 'node:crypto';
import { DEMO_OPENING_HOURS, populateDemo } from './demo-data';
import { populateChams } from './demo-chams';
import { CHAMS_ACCOUNTS, CHAMS_SITES, CHAMS_TIMEZONE } from './demo-chams-people';
import { DomainError } from '../../core/errors';
import type { Role } from '../../../shared/domain/roles';
import { CliError, openCore, requireOption, secretFromEnvOrPrompt, t } from '../cli-support';

function parseSite(value: string): { code: string; name: string; city?: string; timezone: string } {
  const [code, name, city] = value.split(':');
  if (!code || !name || !/^[A-Z0-9]{2,12}$/.test(code)) throw new CliError(t('badSite', { value }), 2);
  return { code, name, ...(city ? { city } : {}), timezone: process.env.TZ || 'Europe/Paris' };
}

function explain(err: unknown): never {
  if (err instanceof DomainError) {
    if (err.code === 'already_set_up') throw new CliError(t('alreadySetUp'));
    if (err.code === 'validation')
      throw new CliError(
        t('invalidField', {
          field: err.field ?? '?',
          reason: detailText(err.details, 'reason', 'issue') ?? '',
        }),
      );
  }
  throw err;
}

async function withCore<T>(dataDir: string, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore(dataDir);
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

/** `parcours init`: non-interactive set-up for scripts (PARCOURS_ADMIN_USER / PARCOURS_ADMIN_PASSWORD). */
export async function initCommand(values: Record<string, unknown>): Promise<void> {
  const dataDir = requireOption(values, 'data');
  const centre = requireOption(values, 'centre');
  const sites = ((values.site as string[] | undefined) ?? []).map(parseSite);
  if (sites.length === 0) throw new CliError(t('missingOption', { option: '--site' }), 2);
  const username = await secretFromEnvOrPrompt('PARCOURS_ADMIN_USER', t('promptUser'), false);
  const password = await secretFromEnvOrPrompt('PARCOURS_ADMIN_PASSWORD', t('promptPassword'));
  const displayName = process.env.PARCOURS_ADMIN_NAME || username;
  const locale = values.locale === 'en' ? 'en' : 'fr';
  await withCore(dataDir, async (core) => {
    const r = await core.dispatch(
      'setup.initialize',
      { centreName: centre, locale, sites, admin: { username, displayName, password } },
      { transport: 'http' },
    );
    if (!r.ok) {
      if (r.error.code === 'already_set_up') throw new CliError(t('alreadySetUp'));
      throw new CliError(
        t('invalidField', {
          field: r.error.field ?? '?',
          reason: detailText(r.error.details, 'reason', 'issue') ?? r.error.code,
        }),
      );
    }
    const { recoveryCode } = r.value as { recoveryCode: string };
    console.log(t('initDone', { centre, dir: dataDir }));
    console.log(t('recoveryCode', { code: recoveryCode }));
  });
}

export const DEMO_PASSWORD = 'parcours-demo-2026';

export const DEMO_ACCOUNTS: Array<{ username: string; displayName: string; roles: Role[] }> = [
  { username: 'coordination', displayName: 'Alex M. (coordination)', roles: ['coordinator'] },
  { username: 'accueil', displayName: 'Sam R. (accompagnement)', roles: ['community_worker'] },
  { username: 'infirmier', displayName: 'Inès L. (infirmière)', roles: ['nurse'] },
  { username: 'medecin', displayName: 'Dr Samir B. (médecin)', roles: ['doctor'] },
  { username: 'specialiste', displayName: 'Dr Claire G. (gynécologue)', roles: ['specialist'] },
  { username: 'psychologue', displayName: 'Nadia E. (psychologue)', roles: ['psychologist'] },
  { username: 'social', displayName: 'Fatima Z. (assistante sociale)', roles: ['social_worker'] },
  { username: 'juriste', displayName: 'Maître Youssef K. (avocat)', roles: ['legal'] },
];

/**
 * The demo centre in an empty store: the community centre's two sites (MTP, HLM) with one account
 * per role (DEMO_PASSWORD) and a year of its life (demo-data.ts), and the CHAMS programme's three
 * Moroccan sites with their own team (CHAMS_ACCOUNTS) and survivors (demo-chams.ts). The
 * coordination account works at every site; every other account only at its own. Returns the
 * recovery code, shown once.
 */
export async function createDemoCentre(core: Core): Promise<string> {
  const [admin, ...others] = DEMO_ACCOUNTS;
  const spotSiteIds = [randomUUID(), randomUUID()];
  const chamsSiteIds = Object.fromEntries(CHAMS_SITES.map((site) => [site.code, randomUUID()]));
  const { recoveryCode } = await createCentre(core.ctx, {
    centreName: 'Centre de santé sexuelle communautaire — démo',
    locale: 'fr',
    sites: [
      {
        id: spotSiteIds[0],
        code: 'MTP',
        name: 'Montpellier — centre',
        city: 'Montpellier',
        timezone: 'Europe/Paris',
        openingHours: DEMO_OPENING_HOURS,
      },
      {
        id: spotSiteIds[1],
        code: 'HLM',
        name: 'Hors les murs',
        city: 'Montpellier',
        timezone: 'Europe/Paris',
      },
      ...CHAMS_SITES.map((site) => ({ ...site, id: chamsSiteIds[site.code], timezone: CHAMS_TIMEZONE })),
    ],
    admin: { ...admin, password: DEMO_PASSWORD },
    extraAccounts: [
      ...others.map((a) => ({ ...a, password: DEMO_PASSWORD, siteIds: spotSiteIds })),
      ...CHAMS_ACCOUNTS.map(({ sites, ...a }) => ({
        ...a,
        password: DEMO_PASSWORD,
        siteIds: sites.map((code) => chamsSiteIds[code]),
      })),
    ],
  }).catch(explain);
  const em = core.ctx.vault.requireStore().manager;
  const users = await allUsers(em);
  const actor = (username: string) => {
    const account = [...DEMO_ACCOUNTS, ...CHAMS_ACCOUNTS].find((d) => d.username === username)!;
    return { userId: users.find((u) => u.username === username)!.id, roles: account.roles };
  };
  const sites = await allSites(em);
  await populateDemo(core, {
    worker: actor('accueil'),
    nurse: actor('infirmier'),
    doctor: actor('medecin'),
    coordinator: actor('coordination'),
    siteId: sites.find((s) => s.code === 'MTP')!.id,
    outreachSiteId: sites.find((s) => s.code === 'HLM')!.id,
    timezone: 'Europe/Paris',
  });
  await populateChams(core, {
    byUsername: actor,
    siteIds: { MRK: chamsSiteIds.MRK, AGA: chamsSiteIds.AGA, TNG: chamsSiteIds.TNG },
  });
  return recoveryCode;
}

/** `parcours demo`: a realistic demo centre, its CHAMS sites and team, one account per role. */
export async function demoCommand(values: Record<string, unknown>): Promise<void> {
  const dataDir = requireOption(values, 'data');
  await withCore(dataDir, async (core) => {
    const recoveryCode = await createDemoCentre(core);
    console.log(t('demoDone', { dir: dataDir, password: DEMO_PASSWORD }));
    for (const a of [...DEMO_ACCOUNTS, ...CHAMS_ACCOUNTS])
      console.log(`  ${a.username.padEnd(20)} ${a.roles.join(', ')}`);
    console.log(t('recoveryCode', { code: recoveryCode }));
  });
}
