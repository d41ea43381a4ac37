/**
 * An in-process core on a real temporary encrypted store, with the renderer's transport bound to
 * it: screens under test call the same `dispatch` as `parcours serve`, without HTTP. Envelopes go
 * through JSON both ways, as they do on the wire. The centre, its sites and its team are set up
 * through the core's API.
 */
import { afterEach } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput, Result } from '../../../shared/contract';
import { createCore, type Core } from '../../../electron/core';
import { setToken, setTransport } from '../../../renderer/api/client';
import type { Transport } from '../../../renderer/api/transport';
import { TEST_KDF, tempDir } from '../../unit/helpers/core';

export interface Member {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}

export const COORDINATOR: Member = {
  username: 'camille.coord',
  displayName: 'Camille Martin',
  password: 'coordination-2024!',
  roles: ['coordinator'],
};

export const TEAM = {
  worker: {
    username: 'alex.accueil',
    displayName: 'Alex Moreau',
    password: 'accueil-du-lez-2024',
    roles: ['community_worker'],
  },
  nurse: {
    username: 'sam.infirmier',
    displayName: 'Sam Dupont',
    password: 'infirmerie-du-lez-7',
    roles: ['nurse'],
  },
  doctor: {
    username: 'nadia.med',
    displayName: 'Nadia Benali',
    password: 'medecin-du-lez-2024',
    roles: ['doctor'],
  },
} as const satisfies Record<string, Member>;

export type OpeningHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string][]>>;

export interface TestCentre {
  core: Core;
  siteId: string;
  /** Signed-in API tokens of the coordinator and the team, for setting the scene. */
  tokens: Record<'coordinator' | keyof typeof TEAM, string>;
  userIds: Record<'coordinator' | keyof typeof TEAM, string>;
  /** Calls the core directly (scene setting, checks of what was written); fails on a refusal. */
  must<C extends ChannelName>(channel: C, input: ChannelInput<C>, token: string): Promise<ChannelOutput<C>>;
  /** A fresh API session of `member`. */
  signIn(member: Member): Promise<string>;
  /**
   * Runs `work` with the core's clock at `instant` (a visit opened last year…); the screens keep
   * the real time. Sign in inside `work`: a session used at another time would look idle since.
   */
  at<T>(instant: string, work: () => Promise<T>): Promise<T>;
}

const cores: Core[] = [];
afterEach(async () => {
  setToken(null);
  while (cores.length) await cores.pop()!.close();
});

/** The renderer's transport, bound to `core` in this process. */
export function coreTransport(core: Core): Transport {
  return {
    kind: 'http',
    async invoke(channel, input, token) {
      const wireInput: unknown = JSON.parse(JSON.stringify(input ?? {}));
      const result = await core.dispatch(channel, wireInput, {
        token: token ?? undefined,
        transport: 'http',
      });
      return JSON.parse(JSON.stringify(result)) as unknown;
    },
    onExternalLock: () => () => undefined,
  };
}

/** A centre (French, one site MTP, Europe/Paris) with its coordinator and team; the transport bound. */
export async function startCentre(options: { openingHours?: OpeningHours | null } = {}): Promise<TestCentre> {
  let pinned: Date | null = null;
  const core = await createCore({
    dataDir: tempDir('parcours-component-'),
    now: () => pinned ?? new Date(),
    kdfCost: TEST_KDF,
    // Long reads run inline: no worker thread to start for a screen test.
    longReads: 'inline',
    log: () => undefined,
  });
  cores.push(core);
  setTransport(coreTransport(core));

  const call = async (channel: string, input: unknown, token?: string): Promise<Result<unknown>> =>
    core.dispatch(channel, input, { token, transport: 'http' });
  const must = async <C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string) => {
    const result = await call(channel, input, token);
    if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result.error)}`);
    return result.value as ChannelOutput<C>;
  };

  await must('setup.initialize', {
    centreName: 'Centre de santé sexuelle du Lez',
    locale: 'fr',
    sites: [
      {
        code: 'MTP',
        name: 'Montpellier centre',
        city: 'Montpellier',
        timezone: 'Europe/Paris',
        openingHours: options.openingHours ?? null,
      },
    ],
    admin: {
      username: COORDINATOR.username,
      displayName: COORDINATOR.displayName,
      password: COORDINATOR.password,
    },
  });
  const coordinator = await must('auth.login', {
    username: COORDINATOR.username,
    password: COORDINATOR.password,
  });
  const siteId = coordinator.user.sites[0].id;
  const tokens = { coordinator: coordinator.token } as TestCentre['tokens'];
  const userIds = { coordinator: coordinator.user.id } as TestCentre['userIds'];
  for (const [key, member] of Object.entries(TEAM) as [keyof typeof TEAM, Member][]) {
    const created = await must(
      'users.create',
      {
        username: member.username,
        displayName: member.displayName,
        roles: member.roles,
        siteIds: [siteId],
      } as ChannelInput<'users.create'>,
      coordinator.token,
    );
    const first = await must('auth.login', {
      username: member.username,
      password: created.temporaryPassword,
    });
    await must(
      'auth.changePassword',
      { currentPassword: created.temporaryPassword, newPassword: member.password },
      first.token,
    );
    tokens[key] = first.token;
    userIds[key] = created.user.id;
  }

  return {
    core,
    siteId,
    tokens,
    userIds,
    must: (channel, input, token) => must(channel, input, token),
    signIn: async (member) =>
      (await must('auth.login', { username: member.username, password: member.password })).token,
    async at(instant, work) {
      pinned = new Date(instant);
      try {
        return await work();
      } finally {
        pinned = null;
      }
    },
  };
}

/**
 * A member the shared test team does not have, created by the coordinator (on `siteIds`, with a
 * usual site if given) and signed in once to set their own password.
 */
export async function addMember(
  centre: TestCentre,
  member: Member,
  siteIds: string[] = [centre.siteId],
  usualSiteId: string | null = null,
): Promise<string> {
  const created = await centre.must(
    'users.create',
    {
      username: member.username,
      displayName: member.displayName,
      roles: member.roles,
      siteIds,
      usualSiteId,
    } as ChannelInput<'users.create'>,
    centre.tokens.coordinator,
  );
  // Signing in needs no session: no token.
  const first = await centre.must(
    'auth.login',
    { username: member.username, password: created.temporaryPassword },
    '',
  );
  await centre.must(
    'auth.changePassword',
    { currentPassword: created.temporaryPassword, newPassword: member.password },
    first.token,
  );
  return created.user.id;
}

/** A second site of the centre (Sète), for the rules that depend on where the workstation is. */
export async function addSete(centre: TestCentre): Promise<string> {
  const site = await centre.must(
    'centre.saveSite',
    { code: 'SET', name: 'Sète', city: 'Sète', timezone: 'Europe/Paris', openingHours: null },
    centre.tokens.coordinator,
  );
  return site.id;
}
