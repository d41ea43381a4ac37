import { useMemo } from 'react';
import type { Site } from '../../../shared/contract';
import { useSession } from '../../app/session';
import { useCentre } from '../centre/api';

export interface SiteChoice {
  id: string;
  code: string;
  name: string;
}

/**
 * The site this workstation works for (chosen in the header or on the board), with its time zone
 * and opening hours from the centre settings. `site` is null while those settings load.
 */
export function useCurrentSite(): {
  siteId: string | null;
  site: Site | null;
  choices: SiteChoice[];
  isError: boolean;
  error: unknown;
  refetch: () => void;
} {
  const session = useSession();
  const centre = useCentre();
  const siteId = session?.currentSiteId ?? null;
  const choices = useMemo(() => session?.state.user.sites ?? [], [session]);
  const site = useMemo(() => centre.data?.sites.find((s) => s.id === siteId) ?? null, [centre.data, siteId]);
  return {
    siteId,
    site,
    choices,
    isError: centre.isError,
    error: centre.error,
    refetch: () => void centre.refetch(),
  };
}
