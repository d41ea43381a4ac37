/**
 * The waiting lists' panel of "À faire" (community workers and specialists): who waits for a
 * specialty, oldest request first, with a choice of specialty (users carry no specialty of their
 * own, so a specialist picks theirs; the list with the most waiting comes first). A line opens the
 * Referrals tab, where the entries are.
 */
import { NativeSelect, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingListLine } from '../../../shared/contract/waiting-lists';
import { callOrThrow } from '../../api/client';
import { useKeysetPages } from '../worklists/use-keyset-pages';
import type { WorklistCountSource, WorklistPanelDef, WorklistPanelProps } from '../worklists/worklist-panel';
import { WorklistLines } from '../worklists/WorklistLines';
import { useSpecialties } from './api';
import { formatDay } from './format';

const sites = (siteIds: string[] | undefined) => (siteIds ? { siteIds } : {});

function SpecialtyList({ specialty, siteIds }: WorklistPanelProps & { specialty: string }) {
  const { t } = useTranslation();
  const pages = useKeysetPages(
    ['waitingLists', specialty, siteIds ?? null],
    async (cursor: { requestedOn: string; id: string } | undefined) => {
      const page = await callOrThrow('waitingLists.worklist', {
        specialty,
        list: 'waiting',
        ...sites(siteIds),
        ...(cursor ? { cursor } : {}),
      });
      return { rows: page.items, nextCursor: page.nextCursor };
    },
  );
  return (
    <WorklistLines
      pages={pages}
      tab="referrals"
      lineOf={(line: WaitingListLine) => ({
        key: line.id,
        personId: line.personId,
        nameUsed: line.nameUsed,
        fileNumber: line.fileNumber,
        siteId: line.siteId,
        detail: t('worklists.waitingLists.since', {
          date: formatDay(line.requestedOn),
          count: line.waitingDays,
        }),
      })}
    />
  );
}

function WaitingListWorklistPanel({ siteIds }: WorklistPanelProps) {
  const { t } = useTranslation();
  const specialties = useSpecialties();
  const counts = useQuery({
    queryKey: ['worklists', 'waitingLists', 'bySpecialty', siteIds ?? null],
    queryFn: () => callOrThrow('waitingLists.worklistCounts', sites(siteIds)),
    staleTime: 0,
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const items = [...(counts.data?.items ?? [])].sort((a, b) => b.waiting - a.waiting);
  const specialty = chosen ?? items[0]?.specialty ?? null;
  return (
    <Stack gap="xs">
      <NativeSelect
        size="xs"
        label={t('worklists.waitingLists.specialty')}
        data={items.map((c) => ({
          value: c.specialty,
          label: `${specialties.labelOf(c.specialty)} (${c.waiting})`,
        }))}
        value={specialty ?? ''}
        onChange={(e) => setChosen(e.currentTarget.value)}
      />
      {specialty && <SpecialtyList key={specialty} specialty={specialty} siteIds={siteIds} />}
    </Stack>
  );
}

const counts: WorklistCountSource = {
  owner: 'waitingLists',
  fetch: async (siteIds) => {
    const { items } = await callOrThrow('waitingLists.worklistCounts', sites(siteIds));
    return { waiting: items.reduce((sum, i) => sum + i.waiting, 0) };
  },
};

export const waitingListsWorklistPanels: readonly WorklistPanelDef[] = [
  {
    id: 'waitingLists.waiting',
    owner: 'waitingLists',
    labelKey: 'worklists.waitingLists.title',
    roles: ['community_worker', 'specialist'],
    section: 'referrals',
    order: 70,
    counts,
    countKey: 'waiting',
    Panel: WaitingListWorklistPanel,
  },
];
