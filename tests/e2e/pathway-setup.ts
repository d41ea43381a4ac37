/**
 * What the pathway tests start from: the seeded centre (seed.ts), its staff signed in through the
 * HTTP API (`POST /api/<channel>`), and the persons and consents each test needs, created through
 * the same API. These steps are not what the tests prove; doing them through the API keeps each
 * test on the screen it is about.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { LoginPage } from './pages/LoginPage';
import { COORDINATOR, seedInfo, TEAM, type StaffMember } from './seed';

export { COORDINATOR, TEAM, type StaffMember } from './seed';

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
  /** The coordinator, not signed in (sign in with `staff` when a token is needed). */
  coordinator: StaffMember & { id: string };
}

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

/** The seeded centre: its first site (MTP, Europe/Paris), where the whole team works. */
export function seededCentre(): PathwayCentre {
  const seed = seedInfo();
  const id = seed.userIds[COORDINATOR.username];
  if (!id) throw new Error('the seeded centre has no coordinator');
  return {
    siteId: seed.siteId,
    siteCode: seed.siteCode,
    timezone: seed.timezone,
    coordinator: { ...COORDINATOR, id },
  };
}

/** A member of the seeded team, signed in through the API (the password is the one they chose). */
export async function staff(request: APIRequestContext, member: StaffMember): Promise<StaffAccount> {
  const session = await login(request, member.username, member.password);
  return {
    id: session.user.id,
    username: member.username,
    displayName: member.displayName,
    password: member.password,
    token: session.token,
  };
}

/** Where most pathway tests start: the centre, and its community worker at reception. */
export async function atReception(
  request: APIRequestContext,
): Promise<{ centre: PathwayCentre; worker: StaffAccount }> {
  return { centre: seededCentre(), worker: await staff(request, TEAM.worker) };
}

export interface CreatedPerson {
  id: string;
  fileNumber: string;
  nameUsed: string;
}

export async function createPerson(
  request: APIRequestContext,
  centre: PathwayCentre,
  staffAccount: StaffAccount,
  person: Json & { nameUsed: string },
): Promise<CreatedPerson> {
  return api<CreatedPerson>(
    request,
    'persons.create',
    { siteId: centre.siteId, ...person },
    staffAccount.token,
  );
}

export async function recordConsent(
  request: APIRequestContext,
  staffAccount: StaffAccount,
  personId: string,
  scope: string,
  given = true,
): Promise<void> {
  await api(request, 'persons.recordConsent', { personId, scope, given }, staffAccount.token);
}

/** Signs in through the login screen and waits for the application. */
export async function signIn(
  page: Page,
  member: { username: string; password: string; displayName: string },
) {
  await page.goto('/');
  await new LoginPage(page).login(member.username, member.password);
  await expect(page.getByRole('button', { name: `Menu de ${member.displayName}` })).toBeVisible();
}
