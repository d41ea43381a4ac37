/**
 * One panel of "À faire": its title with its count, its site filter (the reader's sites by
 * default, or one of them) and the owner's list below.
 */
import { Badge, Card, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../persons/use-signed-in';
import { useWorklistCount, type WorklistPanelDef } from './worklist-panel';

export function WorklistSection({ panel }: { panel: WorklistPanelDef }) {
  const { t } = useTranslation();
  const sites = useSignedIn().state.user.sites;
  const [siteId, setSiteId] = useState('');
  const siteIds = siteId ? [siteId] : undefined;
  const count = useWorklistCount(panel, siteIds);
  const title = t(panel.labelKey);
  const headingId = `worklist-${panel.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Group gap="xs">
            <Title order={2} size="h4" id={headingId}>
              {title}
            </Title>
            {count.data !== undefined && (
              <Badge
                variant="light"
                color={count.data > 0 ? 'teal' : 'gray'}
                aria-label={t('worklists.countOf', { count: count.data })}
                data-testid={`worklist-count-${panel.id}`}
              >
                {count.data}
              </Badge>
            )}
          </Group>
          {sites.length > 1 && (
            <NativeSelect
              size="xs"
              label={t('worklists.sites')}
              aria-label={t('worklists.sitesOf', { list: title })}
              data={[
                { value: '', label: t('worklists.mySites') },
                ...sites.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` })),
              ]}
              value={siteId}
              onChange={(e) => setSiteId(e.currentTarget.value)}
            />
          )}
        </Group>
        {/* A new filter starts again from the first page. */}
        <panel.Panel key={siteId} siteIds={siteIds} />
      </Stack>
    </Card>
  );
}
