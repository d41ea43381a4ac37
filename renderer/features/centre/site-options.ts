import { useMemo } from 'react';
import { getSession } from '../../app/session';
import { useCentre } from './api';

export interface SiteOption {
  value: string;
  label: string;
  code: string;
  active: boolean;
}

/**
 * The centre's sites, to assign them to people. Falls back to the signed-in user's own sites when
 * the centre settings cannot be read.
 */
export function useSiteOptions(): { options: SiteOption[]; codeOf: (id: string) => string } {
  const centre = useCentre();
  return useMemo(() => {
    const sites: SiteOption[] = centre.data
      ? centre.data.sites.map((s) => ({
          value: s.id,
          label: `${s.code} · ${s.name}`,
          code: s.code,
          active: s.active,
        }))
      : (getSession()?.state.user.sites ?? []).map((s) => ({
          value: s.id,
          label: `${s.code} · ${s.name}`,
          code: s.code,
          active: true,
        }));
    const byId = new Map(sites.map((s) => [s.value, s.code]));
    return { options: sites, codeOf: (id: string) => byId.get(id) ?? id };
  }, [centre.data]);
}
