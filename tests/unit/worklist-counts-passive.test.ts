/**
 * The navigation's "À faire" badge polls every owner's `worklistCounts` channel every minute on
 * every open screen: each must be declared passive, so that polling never keeps an unattended
 * session from locking (dispatch.ts touches the session only for non-passive calls).
 */
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../electron/core/api/routes';
import { CHANNEL_NAMES } from '../../shared/contract';

const COUNTS = CHANNEL_NAMES.filter((name) => name.endsWith('.worklistCounts'));

describe('worklist counts', () => {
  it('exist for each owner of a worklist', () => {
    const owners = CHANNEL_NAMES.filter((n) => n.endsWith('.worklist')).map((n) => n.split('.')[0]);
    expect(COUNTS.map((n) => n.split('.')[0]).sort()).toEqual(owners.sort());
  });

  it.each(COUNTS)('%s is passive and a persons list (role-checked, no dossier read)', (name) => {
    const route = ROUTES[name];
    expect(route.access).toBe('session');
    expect('passive' in route ? route.passive : undefined).toBe(true);
  });
});
