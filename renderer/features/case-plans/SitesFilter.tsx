/**
 * The site filter of the team's lists (`/case-plans/team`, `/meetings`): all the reader's sites by
 * default, or one of them; hidden for a reader of one site. Sends `siteIds` only when one is
 * chosen, so the core reads the reader's sites (and refuses any other).
 */
import { NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../persons/use-signed-in';

/** The filter's state: the site chosen ('' = all mine) and the `siteIds` to send, if any. */
export function useSitesFilter(): {
  siteId: string;
  setSiteId: (id: string) => void;
  input: { siteIds?: string[] };
} {
  const [siteId, setSiteId] = useState('');
  return { siteId, setSiteId, input: siteId ? { siteIds: [siteId] } : {} };
}

export function SitesFilter({
  value,
  onChange,
  of,
}: {
  value: string;
  onChange: (siteId: string) => void;
  /** The list it filters, for its accessible name. */
  of: string;
}) {
  const { t } = useTranslation();
  const sites = useSignedIn().state.user.sites;
  if (sites.length < 2) return null;
  return (
    <NativeSelect
      w={260}
      label={t('worklists.sites')}
      aria-label={t('worklists.sitesOf', { list: of })}
      data={[
        { value: '', label: t('worklists.mySites') },
        ...sites.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` })),
      ]}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
