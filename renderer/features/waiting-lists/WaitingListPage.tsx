/**
 * Each specialty's waiting list: who waits (oldest request first) and for how long, or who is
 * booked; filtered by site (the reader's sites by default), a page of 50 at a time. "Programmer"
 * books a line into the agenda or a workshop without leaving the list.
 */
import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingListLine } from '../../../shared/contract/waiting-lists';
import { WAITING_LIST_LISTS, type WaitingListList } from '../../../shared/domain/waiting-lists';
import { PageTitle } from '../../app/list-page';
import { QueryError } from '../../app/QueryError';
import { personLinks } from '../persons/links';
import { useCurrentSite } from '../visits/current-site';
import { useSpecialties, useWorklist, useWorklistCounts } from './api';
import { BookDialog } from './BookDialog';
import { formatDay } from './format';

type Cursor = { requestedOn: string; id: string };

export function WaitingListPage() {
  const { t } = useTranslation();
  const specialties = useSpecialties();
  const { choices } = useCurrentSite();
  const [siteId, setSiteId] = useState('');
  const siteIds = siteId ? [siteId] : null;
  const counts = useWorklistCounts(siteIds);
  const [chosen, setChosen] = useState<string | null>(null);
  const specialty = chosen ?? counts.data?.items[0]?.specialty ?? specialties.active[0]?.value ?? null;
  const [list, setList] = useState<WaitingListList>('waiting');
  // The cursors of the pages before this one (keyset paging: "previous" goes back one).
  const [cursors, setCursors] = useState<Array<Cursor | undefined>>([]);
  const cursor = cursors[cursors.length - 1];
  const page = useWorklist(
    specialty ? { specialty, list, ...(siteIds ? { siteIds } : {}), ...(cursor ? { cursor } : {}) } : null,
  );
  const [booking, setBooking] = useState<WaitingListLine | null>(null);
  const reset = () => setCursors([]);

  return (
    <Stack maw={1100}>
      <PageTitle title={t('waitingLists.title')} intro={t('waitingLists.panelTitle')} />
      <Group align="flex-end">
        <NativeSelect
          label={t('waitingLists.worklist.specialty')}
          data={(counts.data?.items ?? []).map((c) => ({
            value: c.specialty,
            label: `${specialties.labelOf(c.specialty)} (${c.waiting})`,
          }))}
          value={specialty ?? ''}
          onChange={(e) => {
            setChosen(e.currentTarget.value);
            reset();
          }}
        />
        <NativeSelect
          label={t('waitingLists.worklist.sites')}
          data={[
            { value: '', label: t('waitingLists.worklist.mySites') },
            ...choices.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` })),
          ]}
          value={siteId}
          onChange={(e) => {
            setSiteId(e.currentTarget.value);
            reset();
          }}
        />
        <SegmentedControl
          aria-label={t('waitingLists.fields.list')}
          data={WAITING_LIST_LISTS.map((l) => ({ value: l, label: t(`waitingLists.lists.${l}`) }))}
          value={list}
          onChange={(v) => {
            setList(v === 'booked' ? 'booked' : 'waiting');
            reset();
          }}
        />
      </Group>
      {counts.isError && <QueryError error={counts.error} onRetry={() => void counts.refetch()} />}
      {page.isError && <QueryError error={page.error} onRetry={() => void page.refetch()} />}
      {page.isPending && specialty && <Loader />}
      {page.data && page.data.items.length === 0 && (
        <Text c="dimmed">{t('waitingLists.worklist.empty')}</Text>
      )}
      {page.data && page.data.items.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('waitingLists.worklist.person')}</Table.Th>
              <Table.Th>{t('waitingLists.worklist.fileNumber')}</Table.Th>
              <Table.Th>{t('waitingLists.worklist.requestedOn')}</Table.Th>
              <Table.Th>{t('waitingLists.worklist.waiting')}</Table.Th>
              <Table.Th>{t('waitingLists.fields.note')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.data.items.map((line) => (
              <Table.Tr key={line.id}>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => (
                      <Link {...props} {...personLinks.dossier(line.personId, 'referrals')} />
                    )}
                  >
                    {line.nameUsed}
                  </Anchor>
                </Table.Td>
                <Table.Td ff="monospace">{line.fileNumber}</Table.Td>
                <Table.Td>{formatDay(line.requestedOn)}</Table.Td>
                <Table.Td>{t('waitingLists.worklist.days', { count: line.waitingDays })}</Table.Td>
                <Table.Td>{line.note}</Table.Td>
                <Table.Td>
                  {line.status === 'waiting' && (
                    <Button size="xs" onClick={() => setBooking(line)}>
                      {t('waitingLists.book')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="flex-end">
        <Button
          variant="default"
          disabled={cursors.length === 0}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {t('waitingLists.worklist.previous')}
        </Button>
        <Button
          variant="default"
          disabled={!page.data?.nextCursor}
          onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
        >
          {t('waitingLists.worklist.next')}
        </Button>
      </Group>
      {booking && <BookDialog entry={booking} onDone={() => setBooking(null)} />}
    </Stack>
  );
}
