/**
 * The one seeded centre every end-to-end test starts from (except the set-up wizard's test and the
 * unreadable-store test, which need a folder without a centre). It is built once per run by
 * global-setup.ts through the CLI (`parcours init`) and the core's HTTP API, never through the
 * browser; each test then works on its own copy (fixtures.ts).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI, ROOT, startServer, stopServer } from './server';

export interface StaffMember {
  username: string;
  displayName: string;
  roles: readonly string[];
  password: string;
}

export const CENTRE_NAME = 'Centre de santé sexuelle du Lez';
export const TIMEZONE = 'Europe/Paris';
/** `parcours init --site CODE:Name:City`; the first is the team's site. */
export const SITES = [
  { code: 'MTP', name: 'Montpellier centre', city: 'Montpellier' },
  { code: 'SET', name: 'Antenne de Sète', city: 'Sète' },
] as const;

export const COORDINATOR = {
  username: 'camille.coord',
  displayName: 'Camille Martin',
  roles: ['coordinator'],
  password: 'coordination-2024!',
} as const satisfies StaffMember;

/** The team, with the passwords they chose (no temporary password is left to change). */
export const TEAM = {
  worker: {
    username: 'alex.accueil',
    displayName: 'Alex Moreau',
    roles: ['community_worker'],
    password: 'accueil-du-lez-2024',
  },
  nurse: {
    username: 'sam.infirmier',
    displayName: 'Sam Dupont',
    roles: ['nurse'],
    password: 'infirmerie-du-lez-7',
  },
  doctor: {
    username: 'nadia.med',
    displayName: 'Nadia Benali',
    roles: ['doctor'],
    password: 'medecin-du-lez-2024',
  },
  social: {
    username: 'ines.social',
    displayName: 'Inès Garcia',
    roles: ['social_worker'],
    password: 'social-du-lez-2024',
  },
  legal: {
    username: 'maya.juriste',
    displayName: 'Maya Laurent',
    roles: ['legal'],
    password: 'juriste-du-lez-2024',
  },
} as const satisfies Record<string, StaffMember>;

/** What the tests need to know about the seeded centre without asking the server. */
export interface SeedInfo {
  dataDir: string;
  siteId: string;
  siteCode: string;
  timezone: string;
  userIds: Record<string, string>;
}

/** The environment variable that carries the SeedInfo (JSON) from the global set-up to the workers. */
export const SEED_ENV = 'PARCOURS_E2E_SEED';

export function seedInfo(): SeedInfo {
  const raw = process.env[SEED_ENV];
  if (!raw) throw new Error(`${SEED_ENV} is not set: run the tests with tests/e2e/playwright.config.ts`);
  return JSON.parse(raw) as SeedInfo;
}

type Json = Record<string, unknown>;

async function post<T>(url: string, channel: string, input: Json, token?: string): Promise<T> {
  const response = await fetch(`${url}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`seed: ${channel} refused: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

interface Login {
  token: string;
  user: { id: string; sites: { id: string; code: string }[] };
}

/** Builds the seeded centre in `dataDir` (an empty folder). */
export async function buildSeededCentre(dataDir: string): Promise<SeedInfo> {
  // The centre and its sites as an administrator sets one up without the wizard.
  await promisify(execFile)(
    process.execPath,
    [
      CLI,
      'init',
      '--data',
      dataDir,
      '--centre',
      CENTRE_NAME,
      ...SITES.flatMap((s) => ['--site', `${s.code}:${s.name}:${s.city}`]),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PARCOURS_LANG: 'en',
        TZ: TIMEZONE,
        PARCOURS_ADMIN_USER: COORDINATOR.username,
        PARCOURS_ADMIN_PASSWORD: COORDINATOR.password,
        PARCOURS_ADMIN_NAME: COORDINATOR.displayName,
      },
    },
  );

  // The team through the core's API, as the coordinator would create it, each member then
  // replacing the temporary password.
  const { server, child } = await startServer(dataDir);
  try {
    const coordinator = await post<Login>(server.url, 'auth.login', {
      username: COORDINATOR.username,
      password: COORDINATOR.password,
    });
    const site = coordinator.user.sites.find((s) => s.code === SITES[0].code);
    if (!site) throw new Error(`seed: the coordinator has no site ${SITES[0].code}`);
    // Members side by side: each one is mostly scrypt (about 0.3 s per wrap or unwrap), which
    // runs off the event loop, so the two cores share the work.
    const members = await Promise.all(
      Object.values(TEAM).map(async (member) => {
        const created = await post<{ user: { id: string }; temporaryPassword: string }>(
          server.url,
          'users.create',
          {
            username: member.username,
            displayName: member.displayName,
            roles: member.roles,
            siteIds: [site.id],
          },
          coordinator.token,
        );
        const first = await post<Login>(server.url, 'auth.login', {
          username: member.username,
          password: created.temporaryPassword,
        });
        await post(
          server.url,
          'auth.changePassword',
          { currentPassword: created.temporaryPassword, newPassword: member.password },
          first.token,
        );
        await post(server.url, 'auth.logout', {}, first.token);
        return [member.username, created.user.id] as const;
      }),
    );
    const userIds: Record<string, string> = {
      [COORDINATOR.username]: coordinator.user.id,
      ...Object.fromEntries(members),
    };
    await post(server.url, 'auth.logout', {}, coordinator.token);
    return { dataDir, siteId: site.id, siteCode: site.code, timezone: TIMEZONE, userIds };
  } finally {
    await stopServer(child);
  }
}
