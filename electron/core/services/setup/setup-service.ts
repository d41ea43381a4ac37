/**
 * First-run set-up of a centre: the data key is born here, the database is created encrypted,
 * the first coordinator gets a wrapped copy of the key, and a recovery code — shown once — gets
 * another. If anything fails, the files this call created are removed so set-up can start again;
 * nothing that existed before is ever touched.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { ParsedInput as In } from '../../../../shared/contract';
import { headPath } from '../../audit/audit-head';
import { appendAudit } from '../../audit/audit-log';
import type { CoreContext } from '../../context';
import { Keyring, normalizeUsername } from '../../db/keyring';
import { newDataKey, newRecoveryCode, normalizeRecoveryCode, wrapKey } from '../../db/keywrap';
import { DATABASE_CIPHER } from '../../db/sqlite';
import { Store, databasePath } from '../../db/store';
import { DomainError, invalid } from '../../errors';
import { checkNewPassword } from '../auth/passwords';
import { insertSite } from '../centre/centre-service';
import { CENTRE_ID, insertCentre } from '../centre/repository';
import { DEFAULT_UNUSUAL_READS_PER_HOUR } from '../../../../shared/contract/centre';
import { insertUser, replaceRolesAndSites, usernameTaken } from '../users/repository';
import type { Role } from '../../../../shared/domain/roles';
import type { OpeningHours } from '../../../../shared/contract/setup';

export interface CentreSpec {
  centreName: string;
  locale: 'fr' | 'en';
  sites: Array<{
    id?: string;
    code: string;
    name: string;
    city?: string | undefined;
    timezone: string;
    openingHours?: OpeningHours | undefined;
  }>;
  admin: {
    id?: string;
    username: string;
    displayName: string;
    password: string;
    roles?: Role[];
    siteIds?: string[];
  };
  /** Demo and tests: accounts created here need no password change. */
  extraAccounts?: Array<{
    username: string;
    displayName: string;
    password: string;
    roles: Role[];
    /** Left out: every site. */
    siteIds?: string[];
  }>;
}

export async function initialize(
  ctx: CoreContext,
  input: In<'setup.initialize'>,
): Promise<{ recoveryCode: string }> {
  return createCentre(ctx, input);
}

/** Creates the store, the centre, its sites and first accounts, and the keyring, or nothing at all. */
export async function createCentre(ctx: CoreContext, spec: CentreSpec): Promise<{ recoveryCode: string }> {
  if (ctx.vault.state().state !== 'needs_setup')
    throw new DomainError('already_set_up', 'this data folder already holds a centre');
  const codes = spec.sites.map((s) => s.code);
  const duplicate = codes.findIndex((c, i) => codes.indexOf(c) !== i);
  if (duplicate >= 0) throw invalid(`sites.${duplicate}.code`, 'site_code_taken');
  type Account = {
    id?: string | undefined;
    username: string;
    displayName: string;
    password: string;
    roles: Role[];
    siteIds?: string[] | undefined;
  };
  const accounts: Account[] = [
    { ...spec.admin, roles: spec.admin.roles ?? ['coordinator'] },
    ...(spec.extraAccounts ?? []),
  ];
  checkNewPassword('admin.password', spec.admin.password, spec.admin.username, undefined, [
    spec.admin.displayName,
    spec.centreName,
  ]);

  const dataKey = newDataKey();
  const recoveryCode = newRecoveryCode();
  const dataDir = ctx.vault.dataDir;
  let store: Store | null = null;
  try {
    const recovery = await wrapKey(dataKey, normalizeRecoveryCode(recoveryCode), ctx.kdfCost);
    const wraps = await Promise.all(accounts.map((a) => wrapKey(dataKey, a.password, ctx.kdfCost)));
    store = await Store.open({
      dataDir,
      key: dataKey,
      cipher: DATABASE_CIPHER,
      create: true,
      now: ctx.clock,
    });
    const ids = accounts.map((a) => a.id ?? randomUUID());
    await store.transaction(async (em) => {
      const now = ctx.clock().toISOString();
      await insertCentre(em, {
        id: CENTRE_ID,
        name: spec.centreName,
        autoLockMinutes: 10,
        unusualReadsPerHour: DEFAULT_UNUSUAL_READS_PER_HOUR,
        defaultLocale: spec.locale,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      const siteIds: string[] = [];
      for (const site of spec.sites) siteIds.push((await insertSite(em, site, now)).id);
      for (const [i, account] of accounts.entries()) {
        const username = normalizeUsername(account.username);
        if (await usernameTaken(em, username))
          throw invalid(i === 0 ? 'admin.username' : 'username', 'username_taken');
        await insertUser(em, {
          id: ids[i],
          username,
          displayName: account.displayName,
          mustChangePassword: false,
          active: true,
          locale: spec.locale,
          lastLoginAt: null,
          deactivatedAt: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        });
        const own = account.siteIds?.length ? account.siteIds : siteIds;
        await replaceRolesAndSites(em, ids[i], account.roles, own);
      }
      await appendAudit(
        em,
        {
          actorId: null,
          action: 'setup',
          targetType: 'centre',
          targetId: CENTRE_ID,
          detail: { sites: siteIds.length, accounts: accounts.length },
        },
        ctx.clock(),
      );
    });
    const keyring = Keyring.create(dataDir, DATABASE_CIPHER, recovery);
    accounts.forEach((a, i) => keyring.setAccount(a.username, { userId: ids[i], wrapped: wraps[i] }));
    ctx.vault.adopt(keyring, store, dataKey);
    return { recoveryCode };
  } catch (err) {
    if (store) await store.close();
    removeCreatedStore(dataDir);
    throw err;
  }
}

/** Undoes a set-up that failed half-way: only the files set-up itself creates. */
export function removeCreatedStore(dataDir: string): void {
  for (const file of [
    databasePath(dataDir),
    `${databasePath(dataDir)}-wal`,
    `${databasePath(dataDir)}-shm`,
    Keyring.path(dataDir),
    headPath(dataDir),
  ])
    rmSync(file, { force: true });
}
