/**
 * The legal calendar (`/legal/calendar`): the hearings of one site for a week (Monday to Sunday in
 * the site's calendar, the workstation being at the site), soonest first, paged — the lawyer's and
 * the social worker's view of what is coming. Lines of persons who do not share with the social
 * and legal team are left out by the core (unless the reader recorded the hearing).
 */
import { Anchor, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { addDays, format, parseISO, startOfWeek } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HearingLine } from '../../../shared/contract/legal';
import { callOrThrow } from '../../api/client';
import { PageTitle } from '../../app/list-page';
import { QueryError } from '../../app/QueryError';
import { currentLanguage } from '../../i18n/setup';
import { formatCalendarDate, formatDay, formatTime } from '../persons/format';
import { personLinks } from '../persons/links';
import { useSignedIn } from '../persons/use-signed-in';
import { useKeysetPages } from '../worklists/use-keyset-pages';

const mondayOf = (day: Date) => format(startOfWeek(day, { weekStartsOn: 1 }), 'yyyy-MM-dd');

export function CalendarPage() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const sites = useSignedIn().state.user.sites;
  const [siteId, setSiteId] = useState<string | null>(sites[0]?.id ?? null);
  const [from, setFrom] = useState(() => mondayOf(new Date()));
  const pages = useKeysetPages(
    ['legal', 'calendar', siteId, from],
    (cursor: { startsAt: string; id: string } | undefined) =>
      callOrThrow('legal.calendar', {
        from,
        days: 7,
        ...(siteId ? { siteIds: [siteId] } : {}),
        ...(cursor ? { cursor } : {}),
      }),
  );
  const shift = (days: number) => setFrom(format(addDays(parseISO(from), days), 'yyyy-MM-dd'));

  return (
    <Stack>
      <PageTitle
        title={t('legal.calendar.title')}
        intro={t('legal.calendar.week', { date: formatCalendarDate(from, lng) })}
      />
      <Group align="flex-end">
        <Select
          label={t('legal.calendar.site')}
          allowDeselect={false}
          data={sites.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
          value={siteId}
          onChange={setSiteId}
        />
        <Button variant="default" onClick={() => shift(-7)}>
          {t('legal.calendar.previous')}
        </Button>
        <Button variant="default" onClick={() => setFrom(mondayOf(new Date()))}>
          {t('legal.calendar.thisWeek')}
        </Button>
        <Button variant="default" onClick={() => shift(7)}>
          {t('legal.calendar.next')}
        </Button>
      </Group>
      {pages.isError ? (
        <QueryError error={pages.error} onRetry={pages.refetch} />
      ) : !pages.rows ? (
        <Loader size="sm" />
      ) : pages.rows.length === 0 ? (
        <Text c="dimmed">{t('legal.calendar.empty')}</Text>
      ) : (
        <Table striped aria-label={t('legal.calendar.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('legal.hearing.date')}</Table.Th>
              <Table.Th>{t('worklists.columns.person')}</Table.Th>
              <Table.Th>{t('worklists.columns.fileNumber')}</Table.Th>
              <Table.Th>{t('legal.procedure.type')}</Table.Th>
              <Table.Th>{t('legal.hearing.place')}</Table.Th>
              <Table.Th>{t('legal.hearing.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pages.rows.map((row: HearingLine) => (
              <Table.Tr key={row.hearingId}>
                <Table.Td>
                  {formatDay(row.startsAt, lng)} {formatTime(row.startsAt, lng)}
                </Table.Td>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => (
                      <Link {...props} {...personLinks.dossier(row.personId, 'legal')} />
                    )}
                  >
                    {row.nameUsed}
                  </Anchor>
                </Table.Td>
                <Table.Td ff="monospace">{row.fileNumber}</Table.Td>
                <Table.Td>{t(`legal.types.${row.procedureType}`)}</Table.Td>
                <Table.Td>{row.place}</Table.Td>
                <Table.Td>
                  {t(`legal.hearingKinds.${row.kind}`)} · {t(`legal.hearingStatuses.${row.status}`)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(pages.hasPrevious || pages.hasNext) && (
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" disabled={!pages.hasPrevious} onClick={pages.previous}>
            {t('worklists.previous')}
          </Button>
          <Button size="xs" variant="default" disabled={!pages.hasNext} onClick={pages.next}>
            {t('worklists.next')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
