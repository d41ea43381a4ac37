/**
 * `/case-plans/team`: the open actions of the plans followed at the reader's sites
 * (`casePlans.teamActions`), this week or all, paged by the core; each page grouped by owner, the
 * most urgent first. Only persons who share with the social and legal team (or whose action the
 * reader wrote or owns) are listed, as the core decides. The coordinator, who reads no plan, sees
 * the counts instead (`TeamCounts`). Both follow the site filter (all the reader's sites, or one).
 */
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionLine } from '../../../shared/contract/case-plans';
import { callOrThrow } from '../../api/client';
import { PageTitle } from '../../app/list-page';
import { QueryError } from '../../app/QueryError';
import { useSiteOptions } from '../centre/site-options';
import { personLinks } from '../persons/links';
import { formatDay } from '../prep/dates';
import { useKeysetPages } from '../worklists/use-keyset-pages';
import { sectionAccess } from '../../../shared/domain/access-policy';
import { useSignedIn } from '../persons/use-signed-in';
import { SitesFilter, useSitesFilter } from './SitesFilter';
import { TeamCounts } from './TeamCounts';

type List = 'week' | 'all';

/** The page's lines by owner, in the order the owners first appear (the most urgent first). */
function byOwner(rows: readonly ActionLine[]): Array<[string, ActionLine[]]> {
  const groups = new Map<string, ActionLine[]>();
  for (const r of rows) groups.set(r.ownerId, [...(groups.get(r.ownerId) ?? []), r]);
  return [...groups.entries()];
}

export function TeamActionsPage() {
  const { t } = useTranslation();
  const user = useSignedIn().state.user;
  const filter = useSitesFilter();
  const readsPlans = sectionAccess(user.roles, 'case_plan') !== 'none';
  const title = t('casePlans.team.title');
  return (
    <Stack>
      <PageTitle
        title={title}
        intro={t(readsPlans ? 'casePlans.team.intro' : 'casePlans.teamCounts.title')}
      />
      <SitesFilter value={filter.siteId} onChange={filter.setSiteId} of={title} />
      {readsPlans ? (
        // A new filter starts again from the first page.
        <TeamActions key={filter.siteId} input={filter.input} />
      ) : (
        user.permissions.includes('reports.read') && <TeamCounts input={filter.input} />
      )}
    </Stack>
  );
}

function TeamActions({ input }: { input: { siteIds?: string[] } }) {
  const { t } = useTranslation();
  const [list, setList] = useState<List>('week');
  const sites = useSiteOptions();
  const pages = useKeysetPages(
    ['casePlans', 'teamActions', list, input.siteIds ?? null],
    (cursor: { dueOn: string; id: string } | undefined) =>
      callOrThrow('casePlans.teamActions', { list, ...input, ...(cursor ? { cursor } : {}) }),
  );
  const rows = pages.rows ?? [];
  return (
    <Stack>
      <SegmentedControl
        w={300}
        value={list}
        onChange={(v) => setList(v === 'all' ? 'all' : 'week')}
        data={[
          { value: 'week', label: t('casePlans.team.week') },
          { value: 'all', label: t('casePlans.team.all') },
        ]}
      />
      {pages.isError && <QueryError error={pages.error} onRetry={pages.refetch} />}
      {!pages.isPending && rows.length === 0 && <Text c="dimmed">{t('casePlans.team.empty')}</Text>}
      {byOwner(rows).map(([ownerId, lines]) => (
        <Stack key={ownerId} gap="xs" component="section" aria-label={lines[0]?.ownerName ?? ownerId}>
          <Title order={3}>{lines[0]?.ownerName ?? ''}</Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('casePlans.team.person')}</Table.Th>
                <Table.Th>{t('casePlans.team.action')}</Table.Th>
                <Table.Th>{t('casePlans.team.due')}</Table.Th>
                <Table.Th>{t('worklists.columns.site')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.actionId}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} {...personLinks.dossier(l.personId, 'case-plan')} />
                      )}
                    >
                      {`${l.nameUsed} (${l.fileNumber})`}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{`${l.title} · ${t(`casePlans.axes.${l.axis}`)}`}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {formatDay(l.dueOn)}
                      {l.overdue && (
                        <Badge color="red" variant="light">
                          {t('casePlans.team.overdue')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{sites.codeOf(l.siteId)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
      {(pages.hasPrevious || pages.hasNext) && (
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" disabled={!pages.hasPrevious} onClick={pages.previous}>
            {t('casePlans.team.previous')}
          </Button>
          <Button variant="default" size="xs" disabled={!pages.hasNext} onClick={pages.next}>
            {t('casePlans.team.next')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
