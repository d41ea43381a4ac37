/**
 * The frame of a page that works on one site (the agenda, coordination's counts): its title and
 * introduction, the site switch, the notice when no site is chosen, a failed site read with its
 * retry, and the page itself once the site is known.
 */
import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../shared/contract';
import { QueryError } from '../../app/QueryError';
import { useCurrentSite } from './current-site';
import { SiteSwitcher } from './SiteSwitcher';

export function SitePageFrame({
  title,
  intro,
  maw,
  children,
}: {
  title: string;
  intro: string;
  maw?: number;
  children: (site: Site) => ReactNode;
}) {
  const { t } = useTranslation();
  const { site, siteId, choices, isError, error, refetch } = useCurrentSite();
  return (
    <Stack maw={maw}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{title}</Title>
          <Text c="dimmed">{intro}</Text>
        </div>
        <SiteSwitcher choices={choices} value={siteId} />
      </Group>
      {!siteId && (
        <Alert color="yellow" role="status" maw={640}>
          {t('board.noSite')}
        </Alert>
      )}
      {isError && <QueryError error={error} onRetry={refetch} />}
      {siteId && !site && !isError && <Loader aria-label={t('app.loading')} />}
      {site && children(site)}
    </Stack>
  );
}
