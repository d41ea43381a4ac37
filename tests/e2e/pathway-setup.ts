/**
 * Set-up through the HTTP API (`POST /api/<channel>`) for the pathway tests: a centre, staff who
 * have already chosen their password, persons and consents. These steps are not what the tests
 * prove; doing them through the API keeps each test on the screen it is about.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { LoginPage } from './pages/LoginPage';

type Json = Record<string, unknown>;

export async function api<T = Json>(
  request: APIRequestContext,
  channel: string,
  input: Json,
  token?: string,
): Promise<T> {
  const response = await request.post(`/api/${channel}`, {
    data: input,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel} refused: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

export interface StaffAccount {
  id: string;
  username: string;
  displayName: string;
  password: string;
  token: string;
}

export interface PathwayCentre {
  siteId: string;
  siteCode: string;
  timezone: string;
  coordinator: StaffAccount;
}

export type OpeningHours = Partial<
  Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string][]>
> | null;

const COORDINATOR = {
  username: 'camille.coord',
  displayName: 'Camille Martin',
  password: 'coordination-2024!',
};

interface LoginValue {
  token: string;
  user: { id: string };
}

export async function login(
  request: APIRequestContext,
  username: string,
  password: string,
): Promise<LoginValue> {
  return api<LoginValue>(request, 'auth.login', { username, password });
}

/** A centre with one site (MTP, Europe/Paris), and its coordinator signed in through the API. */
export async function setUpCentre(
  request: APIRequestContext,
  openingHours: OpeningHours = null,
): Promise<PathwayCentre> {
  await api(request, 'setup.initialize', {
    centreName: 'Centre de santé sexuelle du Lez',
    locale: 'fr',
    sites: [
      {
        code: 'MTP',
        name: 'Montpellier centre',
        city: 'Montpellier',
        timezone: 'Europe/Paris',
        openingHours,
      },
    ],
    admin: COORDINATOR,
  });
  const session = await login(request, COORDINATOR.username, COORDINATOR.password);
  const centre = await api<{ sites: { id: string; code: string; timezone: string }[] }>(
    request,
    'centre.get',
    {},
    session.token,
  );
  const site = centre.sites[0];
  if (!site) throw new Error('the centre has no site');
  return {
    siteId: site.id,
    siteCode: site.code,
    timezone: site.timezone,
    coordinator: { ...COORDINATOR, id: session.user.id, token: session.token },
  };
}

export interface StaffMember {
  username: string;
  displayName: string;
  roles: readonly string[];
  password: string;
}

/** The team most pathway tests draw on: the same people, whichever test sets them up. */
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
} as const satisfies Record<string, StaffMember>;

/** A member of staff who has already replaced the temporary password. */
export async function createStaff(
  request: APIRequestContext,
  centre: PathwayCentre,
  member: StaffMember,
): Promise<StaffAccount> {
  const created = await api<{ user: { id: string }; temporaryPassword: string }>(
    request,
    'users.create',
    {
      username: member.username,
      displayName: member.displayName,
      roles: member.roles,
      siteIds: [centre.siteId],
    },
    centre.coordinator.token,
  );
  const first = await login(request, member.username, created.temporaryPassword);
  await api(
    request,
    'auth.changePassword',
    { currentPassword: created.temporaryPassword, newPassword: member.password },
    first.token,
  );
  return {
    id: created.user.id,
    username: member.username,
    displayName: member.displayName,
    password: member.password,
    token: first.token,
  };
}

/** Where most pathway tests start: the centre, and its community worker at reception. */
export async function setUpReception(
  request: APIRequestContext,
): Promise<{ centre: PathwayCentre; worker: StaffAccount }> {
  const centre = await setUpCentre(request);
  const worker = await createStaff(request, centre, TEAM.worker);
  return { centre, worker };
}

export interface CreatedPerson {
  id: string;
  fileNumber: string;
  nameUsed: string;
}

export async function createPerson(
  request: APIRequestContext,
  centre: PathwayCentre,
  staff: StaffAccount,
  person: Json & { nameUsed: string },
): Promise<CreatedPerson> {
  return api<CreatedPerson>(request, 'persons.create', { siteId: centre.siteId, ...person }, staff.token);
}

export async function recordConsent(
  request: APIRequestContext,
  staff: StaffAccount,
  personId: string,
  scope: string,
  given = true,
): Promise<void> {
  await api(request, 'persons.recordConsent', { personId, scope, given }, staff.token);
}

/** Signs in through the login screen and waits for the application. */
export async function signIn(page: Page, staff: { username: string; password: string; displayName: string }) {
  await page.goto('/');
  await new LoginPage(page).login(staff.username, staff.password);
  await expect(page.getByRole('button', { name: `Menu de ${staff.displayName}` })).toBeVisible();
}
